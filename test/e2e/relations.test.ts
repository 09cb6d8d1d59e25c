// A staff member records a company visit with a follow-up in the browser: it shows on the company's timeline and in
// "Meine Wiedervorlagen (Betriebe)", where it is done. A note that names a participant is warned about while typing
// and refused on saving. A learning-venue agreement is made from the company page. axe on each screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, seriousFindings, tokenOf } from './support/session.ts';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskPage } from './support/pages.ts';

const stack = sharedStack();
const tag = Date.now().toString(36);
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
/** A last name of letters only (a name has no digits). */
const surname = `Nachname${tag.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
const german = (iso: string) => iso.split('-').reverse().join('.');
let browser: Browser;
let page: Page;
let companyId = '';
const outcome = `Zwei Lernortplätze ab Februar möglich ${tag}`;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await deskPage(browser, { width: 1400, height: 950 });
  const token = await tokenOf(browser, stack.url, 'counsellor@amon.local');
  const api = <T>(method: string, path: string, body?: unknown) => apiCall<T>(stack.url, token, method, path, body);
  const coordinator = await tokenOf(browser, stack.url, 'coordinator@amon.local');
  companyId = (
    await apiCall<{ id: string }>(stack.url, coordinator, 'POST', '/api/companies', {
      name: `Ostsee Logistik ${tag} GmbH`,
      wzSection: 'H',
      sizeClass: '10-49',
      district: 'rostock_city',
      postcode: '18055',
      chamber: 'ihk',
    })
  ).id;
  await api('POST', '/api/cases', {
    participant: { firstName: 'Swetlana', lastName: surname, gender: 'female', migrationBackground: 'yes' },
    consent: { givenOn: day(-10), scope: ['counselling'] },
    targetOccupationId: '51312-fachkraft-fuer-lagerlogistik',
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('company relations', () => {
  it('a counsellor records a visit with a follow-up on the company page; a named participant is warned about and refused', async () => {
    await signIn(page, stack.url, 'counsellor@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.goto(`${stack.url}/#/companies/${companyId}/show`);
    await page.getByText('Noch nichts im Verlauf', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Kontakt festhalten' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Datum').fill(day(-3));
    await d.getByLabel('Gesprächspartner/in im Betrieb').fill('Herr Lindner (Ausbildung)');
    await d.getByLabel('Lernort / Praktikum').check();
    await d.getByLabel('Ergebnis').fill(`Frau ${surname} könnte dort anfangen.`);
    await d.getByText('Der Text nennt den Namen einer teilnehmenden Person', { exact: false }).waitFor({ timeout: 10_000 });
    expect(await seriousFindings(page)).toEqual([]);
    await d.getByRole('button', { name: 'Speichern' }).click();
    await d.getByText('nennt eine teilnehmende Person', { exact: false }).first().waitFor({ timeout: 10_000 });
    await d.getByLabel('Ergebnis').fill(outcome);
    await d.getByText('Notizen zu Betrieben nennen keine Teilnehmenden', { exact: false }).waitFor({ timeout: 10_000 });
    await d.getByLabel('Wiedervorlage am').fill(day(-1));
    await d.getByRole('button', { name: 'Speichern' }).click();
    await d.waitFor({ state: 'detached', timeout: 10_000 });
    const row = page.locator('tr[data-entry="activity"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.innerText()).toContain(outcome);
    expect(await row.innerText()).toContain(`Wiedervorlage ${german(day(-1))} – überfällig`);
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('the follow-up is in Meine Wiedervorlagen (Betriebe) and leaves it when done', async () => {
    await page.getByRole('menuitem', { name: 'Meine Wiedervorlagen' }).click();
    await page.getByRole('heading', { name: 'Meine Wiedervorlagen (Betriebe)', level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByLabel('nur fällige (bis heute)').check();
    const row = page.getByRole('row').filter({ hasText: `Ostsee Logistik ${tag} GmbH` });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.innerText()).toContain(outcome);
    expect(await seriousFindings(page)).toEqual([]);
    await row.getByRole('button', { name: 'Wiedervorlage erledigt' }).click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    await page.goto(`${stack.url}/#/companies/${companyId}/show`);
    const entry = page.locator('tr[data-entry="activity"]');
    await expect
      .poll(async () => (await entry.count()) && (await entry.innerText()), { timeout: 10_000 })
      .toContain(`Wiedervorlage ${german(day(-1))} erledigt`);
  });

  it('a learning-venue agreement made from the company page shows on its timeline and among the current ones', async () => {
    await page.getByRole('link', { name: 'Lernortkooperation anlegen' }).click();
    await page.getByLabel('Berufe', { exact: false }).fill('Lagerlogistik');
    await page.getByRole('option', { name: /Fachkraft für Lagerlogistik/ }).click();
    await page.getByLabel('Plätze').fill('2');
    await page.getByLabel('Beginn').fill(day(30));
    // With an end it sorts among the soonest ends of the current ones (an open-ended one sorts last, and the demo's
    // open-ended agreements alone can fill the first page, depending on which companies the seed chose).
    await page.getByLabel('Ende', { exact: true }).fill(day(45));
    await page.getByLabel('Ansprechperson im Betrieb').fill('Herr Lindner');
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Genutzt von').waitFor({ timeout: 15_000 });
    await page.getByText('Keine Gruppenmaßnahme nutzt diese Kooperation.').waitFor();
    expect(await seriousFindings(page)).toEqual([]);
    await page.goto(`${stack.url}/#/companies/${companyId}/show`);
    await expect.poll(() => page.locator('tr[data-entry="agreement"]').count(), { timeout: 10_000 }).toBe(1);
    await page.goto(`${stack.url}/#/agreements`);
    await expect
      .poll(
        () =>
          page
            .getByRole('row')
            .filter({ hasText: `Ostsee Logistik ${tag} GmbH` })
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    expect(await seriousFindings(page)).toEqual([]);
  });
});
