// A counsellor takes a person with a qualification from abroad through recognition (BQFG): the qualification and its
// documents, the procedure with its deadline, a partial decision whose two differences two adaptation modules close,
// and "qualified" reached without the external exam.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, seriousFindings, tokenOf } from './support/session.ts';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskPage } from './support/pages.ts';

const stack = sharedStack();
const tag = Date.now().toString(36);
let browser: Browser;
let page: Page;
let caseId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  // axe needs a page of a context of our own.
  page = await deskPage(browser, { width: 1400, height: 950 });
  const token = await tokenOf(browser, stack.url, 'counsellor@amon.local');
  const api = <T>(method: string, path: string, body?: unknown) => apiCall<T>(stack.url, token, method, path, body);
  const c = await api<{ id: string; version: number }>('POST', '/api/cases', {
    participant: { firstName: 'Halyna', lastName: `Anerkennung${tag}`, gender: 'female', migrationBackground: 'yes' },
    consent: { givenOn: '2026-10-01', scope: ['counselling', 'share_with_partners'] },
    targetOccupationId: '51312-fachkraft-fuer-lagerlogistik',
  });
  let version = c.version;
  for (const to of ['intake', 'counselling']) version = (await api<{ version: number }>('POST', `/api/cases/${c.id}/moves`, { to, version })).version;
  caseId = c.id;
});

afterAll(async () => {
  await browser?.close();
});

const dialog = async (button: string, fill: (d: ReturnType<Page['getByRole']>) => Promise<void>, nth = 0) => {
  await page.getByRole('button', { name: button }).nth(nth).click();
  const d = page.getByRole('dialog');
  await fill(d);
  await d.getByRole('button', { name: 'Speichern' }).click();
  await d.waitFor({ state: 'detached', timeout: 10_000 }).catch(async (error: unknown) => {
    await page.screenshot({ path: 'test-results/recognition-dialog.png' });
    throw error;
  });
};

const settle = async () => {
  await page
    .locator('.MuiSnackbarContent-message')
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
};

describe('recognition of a foreign qualification', () => {
  it('records the qualification with the documents held', async () => {
    await signIn(page, stack.url, 'counsellor@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.goto(`${stack.url}/#/cases/${caseId}/show/anerkennung`);
    await page.getByText('Noch kein ausländischer Abschluss erfasst.').waitFor({ timeout: 15_000 });
    await dialog('Abschluss erfassen', async (d) => {
      await d.getByLabel('Land').fill('Ukraine');
      await d.getByLabel('Originalbezeichnung').fill('Молодший спеціаліст');
      await d.getByLabel('Jahr des Abschlusses').fill('2010');
      await d.getByLabel('Dauer der Ausbildung (Monate)').fill('30');
      await d.getByRole('checkbox', { name: 'Abschlusszeugnis' }).check();
      await d.getByRole('checkbox', { name: 'beglaubigte Übersetzung' }).check();
    });
    await expect.poll(() => page.getByText('Молодший спеціаліст').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText('beglaubigte Übersetzung').count()).toBe(1);
  });

  it('starts the procedure: IHK FOSA and the decision due three months after the complete file', async () => {
    await settle();
    await dialog('Verfahren anlegen', async (d) => {
      // The reference occupation starts as the case's target occupation.
      await expect.poll(() => d.getByLabel('Referenzberuf').inputValue(), { timeout: 10_000 }).toBe('Fachkraft für Lagerlogistik');
      await d.getByLabel('Antrag gestellt am').fill('2026-09-01');
      await d.getByLabel('Unterlagen vollständig am').fill('2026-09-20');
    });
    await expect.poll(() => page.getByText('IHK FOSA (Foreign Skills Approval)').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText(/20\.12\.2026/).count()).toBeGreaterThan(0);
  });

  it('records a partial decision with two substantial differences', async () => {
    await settle();
    await dialog('Verfahren speichern', async (d) => {
      await d.getByLabel('Bescheid', { exact: true }).click();
      await page.getByRole('option', { name: 'teilweise Gleichwertigkeit' }).click();
      await d.getByLabel('Bescheid vom').fill('2026-11-16');
      for (const title of ['Arbeitsschutz und Gefahrstoffe', 'Lagerverwaltungssysteme']) {
        await d.getByRole('button', { name: 'Hinzufügen' }).click();
        await d.getByLabel('Unterschied', { exact: true }).last().fill(title);
      }
    });
    await expect.poll(() => page.getByText('2 Unterschiede noch offen').count(), { timeout: 10_000 }).toBe(1);
    const qualified = page.getByRole('button', { name: 'Weiter: Abschluss erreicht' });
    await expect.poll(() => qualified.isDisabled()).toBe(true);
    await settle();
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('closes each difference with a completed adaptation module and reaches "qualified" without an exam', async () => {
    for (const remaining of ['1 Unterschied noch offen', 'Alle Unterschiede sind durch Anpassungsqualifizierung ausgeglichen.']) {
      await settle();
      await dialog('Anpassung planen', async (d) => {
        await expect.poll(() => d.getByLabel('Baustein', { exact: true }).inputValue()).toMatch(/^Anpassungsqualifizierung: /);
        await d.getByLabel('Stand').click();
        await page.getByRole('option', { name: 'abgeschlossen' }).click();
      });
      await expect.poll(() => page.getByText(remaining).count(), { timeout: 10_000 }).toBe(1);
    }
    await expect.poll(() => page.getByText(/ausgeglichen durch Anpassungsqualifizierung: Arbeitsschutz/).count()).toBe(1);
    await settle();
    const qualified = page.getByRole('button', { name: 'Weiter: Abschluss erreicht' });
    await expect.poll(() => qualified.isEnabled(), { timeout: 10_000 }).toBe(true);
    await qualified.click();
    await expect.poll(() => page.getByText('Status geändert').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.MuiChip-colorPrimary').filter({ hasText: 'Abschluss erreicht' }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('tab', { name: 'Plan und Förderung' }).click();
    await expect.poll(() => page.getByText('Anpassungsqualifizierung', { exact: true }).count(), { timeout: 10_000 }).toBe(2);
    await settle();
    expect(await seriousFindings(page)).toEqual([]);
  });
});
