import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskPage } from './support/pages.ts';

const stack = sharedStack();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await deskPage(browser);
});

afterAll(async () => {
  await browser?.close();
});

/** Berlin wall time `minutes` from now, as the datetime-local field takes it. */
const berlinWall = (minutes: number) =>
  new Date(Date.now() + minutes * 60_000).toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' }).slice(0, 16).replace(' ', 'T');
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const lastMonth = () => {
  const [y, m] = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' }).split('-').map(Number) as [number, number];
  return m === 1 ? { id: `${y - 1}-12`, name: `Dezember ${y - 1}` } : { id: `${y}-${String(m - 1).padStart(2, '0')}`, name: `${MONTHS[m - 2]} ${y}` };
};

describe('a coordinator runs the network', () => {
  it('schedules a meeting with an agenda and invitees', async () => {
    await signIn(page, stack.url, 'coordinator@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.getByRole('menuitem', { name: 'Treffen' }).click();
    await expect.poll(() => page.getByText('Arbeitstreffen NQ-Netz MV').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Anlegen' }).click();
    await page.waitForURL(/#\/meetings\/create/, { timeout: 10_000 });

    await page.getByRole('textbox', { name: 'Titel' }).fill('Workshop Teilqualifikationen Lager');
    await page.getByLabel('Art', { exact: true }).click();
    await page.getByRole('option', { name: 'Workshop' }).click();
    // Began half an hour ago, so attendance can be recorded right away.
    await page.getByLabel('Beginn', { exact: true }).fill(berlinWall(-30));
    await page.getByLabel('Ende', { exact: true }).fill(berlinWall(90));
    await page.getByLabel('Ort', { exact: true }).fill('Bildungswerk der Wirtschaft Rostock, Saal 1');
    await page.getByRole('button', { name: 'Hinzufügen' }).click();
    await page.getByLabel('Tagesordnungspunkt').fill('Module und Prüfungsvorbereitung');
    const invitees = page.getByLabel('Eingeladene Netzwerkpartner');
    for (const name of ['Agentur für Arbeit Rostock', 'IHK zu Rostock']) {
      await invitees.fill(name);
      await page.getByRole('option', { name, exact: true }).click();
    }
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/meetings\/[0-9A-Z]{26}\/show/);
    await expect.poll(() => page.getByText('Workshop Teilqualifikationen Lager').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByText('1. Module und Prüfungsvorbereitung', { exact: false }).count()).toBeGreaterThan(0);
  });

  it('records attendance and an action item', async () => {
    await page.getByRole('tab', { name: 'Anwesenheit' }).click();
    await page.getByLabel('Anwesenheit Agentur für Arbeit Rostock').click();
    await page.getByRole('option', { name: 'anwesend', exact: true }).click();
    await page.getByLabel('Anwesenheit IHK zu Rostock').click();
    await page.getByRole('option', { name: 'entschuldigt', exact: true }).click();
    await page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
    await expect.poll(() => page.getByText('Anwesenheit gespeichert').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.getByRole('tab', { name: 'Aufgaben' }).click();
    await page.getByRole('button', { name: 'Aufgabe hinzufügen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Aufgabe', { exact: true }).fill('Prüfungstermine der IHK an alle Träger senden');
    await dialog.getByLabel('Verantwortlich').click();
    await page.getByRole('option', { name: 'IHK zu Rostock' }).click();
    await dialog.getByLabel('Fällig am').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: 'Anlegen' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Aufgaben aus diesem Treffen' }).textContent(), { timeout: 10_000 })
      .toContain('Prüfungstermine der IHK an alle Träger senden');

    await page.getByRole('menuitem', { name: 'Aufgaben' }).click();
    await expect.poll(() => page.getByText('Prüfungstermine der IHK an alle Träger senden').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it("makes last month's report, finds it in the list and downloads the PDF", async () => {
    const month = lastMonth();
    await page.getByRole('menuitem', { name: 'Monatsberichte' }).click();
    await expect.poll(() => page.getByRole('cell', { name: month.name }).count(), { timeout: 20_000 }).toBe(1); // made by the demo's report run
    await page.getByRole('button', { name: 'Bericht erstellen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Erstellen' }).click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(new RegExp(`#/reports/${month.id}/show`));
    await expect.poll(() => page.getByText(/\([2-9]\d*\. Lauf\)/).count(), { timeout: 10_000 }).toBeGreaterThan(0); // the demo made it once already
    expect(await page.getByRole('table', { name: 'Kennzahlen' }).textContent()).toContain('Neue Anfragen');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF herunterladen' }).click()]);
    expect(download.suggestedFilename()).toBe(`Monatsbericht-${month.id}.pdf`);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await page.getByRole('menuitem', { name: 'Monatsberichte' }).click();
    await expect.poll(() => page.getByRole('cell', { name: month.name }).count(), { timeout: 10_000 }).toBe(1);
  });
});
