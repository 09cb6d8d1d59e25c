import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousFindings } from './support/session.ts';
import ExcelJS from 'exceljs';
import { linksFor } from '../support/outbox.ts';
import { launchBrowser, signIn, sharedStack } from './support/stack.ts';
import { deskPage, phoneContext } from './support/pages.ts';

const stack = sharedStack();
let browser: Browser;
let staff: Page;
let phone: BrowserContext;
let campaignUrl = '';

const COMPANIES = [
  { name: 'Ostsee Metallbau GmbH', email: 'kontakt-0@ostsee-metallbau-gmbh.example' },
  { name: 'Hanse Stahlbau GmbH', email: 'kontakt-5@hanse-stahlbau-gmbh.example' },
  { name: 'Peene Backwaren GmbH', email: 'kontakt-4@peene-backwaren-gmbh.example' },
];
const TITLE = 'Kurzbefragung Ausbildung Winter';
const berlinDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

beforeAll(async () => {
  browser = await launchBrowser();
  staff = await deskPage(browser);
  phone = await phoneContext(browser, 3);
});

afterAll(async () => {
  await browser?.close();
});

/** The last question block of the builder (the one just added). */
const lastQuestion = () =>
  staff
    .locator('.RaSimpleFormIterator-line')
    .filter({ has: staff.getByLabel('Fragetyp') })
    .last();

