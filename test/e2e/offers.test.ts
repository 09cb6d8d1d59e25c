// The regional offer catalogue in the browser: a coordinator imports a provider's list (a dry run finds the wrong row
// first), staff see demand beside supply, a counsellor builds a plan module from a catalogue offer, and the public
// catalogue page on a 390 px phone shows current offers without any contact person. axe on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, seriousFindings, tokenOf } from './support/session.ts';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskContext, phoneContext } from './support/pages.ts';

const stack = sharedStack();
const tag = Date.now().toString(36);
const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });
let browser: Browser;
let desk: BrowserContext;
let page: Page;
let caseId = '';

const csv = (rows: string[][]) =>
  Buffer.from(
    '\uFEFF' +
      [['Titel', 'KldB', 'Art', 'Stunden', 'Form', 'Plätze', 'Beginn', 'Landkreis', 'Ort', 'Kosten (€)', 'AZAV', 'Ansprechperson'], ...rows]
        .map((r) => r.map((c) => `"${c}"`).join(';'))
        .join('\r\n'),
    'utf8',
  );
const row = (title: string, hours = '280') => [
  title,
  '51312',
  'Qualifizierungsbaustein',
  hours,
  'Teilzeit',
  '10',
  `${inDays(14)}, ${inDays(90)}`,
  'Landkreis Rostock',
  'Güstrow, Speicherstraße 4',
  '2.950,00',
  'ja',
  `Kontakt ${tag}`,
];

beforeAll(async () => {
  browser = await launchBrowser();
  desk = await deskContext(browser, { width: 1400, height: 950 });
  page = await desk.newPage();
  const token = await tokenOf(browser, stack.url, 'counsellor@amon.local');
  const c = await apiCall<{ id: string; version: number }>(stack.url, token, 'POST', '/api/cases', {
    participant: { firstName: 'Dariusz', lastName: `Katalog${tag}`, gender: 'male', migrationBackground: 'yes' },
    consent: { givenOn: '2026-10-01', scope: ['counselling', 'share_with_partners'] },
    targetOccupationId: '51312-fachkraft-fuer-lagerlogistik',
  });
  caseId = c.id;
});

afterAll(async () => {
  await browser?.close();
});

