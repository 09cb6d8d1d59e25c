// An admin adopts an old database: one Excel workbook with cases, sessions and modules, the old heads and status
// words mapped, a dry run that names the wrong cell by table, row and column, the corrected file imported as a job,
// and the cases found with their former numbers and sessions. Importing the same people again names their cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { launchBrowser, signIn, sharedStack } from './support/stack.ts';
import { seriousFindings } from './support/session.ts';
import { deskPage } from './support/pages.ts';

const stack = sharedStack();
const tag = Date.now()
  .toString(36)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await deskPage(browser, { width: 1400, height: 950 });
});

afterAll(async () => {
  await browser?.close();
});

/** The old database's export: its own heads and words, a date cell, a column amoN does not take. */
async function workbook(birthOfSecond: string | Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cases = wb.addWorksheet('Teilnehmende');
  cases.addRow([
    'Fall-Nr.',
    'Name',
    'Vorname',
    'Geb.-Datum',
    'Geschlecht',
    'Stand',
    'Einwilligung am',
    'Einwilligungsumfang',
    'Zielberuf',
    'Berater/in',
    'Interne Ablage',
  ]);
  cases.addRow([
    `A-${tag}-1`,
    `Wiśniewski${tag}`,
    'Łukasz',
    new Date(Date.UTC(1985, 4, 17)),
    'm',
    'in Beratung',
    '12.02.2026',
    'Beratung',
    '',
    'counsellor@amon.local',
    'Ordner 3',
  ]);
  cases.addRow([
    `A-${tag}-2`,
    `Коваленко${tag}`,
    'Oksana',
    birthOfSecond,
    'w',
    'QB läuft',
    '03.03.2026',
    'Beratung, Vermittlung',
    'Fachkraft für Lagerlogistik',
    '',
    'Ordner 4',
  ]);
  cases.addRow([`A-${tag}-3`, `Haddad${tag}`, 'Omar', '', '', 'Anfrage', '', '', '', '', '']);
  const sessions = wb.addWorksheet('Beratungstermine');
  sessions.addRow(['Fall-Nr.', 'Datum', 'Art', 'Dauer (Minuten)', 'Vermerk']);
  sessions.addRow([`A-${tag}-1`, '12.02.2026', 'Erstgespräch', 60, 'Unterlagen mitgebracht']);
  sessions.addRow([`A-${tag}-2`, '03.03.2026', 'Erstgespräch', 45, '']);
  const modules = wb.addWorksheet('Bausteine');
  modules.addRow(['Fall-Nr.', 'Baustein', 'Art', 'Std.', 'Status']);
  modules.addRow([`A-${tag}-2`, 'Warenannahme und Lagerung', 'Qualifizierungsbaustein', 280, 'läuft']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const file = async (birth: string | Date) => ({
  name: 'altbestand.xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  buffer: await workbook(birth),
});
const choose = async (label: string, option: string | RegExp) => {
  await page.getByLabel(label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe('importing cases', () => {
  it('an admin maps the old heads and words, sees the wrong cell named, and imports the corrected workbook', async () => {
    await signIn(page, stack.url, 'admin@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.goto(`${stack.url}/#/cases`);
    await page.getByRole('link', { name: 'Importieren' }).click();
    await page.getByRole('heading', { name: 'Fälle importieren' }).waitFor({ timeout: 15_000 });
    expect(await seriousFindings(page)).toEqual([]);

    await page.getByLabel('Datei für die Tabelle Fälle').setInputFiles(await file('31.02.1990'));
    await page.getByText('altbestand.xlsx: 3 Zeilen gelesen.').waitFor({ timeout: 10_000 });
    // The other two tables come from the same workbook, by their worksheets' names.
    await page.getByText('altbestand.xlsx: 2 Zeilen gelesen.').waitFor();
    await page.getByText('altbestand.xlsx: Eine Zeile gelesen.').waitFor();
    // Suggested from the heads; the column amoN has no field for stays out.
    expect(await page.getByLabel('Spalte „Name“ übernehmen als').first().innerText()).toBe('Nachname *');
    expect(await page.getByLabel('Spalte „Interne Ablage“ übernehmen als').innerText()).toBe('nicht übernehmen');
    // The old status words: "Anfrage" is ours, the other two are chosen.
    expect(await page.getByRole('button', { name: 'Probelauf' }).isDisabled()).toBe(true);
    await choose('Status in amoN für „in Beratung“', 'Beratung');
    await choose('Status in amoN für „QB läuft“', 'Qualifizierung');
    await choose('Zuständig, wenn die Datei niemanden nennt', /Sabine Beraterin/);
    expect(await page.getByLabel('Beratung in amoN für „counsellor@amon.local“').innerText()).toMatch(/Sabine Beraterin/);
    expect(await seriousFindings(page)).toEqual([]);

    await page.getByRole('button', { name: 'Probelauf' }).click();
    const problems = page.getByRole('table', { name: 'Fehler je Tabelle, Zeile und Spalte' });
    await problems.waitFor({ timeout: 15_000 });
    expect(await problems.locator('tbody tr').allInnerTexts()).toEqual(['Fälle\t3\tGeb.-Datum\tkein gültiges Datum']);
    await page.getByText('2 von 3 Fällen ohne Fehler (2 Termine, 1 Bausteine gelesen). Ein Fehler', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Importieren' }).isDisabled()).toBe(true);
    expect(await seriousFindings(page)).toEqual([]);

    // The corrected file, chosen again; the mapping of the words stays.
    await page.getByLabel('Datei für die Tabelle Fälle').setInputFiles(await file(new Date(Date.UTC(1990, 1, 28))));
    await page.getByRole('button', { name: 'Probelauf' }).click();
    await page.getByText('Der Import kann starten.', { exact: false }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Importieren' }).click();
    await expect.poll(() => page.getByText('Fallimport: 3 von 3 importiert').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await seriousFindings(page)).toEqual([]);

    // The case, found by name, with its former number, its session and its module.
    await page.getByRole('button', { name: 'Zur Fallliste' }).click();
    await page.getByPlaceholder('Name beginnt mit …').fill(`Коваленко${tag}`);
    const row = page.getByRole('row').filter({ hasText: `Коваленко${tag}` });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.innerText()).toContain('Qualifizierung');
    await row.click();
    await page.getByText(`A-${tag}-2`).waitFor({ timeout: 15_000 });
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Beratung', exact: true }).click();
    await page.getByText('Erstgespräch').first().waitFor({ timeout: 10_000 });
    await page.getByRole('tab', { name: 'Plan und Förderung' }).click();
    await page.getByText('Warenannahme und Lagerung').waitFor({ timeout: 10_000 });
    await page.getByRole('tab', { name: 'Verlauf' }).click();
    await page.getByText('Übernommen aus dem bisherigen Bestand (Import)').waitFor({ timeout: 10_000 });
  });

  it('the same people again are named by the cases they have, and can be left out', async () => {
    await page.goto(`${stack.url}/#/faelle-import`);
    await page.getByRole('heading', { name: 'Fälle importieren' }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Datei für die Tabelle Fälle').setInputFiles(await file(new Date(Date.UTC(1990, 1, 28))));
    await choose('Status in amoN für „in Beratung“', 'Beratung');
    await choose('Status in amoN für „QB läuft“', 'Qualifizierung');
    await choose('Zuständig, wenn die Datei niemanden nennt', /Sabine Beraterin/);
    await page.getByRole('button', { name: 'Probelauf' }).click();
    const duplicates = page.getByRole('table', { name: 'Personen mit einem vorhandenen Fall' });
    await duplicates.waitFor({ timeout: 15_000 });
    // Omar has no birth date in the file: only the other two can be recognised.
    expect(await duplicates.locator('tbody tr').count()).toBe(2);
    expect(await duplicates.locator('tbody tr').first().innerText()).toMatch(/^2\tgleicher Name und Geburtsdatum wie Fall \d{4}-\d{4}$/);
    expect(await page.getByRole('button', { name: 'Importieren' }).isDisabled()).toBe(true);
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByLabel('Diese 2 Zeilen beim Import auslassen').check();
    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.getByText('2 Zeilen mit vorhandenem Fall wurden ausgelassen.', { exact: false }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByText('Fallimport: 1 von 1 importiert').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });
});
