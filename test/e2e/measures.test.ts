// A counsellor runs a group measure in the browser: a person joins through the dialog, one step completes a module
// with its certificate for the whole roster as a job whose progress shows on the page, and every case shows it. A
// coordinator sees the same measure with its figures and no name. axe on each screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, seriousFindings, tokenOf } from './support/session.ts';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskPage } from './support/pages.ts';

const stack = sharedStack();
const tag = Date.now().toString(36);
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
let browser: Browser;
let page: Page;
let measureId = '';
const names: string[] = [];
let joiner = '';

beforeAll(async () => {
  browser = await launchBrowser();
  page = await deskPage(browser, { width: 1400, height: 950 });
  const token = await tokenOf(browser, stack.url, 'counsellor@amon.local');
  const api = <T>(method: string, path: string, body?: unknown) => apiCall<T>(stack.url, token, method, path, body);
  const companies = await api<{ items: { id: string }[] }>('GET', '/api/companies?limit=1');
  const providers = await api<{ items: { id: string }[] }>('GET', '/api/members?kind=training_provider&limit=1');
  const measure = await api<{ id: string }>('POST', '/api/measures', {
    title: `Lagerlogistik Gruppe ${tag}`,
    targetOccupationId: '51312-fachkraft-fuer-lagerlogistik',
    companyId: companies.items[0]!.id,
    providerMemberId: providers.items[0]!.id,
    startDate: day(-30),
    endDate: day(200),
    plannedPlaces: 12,
    womenTargetPercent: 50,
    modules: [
      { title: `QB 1 Wareneingang ${tag}`, startDate: day(-30), endDate: day(-1), hours: 280 },
      { title: `QB 2 Kommissionieren ${tag}`, startDate: day(0), endDate: day(90), hours: 300 },
    ],
    examDate: day(210),
    chamber: 'IHK zu Rostock',
  });
  measureId = measure.id;
  const ids: string[] = [];
  for (const [i, first] of ['Halyna', 'Mehmet', 'Sofia', 'Tran'].entries()) {
    const c = await api<{ id: string; version: number }>('POST', '/api/cases', {
      participant: { firstName: first, lastName: `Gruppe${tag}`, gender: i % 2 ? 'male' : 'female', migrationBackground: 'yes' },
      consent: { givenOn: day(-60), scope: ['counselling', 'share_with_partners'] },
      targetOccupationId: '51312-fachkraft-fuer-lagerlogistik',
    });
    names.push(`${first} Gruppe${tag}`);
    ids.push(c.id);
  }
  joiner = names[3]!;
  await api('POST', `/api/measures/${measureId}/participants`, { caseIds: ids.slice(0, 3), joinedOn: day(-30) });
});

afterAll(async () => {
  await browser?.close();
});

describe('a group measure', () => {
  it('a counsellor adds a person through the dialog: the measure’s modules come into the plan', async () => {
    await signIn(page, stack.url, 'counsellor@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.goto(`${stack.url}/#/measures/${measureId}/show`);
    await page.getByRole('heading', { name: `Lagerlogistik Gruppe ${tag}`, level: 1 }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByText('Teilnehmerliste (3 Personen)').count()).toBe(1);
    await page.getByRole('button', { name: 'Teilnehmende hinzufügen' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Fälle (Name oder Nummer)').fill(joiner.split(' ')[0]!);
    await page.getByRole('option', { name: new RegExp(joiner) }).click();
    await d.getByRole('button', { name: 'Speichern' }).click();
    await d.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => page.getByText('Teilnehmerliste (4 Personen)').count(), { timeout: 10_000 }).toBe(1);
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('one step completes the first module with its certificate for the whole roster, as a job with its progress', async () => {
    await page.getByRole('button', { name: 'Schritt für alle eintragen' }).click();
    const d = page.getByRole('dialog');
    await d.getByText('Für alle, die noch teilnehmen.', { exact: false }).waitFor();
    await d.getByLabel('Baustein', { exact: true }).click();
    await page.getByRole('option', { name: `QB 1 Wareneingang ${tag}` }).click();
    // The menu fades out: axe looks at the dialog once it is gone.
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await d.getByLabel('Zertifikat vom').fill(day(-1));
    expect(await seriousFindings(page)).toEqual([]);
    await d.getByRole('button', { name: 'Eintragen' }).click();
    await d.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => page.getByText('Schritt der Gruppenmaßnahme: 4 von 4 Fällen erledigt').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => page.getByRole('cell', { name: '1 von 2' }).count(), { timeout: 15_000 }).toBe(4);
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('each case shows the completed module with its certificate, and the line in its history', async () => {
    await page.getByRole('link', { name: names[0]! }).click();
    await page.waitForURL(/\/show\/plan$/);
    await expect.poll(() => page.getByRole('cell', { name: `QB 1 Wareneingang ${tag}` }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'abgeschlossen' }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Verlauf' }).click();
    await expect.poll(() => page.getByText(new RegExp(`Baustein „QB 1 Wareneingang ${tag}“ abgeschlossen`)).count(), { timeout: 10_000 }).toBe(1);
  });

  it('a coordinator sees the measure with its figures and no name', async () => {
    const coordinator = await deskPage(browser, { width: 1400, height: 950 });
    await signIn(coordinator, stack.url, 'coordinator@amon.local');
    await coordinator.waitForURL(/#\/$/, { timeout: 20_000 });
    await coordinator.goto(`${stack.url}/#/measures/${measureId}/show`);
    await coordinator.getByRole('heading', { name: 'Kennzahlen' }).waitFor({ timeout: 15_000 });
    await coordinator.getByText('Die Teilnehmerliste mit Namen sehen nur Beratung und Verwaltung.', { exact: false }).waitFor();
    const text = await coordinator.locator('main').innerText();
    for (const name of names) expect(text).not.toContain(name);
    expect(await seriousFindings(coordinator)).toEqual([]);
    await coordinator.context().close();
  });
});