describe('staff survey a few companies and read the answers', () => {
  it('a coordinator builds a campaign with three kinds of questions', async () => {
    await signIn(staff, stack.url, 'coordinator@amon.local');
    await staff.waitForURL(/#\/$/, { timeout: 20_000 });
    await staff.getByRole('menuitem', { name: 'Umfragen' }).click();
    await expect.poll(() => staff.getByText('Fachkräftebedarf Herbst', { exact: false }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await staff.getByRole('link', { name: 'Anlegen' }).click();
    await staff.waitForURL(/#\/campaigns\/create/, { timeout: 10_000 });

    await staff.getByRole('textbox', { name: 'Titel' }).fill(TITLE);
    await staff.getByLabel('Beginn', { exact: true }).fill(berlinDay(0));
    await staff.getByLabel('Ende', { exact: true }).fill(berlinDay(21));
    await staff.getByLabel('Einleitung (deutsch)').fill('Drei kurze Fragen zu Ihrem Fachkräftebedarf.');

    // 1: single choice, required, with two answers
    await staff.getByRole('button', { name: 'Hinzufügen' }).last().click();
    let q = lastQuestion();
    await q.getByLabel('Frage (deutsch)').fill('Bilden Sie derzeit aus?');
    await q.getByLabel('Frage (englisch, optional)').fill('Do you currently train apprentices?');
    await q.getByLabel('Pflichtfrage').check();
    for (const [value, label] of [
      ['ja', 'Ja'],
      ['nein', 'Nein'],
    ]) {
      await q.getByRole('button', { name: 'Hinzufügen' }).click();
      await q.getByLabel('Wert (z. B. ja)').last().fill(value!);
      await q.getByLabel('Text (deutsch)').last().fill(label!);
    }

    // 2: a number between 0 and 50
    await staff.getByRole('button', { name: 'Hinzufügen' }).last().click();
    q = lastQuestion();
    await q.getByLabel('Fragetyp').click();
    await staff.getByRole('option', { name: 'Zahl (mit Min/Max)' }).click();
    await q.getByLabel('Frage (deutsch)').fill('Wie viele Stellen sind offen?');
    await q.getByLabel('Maximum').fill('50');
    await q.getByLabel('Pflichtfrage').check();

    // 3: occupations and headcount
    await staff.getByRole('button', { name: 'Hinzufügen' }).last().click();
    q = lastQuestion();
    await q.getByLabel('Fragetyp').click();
    await staff.getByRole('option', { name: 'Berufe und Anzahl' }).click();
    await q.getByLabel('Frage (deutsch)').fill('Welche Fachkräfte suchen Sie?');

    await staff.getByRole('button', { name: 'Speichern' }).click();
    await expect
      .poll(() => staff.url(), { timeout: 15_000 })
      .toMatch(/#\/campaigns\/[0-9A-Z]{26}\/show/)
      .catch(async (error: unknown) => {
        await staff.screenshot({ path: 'test-results/campaign-create.png', fullPage: true });
        throw error;
      });
    campaignUrl = staff.url();
    await expect.poll(() => staff.getByText(TITLE).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('invites three companies, opens the campaign, and the invitations land in the outbox', async () => {
    await staff.getByRole('button', { name: 'Betriebe einladen' }).click();
    const dialog = staff.getByRole('dialog');
    const picker = dialog.getByLabel('Betriebe');
    for (const c of COMPANIES) {
      await picker.fill(c.name);
      await staff.getByRole('option', { name: c.name, exact: true }).click();
    }
    await dialog.getByRole('button', { name: 'Einladen' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 }).toContain('3 Betriebe eingeladen');
    await dialog.getByRole('button', { name: 'Schließen' }).click();

    await staff.getByRole('button', { name: 'Öffnen und versenden' }).click();
    await expect
      .poll(() => staff.getByText('Umfrage geöffnet – die Einladungen werden im Hintergrund versendet').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    const outbox = join(stack.dataDir, 'outbox');
    for (const c of COMPANIES) {
      await expect.poll(async () => (await linksFor(outbox, c.email)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    }
    await staff.getByRole('tab', { name: 'Einladungen' }).click();
    for (const c of COMPANIES)
      await expect.poll(() => staff.getByRole('row', { name: new RegExp(c.name) }).textContent(), { timeout: 10_000 }).toContain('versendet');
  });

  it('a company opens its link on a phone, saves a draft, comes back after a reload and submits', async () => {
    const outbox = join(stack.dataDir, 'outbox');
    const links = await linksFor(outbox, COMPANIES[0]!.email);
    const page = await phone.newPage();
    await page.goto(`${stack.url}/survey/#t=${links.at(-1)}`);
    await page.getByRole('heading', { name: TITLE }).waitFor({ timeout: 15_000 });
    expect(page.url()).not.toContain('#t='); // the token left the address bar
    expect(await page.getByText(`Für ${COMPANIES[0]!.name}`, { exact: true }).count()).toBe(1);
    expect(await seriousFindings(page)).toEqual([]);

    // The page fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Submitting with a required answer missing names the question.
    await page.getByRole('button', { name: 'Antworten absenden' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 5_000 }).toContain('Bitte prüfen');
    expect(await page.locator('fieldset[aria-invalid="true"]').count()).toBe(2);
    expect(await seriousFindings(page)).toEqual([]);

    await page.getByLabel('Ja', { exact: true }).check();
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Entwurf gespeichert');

    await page.reload();
    await page.getByRole('heading', { name: TITLE }).waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Ja', { exact: true }).isChecked()).toBe(true);

    await page.getByLabel('Wie viele Stellen sind offen?').fill('4');
    // Enter in a field does not send the survey.
    await page.getByLabel('Wie viele Stellen sind offen?').press('Enter');
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.getByRole('status').textContent()).not.toContain('Vielen Dank');
    expect(await page.getByRole('alert').count()).toBe(0);

    // Leaving with an unsaved answer asks first; coming back finds the answer kept on the device.
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    await page.getByRole('heading', { name: TITLE }).waitFor({ timeout: 15_000 });
    expect(asked).toEqual(['beforeunload']);
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 5_000 }).toContain('wiederhergestellt');
    expect(await page.getByLabel('Wie viele Stellen sind offen?').inputValue()).toBe('4');

    await page.getByRole('button', { name: 'Beruf hinzufügen' }).click();
    await page.getByLabel('Beruf', { exact: true }).selectOption({ label: 'Fachkraft für Lagerlogistik / Fachlagerist/in' });
    await page.getByLabel('Anzahl Personen').fill('2');
    await page.getByLabel('Zeitraum').selectOption({ label: 'in 6 Monaten' });
    await page.getByLabel('Würde eine Person ohne Berufsabschluss qualifizieren').check();
    await page.getByRole('button', { name: 'Antworten absenden' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Vielen Dank');
    expect(await page.getByRole('button', { name: 'Änderungen absenden' }).count()).toBe(1);
    expect(await seriousFindings(page)).toEqual([]);

    // A made-up link gets the neutral message.
    const stranger = await phone.newPage();
    await stranger.goto(`${stack.url}/survey/#t=${links.at(-1)!.slice(0, -4)}AAAA`);
    await expect.poll(() => stranger.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('Dieser Link ist nicht gültig');
  });

  it('staff see the answer in the results and export the responses to Excel', async () => {
    await staff.goto(campaignUrl);
    await staff.getByRole('tab', { name: 'Ergebnisse' }).click();
    await expect.poll(() => staff.getByText('Rücklauf: 1 von 3 eingeladenen Betrieben', { exact: false }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const demand = staff.getByRole('table', { name: 'Bedarf: Welche Fachkräfte suchen Sie?' });
    await expect.poll(() => demand.textContent(), { timeout: 10_000 }).toContain('Fachkraft für Lagerlogistik');

    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: 'Antworten als Excel' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    const rows = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((r) =>
        (r as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number))),
      );
    expect(rows).toHaveLength(2); // header + one company
    expect(rows[0]).toEqual(expect.arrayContaining(['Bilden Sie derzeit aus?', 'Wie viele Stellen sind offen?']));
    expect(rows[1]).toEqual(expect.arrayContaining([COMPANIES[0]!.name, 'Ja', '4']));
    expect(rows[1]!.join(' | ')).toMatch(/C – Verarbeitendes Gewerbe \| [^|]*Rostock \| 1-9 Beschäftigte/); // sector and district in words, not codes
  });
});
