// Newsletters in the browser: a coordinator writes an issue with a picture, looks at it as the e-mail, sends a test
// to herself and sends it to a list of 30 companies; the outbox then holds 30 mails, one per address. On a 390 px phone
// someone reads the archive, subscribes, and the link in the confirmation mail puts them on the list. axe on every
// screen, the public page in German and English.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { demoPicture } from '#local/seed/pictures.ts';
import { apiCall, seriousFindings, tokenOf } from './support/session.ts';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskPage, phoneContext } from './support/pages.ts';

const stack = sharedStack();
const outbox = join(stack.dataDir, 'outbox');
const tag = Date.now().toString(36);
const title = `Gute Praxis aus Betrieben ${tag}`;
const reader = `leserin.${tag}@example.net`;
let browser: Browser;
let phone: BrowserContext;
let coordinator = '';

/** Newsletter mails in the outbox whose recipient address contains `part`. */
const issueMails = (part: string) =>
  readdirSync(outbox).filter((f) => /-newsletter-[^-]/.test(f) && !f.includes('-newsletter-confirm-') && !f.includes('-newsletter-test-') && f.includes(part));

beforeAll(async () => {
  browser = await launchBrowser();
  phone = await phoneContext(browser);
  coordinator = await tokenOf(browser, stack.url, 'coordinator@amon.local');
  // A list of 30: companies of a sector and district the demo has none in.
  for (let n = 0; n < 30; n++)
    await apiCall(stack.url, coordinator, 'POST', '/api/companies', {
      name: `Auslandsvertretung ${tag} ${n}`,
      wzSection: 'U',
      sizeClass: '1-9',
      district: 'outside_mv',
      postcode: '10117',
      email: `kontakt${n}.${tag}@vertretung.example.org`,
    });
});

afterAll(async () => {
  await browser?.close();
});