describe('the offer catalogue', () => {
  it('a coordinator imports a provider’s list: the dry run names the wrong row, the corrected file is imported as a job', async () => {
    await signIn(page, stack.url, 'coordinator@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.goto(`${stack.url}/#/offers`);
    await page.getByRole('link', { name: 'Import' }).click();
    await page
      .getByRole('heading', { name: 'Angebote eines Bildungsträgers importieren' })
      .waitFor({ timeout: 15_000 })
      .catch(() => {});
    await page.getByLabel('Bildungsträger der Liste').click();
    await page.getByRole('option', { name: 'Technik- und Logistikzentrum Güstrow' }).click();
    const file = page.getByLabel('Datei für den Import');
    await file.setInputFiles({ name: 'angebote.csv', mimeType: 'text/csv', buffer: csv([row(`QB Lager ${tag} A`), row(`QB Lager ${tag} B`, '80')]) });
    await page.getByText('2 Zeilen gelesen.').waitFor();
    await page.getByRole('button', { name: 'Probelauf' }).click();
    await page.getByText('1 von 2 Zeilen sind gültig.', { exact: false }).waitFor({ timeout: 10_000 });
    await expect
      .poll(() => page.getByRole('table', { name: 'Fehler je Zeile' }).getByText('ein Qualifizierungsbaustein hat 140 bis 420 Stunden').count())
      .toBe(1);
    expect(await page.getByRole('button', { name: 'Importieren' }).isDisabled()).toBe(true);
    expect(await seriousFindings(page)).toEqual([]);

    await file.setInputFiles({ name: 'angebote.csv', mimeType: 'text/csv', buffer: csv([row(`QB Lager ${tag} A`), row(`QB Lager ${tag} B`, '240')]) });
    await page.getByRole('button', { name: 'Probelauf' }).click();
    await page.getByText('Der Import kann starten.', { exact: false }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Importieren' }).click();
    await expect.poll(() => page.getByText('Angebotsimport: 2 von 2 importiert').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Zur Liste der Angebote' }).click();
    await page.getByLabel('KldB-Code oder sein Anfang').fill('51312');
    await expect.poll(() => page.getByText(`QB Lager ${tag} A`).count(), { timeout: 10_000 }).toBe(1);
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('staff see per occupation group the open needs beside the offers, with the gaps first', async () => {
    await page.goto(`${stack.url}/#/offers`);
    await page.getByRole('link', { name: 'Bedarf und Angebot' }).click();
    const table = page.getByRole('table', { name: 'Bedarf und Angebot je Berufsgruppe' });
    await table.waitFor({ timeout: 15_000 });
    await expect.poll(() => table.getByText('Lagerwirtschaft, Post und Zustellung, Güterumschlag (513)').count()).toBe(1);
    const firstState = await table.locator('tbody tr').first().locator('td').last().innerText();
    expect(['Bedarf ohne Angebot', 'Bedarf und Angebot']).toContain(firstState);
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('a counsellor builds a plan module from a catalogue offer: prefilled and linked', async () => {
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await signIn(page, stack.url, 'counsellor@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.goto(`${stack.url}/#/cases/${caseId}/show/plan`);
    await page.getByRole('button', { name: 'Baustein hinzufügen' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Aus dem Angebotskatalog').click();
    await d.getByLabel('Aus dem Angebotskatalog').fill(`QB Lager ${tag} A`);
    await page.getByRole('option', { name: new RegExp(`QB Lager ${tag} A`) }).click();
    await expect.poll(() => d.getByLabel('Baustein', { exact: true }).inputValue()).toBe(`QB Lager ${tag} A`);
    await expect.poll(() => d.getByLabel('Stunden').inputValue()).toBe('280');
    expect(await seriousFindings(page)).toEqual([]);
    await d.getByRole('button', { name: 'Speichern' }).click();
    await d.waitFor({ state: 'detached', timeout: 10_000 });
    // The plan shows the module with its provider and the offer it came from.
    await expect.poll(() => page.getByRole('cell', { name: `QB Lager ${tag} A` }).count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.getByRole('link', { name: 'Technik- und Logistikzentrum Güstrow' }).count()).toBeGreaterThan(0);
  });

  it('the public catalogue on a 390 px phone: current offers by occupation group, nothing personal, German and English', async () => {
    const phone = await phoneContext(browser);
    const p = await phone.newPage();
    await p.goto(`${stack.url}/katalog/`);
    await p.getByRole('heading', { name: 'Weiterbildungsangebote in der Region', level: 1 }).waitFor({ timeout: 15_000 });
    await p
      .getByRole('status')
      .filter({ hasText: /Angebot/ })
      .waitFor();
    expect(await seriousFindings(p)).toEqual([]);
    await p.getByLabel('Beruf oder Berufsgruppe').selectOption('513');
    await p.getByLabel('Kreis').selectOption('landkreis_rostock');
    await p.getByRole('button', { name: 'Angebote anzeigen' }).click();
    await expect.poll(() => p.getByRole('heading', { name: `QB Lager ${tag} A`, level: 2 }).count(), { timeout: 10_000 }).toBe(1);
    expect(p.url()).toContain('beruf=513');
    const text = await p.locator('main').innerText();
    expect(text).toContain('AZAV-zertifiziert');
    expect(text).toContain('2.950,00');
    expect(text).not.toContain(`Kontakt ${tag}`);
    // Nothing wider than the phone.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await p.screenshot({ path: 'test-results/katalog-phone.png', fullPage: true });
    expect(await seriousFindings(p)).toEqual([]);
    await p.getByRole('button', { name: 'Switch to English' }).click();
    await p.getByRole('heading', { name: 'Training offers in the region', level: 1 }).waitFor();
    expect(await seriousFindings(p)).toEqual([]);
    await phone.close();
  });
});
