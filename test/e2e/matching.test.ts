import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, tokenOf as tokenOfUser } from './support/session.ts';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskPage } from './support/pages.ts';

const stack = sharedStack();
let browser: Browser;
let page: Page;
const COMPANY = `Ostsee Lagerhaus ${Date.now().toString(36)} GmbH`;
const LAST_NAME = `Matchtest${Date.now().toString(36)}`;
const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' }).slice(0, 7);
let caseId = '';
let needId = '';
let placementsBefore = 0;

const tokenOf = (email: string) => tokenOfUser(browser, stack.url, email);
const api = <T>(token: string, method: string, path: string, body?: unknown) => apiCall<T>(stack.url, token, method, path, body);

const placements = (report: { figures: { headlines: { id: string; value: number }[] } }) => report.figures.headlines.find((h) => h.id === 'placements')!.value;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await deskPage(browser, { width: 1500, height: 950 });
  // The scene: a warehouse in Rostock that would train a low-skilled person, and a person in counselling who wants to work in warehouse logistics.
  const admin = await tokenOf('admin@amon.local');
  const company = await api<{ id: string }>(admin, 'POST', '/api/companies', {
    name: COMPANY,
    wzSection: 'H',
    sizeClass: '10-49',
    district: 'rostock_city',
    postcode: '18147',
    chamber: 'ihk',
  });
  const need = await api<{ id: string }>(admin, 'POST', '/api/needs', {
    companyId: company.id,
    occupationId: '51312-fachkraft-fuer-lagerlogistik',
    headcount: 1,
    timeframe: 'now',
    conditions: { partTime: true, lowSkilled: true, migrant: true },
  });
  needId = need.id;
  const created = await api<{ id: string; version: number }>(admin, 'POST', '/api/cases', {
    participant: {
      firstName: 'Liudmyla',
      lastName: LAST_NAME,
      gender: 'female',
      district: 'rostock_city',
      postcode: '18055',
      migrationBackground: 'yes',
      germanLevel: 'B1',
      hoursAvailable: 30,
      drivingLicence: false,
      car: false,
      districtsReachable: ['rostock_city'],
    },
    consent: { givenOn: new Date().toISOString().slice(0, 10), scope: ['counselling', 'job_placement'] },
    targetOccupationId: '51312-fachkraft-fuer-lagerlogistik',
  });
  caseId = created.id;
  let version = created.version;
  for (const to of ['intake', 'counselling']) version = (await api<{ version: number }>(admin, 'POST', `/api/cases/${caseId}/moves`, { to, version })).version;
  // This month's report as it stands before the placement (the job makes it on the 1st).
  placementsBefore = placements(await api(admin, 'POST', '/api/reports', { month }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('a counsellor finds a company for a person and places them', () => {
  it('opens the case and sees the open needs ranked, with the reasons', async () => {
    await signIn(page, stack.url, 'counsellor@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.goto(`${stack.url}/#/cases/${caseId}/show`);
    await expect.poll(() => page.getByText(LAST_NAME).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Vermittlung' }).click();
    const ranked = page.getByRole('table', { name: 'Passende Bedarfe' });
    await ranked.waitFor({ timeout: 20_000 });
    const row = ranked.locator(`tr[data-need="${needId}"]`);
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(COMPANY);
    expect(text).toContain('gleicher Beruf (KldB 51312)');
    expect(text).toContain('im eigenen Landkreis');
    expect(text).toContain('qualifiziert Geringqualifizierte (Lernort)');
    // Ranked by points: the column never rises down the table.
    const points = (await ranked.locator('tbody tr td:nth-child(3)').allTextContents()).map(Number);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(Number(await row.locator('td:nth-child(3)').textContent())).toBe(points[0]);
  });

  it('proposes the person to the company, records the contact and marks them hired', async () => {
    await page.getByRole('button', { name: `${COMPANY} vorschlagen` }).click();
    await expect.poll(() => page.getByText('Vorschlag angelegt').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const proposal = page.getByRole('table', { name: 'Vorschläge des Falls' }).locator(`tr[data-need="${needId}"]`);
    await expect.poll(() => proposal.textContent(), { timeout: 10_000 }).toContain('vorgeschlagen');

    for (const [button, state] of [
      ['Betrieb kontaktiert', 'Betrieb kontaktiert'],
      ['Eingestellt', 'eingestellt'],
    ] as const) {
      await proposal.getByRole('button', { name: button, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Notiz').fill(state === 'eingestellt' ? 'Arbeitsvertrag ab dem 1. des Monats' : 'Telefonat mit der Lagerleitung');
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
      await expect.poll(() => proposal.locator('td:nth-child(3)').textContent(), { timeout: 10_000 }).toContain(state);
    }
    expect(await proposal.textContent()).toContain('Arbeitsvertrag ab dem 1. des Monats');

    await proposal.getByRole('link', { name: COMPANY }).click();
    await expect.poll(() => page.getByText('besetzt', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it("the placement is in this month's report, which the job makes on the 1st", async () => {
    const admin = await tokenOf('admin@amon.local');
    await api(admin, 'POST', '/api/reports', { month });
    await page.goto(`${stack.url}/#/reports/${month}/show`);
    const figures = page.getByRole('table', { name: 'Kennzahlen' });
    await figures.waitFor({ timeout: 20_000 });
    const row = figures.getByRole('row').filter({ hasText: 'Vermittlungen in Betriebe (eingestellt)' });
    await expect.poll(() => row.locator('td:nth-child(2)').textContent(), { timeout: 10_000 }).toBe(String(placementsBefore + 1));
  });
});

describe('a coordinator', () => {
  it("sees the need's candidates only as pseudonymised profiles", async () => {
    const other = await deskPage(browser, { width: 1500, height: 950 });
    await signIn(other, stack.url, 'coordinator@amon.local');
    await other.waitForURL(/#\/$/, { timeout: 20_000 });
    await other.goto(`${stack.url}/#/needs/${needId}/show`);
    const table = other.getByRole('table', { name: 'Passende Personen' });
    await table.waitFor({ timeout: 20_000 });
    expect(await table.textContent()).toMatch(/TN-[0-9A-F]{6}/);
    expect(await other.locator('body').textContent()).not.toContain(LAST_NAME);
    expect(await other.getByRole('table', { name: 'Vorschläge zu diesem Bedarf' }).textContent()).toContain('eingestellt');
    await other.close();
  });
});