describe('newsletters', () => {
  it('a coordinator writes an issue with a picture, previews and tests it, and sends it to a list of 30: 30 mails, one per address', async () => {
    const page = await deskPage(browser, { width: 1400, height: 950 });
    await signIn(page, stack.url, 'coordinator@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.getByRole('menuitem', { name: 'Newsletter' }).click();
    await page.getByRole('link', { name: 'Anlegen' }).waitFor({ timeout: 15_000 });
    expect(await seriousFindings(page)).toEqual([]);

    await page.getByRole('link', { name: 'Anlegen' }).click();
    await page.getByLabel('Titel').fill(title);
    await page
      .getByLabel('Einleitung')
      .fill('Liebe Partnerinnen und Partner,\n\ndiesmal berichten wir von einem Betrieb, der vier Beschäftigte nachqualifiziert.');
    await page.getByRole('button', { name: 'Hinzufügen' }).first().click();
    await page.getByLabel('Überschrift').fill('Lagerlogistik in Teilzeit');
    await page.getByLabel('Text', { exact: true }).fill('Vier Beschäftigte, ein Ziel: der Abschluss als Fachkraft für Lagerlogistik.');
    await page.getByText('Bilder fügen Sie nach dem ersten Speichern hinzu.').waitFor();
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Speichern' }).click();

    // Saved as a draft and open for editing: now the picture.
    await page.getByRole('button', { name: 'Bild hinzufügen' }).waitFor({ timeout: 15_000 });
    await page.locator('input[type=file]').setInputFiles({ name: 'lager.png', mimeType: 'image/png', buffer: Buffer.from(demoPicture(3)) });
    await page.getByLabel('Bildbeschreibung').fill('Zeichnung einer Lagerhalle');
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByRole('img', { name: 'Zeichnung einer Lagerhalle' }).waitFor();
    expect(await page.getByRole('img', { name: 'Zeichnung einer Lagerhalle' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(600);
    expect(await seriousFindings(page)).toEqual([]);

    await page.getByRole('button', { name: 'Vorschau' }).click();
    const preview = page.getByRole('dialog', { name: 'Vorschau als E-Mail' });
    await preview.getByText(`amoN-Newsletter: ${title}`).waitFor({ timeout: 15_000 });
    await preview.getByRole('region', { name: 'E-Mail (HTML)' }).getByRole('img', { name: 'Zeichnung einer Lagerhalle' }).waitFor();
    expect(await seriousFindings(page)).toEqual([]);
    await preview.getByRole('tab', { name: 'Textfassung' }).click();
    await preview
      .getByText(/Lagerlogistik in Teilzeit/)
      .first()
      .waitFor();
    await page.screenshot({ path: 'test-results/newsletter-preview.png' });
    await preview.getByRole('button', { name: 'Schließen' }).click();

    await page.getByRole('button', { name: 'Testmail an mich' }).click();
    await page.getByText('Die Testmail geht an Ihre Adresse.').waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: 'Versenden' }).click();
    const send = page.getByRole('dialog', { name: 'Ausgabe versenden' });
    await send.getByLabel('Betriebe (Kontaktadresse)').check();
    await send.getByLabel('Branchen (WZ-Abschnitte)').click();
    await page.getByRole('option', { name: /^U – / }).click();
    await send.getByLabel('Landkreise und Städte').click();
    await page.getByRole('option', { name: /außerhalb/i }).click();
    await send.getByText('30 Adressen bekommen die Ausgabe.').waitFor({ timeout: 15_000 });
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/newsletter-send.png' });
    await send.getByRole('button', { name: 'An 30 Adressen versenden' }).click();

    await page.getByText('Newsletter-Versand: 30 von 30 versendet').waitFor({ timeout: 60_000 });
    await page.getByText(/Versandt am .* an: Betriebe/).waitFor();
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/newsletter-show.png', fullPage: true });

    const files = issueMails(`.${tag}@vertretung.example.org`);
    expect(files).toHaveLength(30);
    expect(new Set(files.map((f) => f.replace(/^.*-newsletter-/, ''))).size).toBe(30);
    const mail = await simpleParser(readFileSync(join(outbox, files[0]!)));
    expect(mail.subject).toBe(`amoN-Newsletter: ${title}`);
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toContain('Lagerlogistik in Teilzeit');
    expect(readdirSync(outbox).filter((f) => f.includes('-newsletter-test-coordinator@amon.local'))).not.toHaveLength(0);
  });

  it('on a phone someone reads the archive and subscribes; the link in the confirmation mail puts them on the list', async () => {
    const p = await phone.newPage();
    await p.goto(`${stack.url}/newsletter/`);
    await p.getByRole('heading', { name: 'Newsletter', level: 1 }).waitFor({ timeout: 15_000 });
    await p.getByRole('heading', { name: 'Fachkräfte sichern mit Nachqualifizierung' }).waitFor({ timeout: 15_000 });
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousFindings(p)).toEqual([]);

    // One past issue, as the archive shows it.
    await p.getByRole('link', { name: 'Lesen' }).first().click();
    await p.getByRole('link', { name: 'Zum Newsletter' }).waitFor({ timeout: 15_000 });
    await p.getByRole('img').first().waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousFindings(p)).toEqual([]);
    await p.getByRole('link', { name: 'Zum Newsletter' }).click();

    // The form names what is missing, then takes the address.
    await p.getByRole('button', { name: 'Bestellen' }).click();
    await p.getByText('Bitte eine gültige E-Mail-Adresse angeben.').waitFor();
    expect(await seriousFindings(p)).toEqual([]);
    await p.getByRole('textbox', { name: /E-Mail-Adresse/ }).fill(reader);
    await p.getByLabel(/Ich möchte den Newsletter/).check();
    await p.getByRole('button', { name: 'Bestellen' }).click();
    await p.getByText(/Fast geschafft/).waitFor({ timeout: 15_000 });
    await p.screenshot({ path: 'test-results/newsletter-phone.png', fullPage: true });

    let file: string | undefined;
    for (let i = 0; i < 100 && !file; i++) {
      file = readdirSync(outbox).find((f) => f.endsWith(`-newsletter-confirm-${reader}.eml`));
      if (!file) await new Promise((r) => setTimeout(r, 300));
    }
    const confirmation = await simpleParser(readFileSync(join(outbox, file!)));
    const link = /(http\S+#bestaetigen=\S+)/.exec(confirmation.text ?? '')![1]!;
    const listed = async () =>
      (await apiCall<{ items: { email: string }[] }>(stack.url, coordinator, 'GET', '/api/newsletter-subscribers?limit=100')).items.some(
        (s) => s.email === reader,
      );
    expect(await listed()).toBe(false);

    await p.goto(link);
    await p.getByRole('heading', { name: 'Bestellung bestätigen' }).waitFor({ timeout: 15_000 });
    expect(await seriousFindings(p)).toEqual([]);
    await p.getByRole('button', { name: 'Ja, ich möchte den Newsletter erhalten' }).click();
    await p.getByText(/Vielen Dank! Sie erhalten den Newsletter/).waitFor({ timeout: 15_000 });
    expect(new URL(p.url()).hash).toBe('');
    expect(await listed()).toBe(true);

    // The page in English.
    await p.goto(`${stack.url}/newsletter/`);
    await p.getByRole('button', { name: 'Switch to English' }).click();
    await p.getByRole('heading', { name: 'Subscribe' }).waitFor();
    expect(await seriousFindings(p)).toEqual([]);
  });
});
