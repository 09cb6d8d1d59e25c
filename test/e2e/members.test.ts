import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PASSWORD, signIn, sharedStack } from './support/stack.ts';
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

describe('a coordinator looks after the network members', () => {
  it('signs in and sees the seeded members in German', async () => {
    await signIn(page, stack.url, 'coordinator@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.getByRole('menuitem', { name: 'Netzwerkpartner' }).click();
    await expect.poll(() => page.getByText('Agentur für Arbeit Rostock').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Netzwerkpartner' }).count()).toBeGreaterThan(0);
  });

  it('creates a member, finds it by an umlaut prefix, edits it and exports it', async () => {
    await page.getByRole('link', { name: 'Anlegen' }).click();
    await page.getByLabel('Name der Organisation').fill('Müritzer Ausbildungsverbund e.V.');
    await page.getByLabel('Art').click();
    await page.getByRole('option', { name: 'Bildungsträger' }).click();
    await page.getByLabel('PLZ').fill('17192');
    await page.getByLabel('Ort').fill('Waren (Müritz)');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/\/members\/[0-9A-Z]{26}\/show/);

    await page.goto(`${stack.url}/#/members`);
    await page.getByPlaceholder('Name beginnt mit …').fill('mueritzer');
    await expect.poll(() => page.getByRole('cell', { name: 'Müritzer Ausbildungsverbund e.V.' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'Agentur für Arbeit Rostock' }).count()).toBe(0);

    await page.getByRole('cell', { name: 'Müritzer Ausbildungsverbund e.V.' }).click();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Name der Organisation').fill('Müritzer Ausbildungsverbund Waren e.V.');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText('Müritzer Ausbildungsverbund Waren e.V.').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.goto(`${stack.url}/#/members`);
    await page.getByPlaceholder('Name beginnt mit …').fill('Müritzer');
    await expect.poll(() => page.getByRole('cell', { name: 'Müritzer Ausbildungsverbund Waren e.V.' }).count(), { timeout: 10_000 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"Müritzer Ausbildungsverbund Waren e.V.";"Bildungsträger"');
    expect(csv.split('\r\n')).toHaveLength(2);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^netzwerkpartner-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync(await xlsx.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('a counsellor can read members but has no create button', async () => {
    const other = await deskPage(browser);
    await signIn(other, stack.url, 'counsellor@amon.local');
    await other.waitForURL(/#\/$/, { timeout: 20_000 });
    await other.goto(`${stack.url}/#/members`);
    await expect.poll(() => other.getByText('Agentur für Arbeit Rostock').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await other.getByRole('link', { name: 'Anlegen' }).count()).toBe(0);

    await other.getByRole('menuitem', { name: 'Passwort ändern' }).click();
    await other.waitForURL(/#\/passwort$/, { timeout: 10_000 });
    await other.getByLabel('Bisheriges Passwort').fill(PASSWORD);
    await other.getByLabel('Neues Passwort').fill('Mein-neues-Passwort-1');
    await other.getByRole('button', { name: 'Passwort ändern' }).click();
    await expect.poll(() => other.getByText('Das Passwort wurde geändert.').count(), { timeout: 10_000 }).toBe(1);

    // The new password is the current one now: changing back needs it (and leaves the shared stack as the other files expect).
    await other.reload();
    await other.waitForURL(/#\/passwort$/, { timeout: 10_000 });
    await other.getByLabel('Bisheriges Passwort').fill('Mein-neues-Passwort-1');
    await other.getByLabel('Neues Passwort').fill(PASSWORD);
    await other.getByRole('button', { name: 'Passwort ändern' }).click();
    await expect.poll(() => other.getByText('Das Passwort wurde geändert.').count(), { timeout: 10_000 }).toBe(1);
    await other.close();
  });
});

describe('a coordinator looks after the company registry', () => {
  it('filters companies by sector and imports a CSV after a dry run that names the bad row', async () => {
    const co = await deskPage(browser);
    await signIn(co, stack.url, 'coordinator@amon.local');
    await co.waitForURL(/#\/$/, { timeout: 20_000 });
    await co.goto(`${stack.url}/#/companies`);
    await co.getByPlaceholder('Name beginnt mit …').fill('Ostsee Metallbau');
    await expect.poll(() => co.getByRole('cell', { name: 'Ostsee Metallbau GmbH', exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await co.getByLabel('Branche (WZ 2008)').click();
    await co.getByRole('option', { name: 'I – Gastgewerbe' }).click();
    await expect.poll(() => co.getByRole('cell', { name: 'Ostsee Metallbau GmbH', exact: true }).count(), { timeout: 10_000 }).toBe(0);

    await co.goto(`${stack.url}/#/betriebe-import`);
    const header = 'Name;WZ-Abschnitt;Größe;Landkreis;PLZ;Ort\r\n';
    const bad = header + 'Fischräucherei Möller;C;1-9;Landkreis Vorpommern-Rügen;18439;Stralsund\r\nKaputt GmbH;C;riesig;Landkreis Rostock;18273;Güstrow\r\n';
    await co.getByLabel('Datei für den Import').setInputFiles({ name: 'betriebe.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + bad, 'utf8') });
    await co.getByRole('button', { name: 'Probelauf' }).click();
    await expect.poll(() => co.getByRole('cell', { name: 'sizeClass', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    expect(await co.getByRole('button', { name: 'Importieren' }).isDisabled()).toBe(true);

    const good = header + 'Fischräucherei Möller;C;1-9;Landkreis Vorpommern-Rügen;18439;Stralsund\r\n';
    await co.getByLabel('Datei für den Import').setInputFiles({ name: 'betriebe.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    await co.getByRole('button', { name: 'Probelauf' }).click();
    await expect.poll(() => co.getByRole('button', { name: 'Importieren' }).isEnabled(), { timeout: 10_000 }).toBe(true);
    await co.getByRole('button', { name: 'Importieren' }).click();
    // The import runs as a job: the page shows it rising to the last row, then leads to the list.
    await co.getByText('Ein Betrieb wird im Hintergrund importiert').waitFor({ timeout: 10_000 });
    await expect.poll(() => co.locator('[data-job-progress]').first().textContent(), { timeout: 30_000 }).toBe('Betriebsimport: 1 von 1 importiert');
    await co.getByRole('button', { name: 'Zur Liste der Betriebe' }).click();
    await co.waitForURL(/#\/companies/, { timeout: 10_000 });
    // The list remembers the sector filter from before; look the new company up by name alone.
    await co.goto(`${stack.url}/#/companies?filter=${encodeURIComponent(JSON.stringify({ q: 'Fischräucherei' }))}`);
    await expect.poll(() => co.getByRole('cell', { name: 'Fischräucherei Möller', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await co.close();
  });
});
