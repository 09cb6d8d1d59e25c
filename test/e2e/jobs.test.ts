// A coordinator opens a campaign for every demo company: the page answers at once, the progress rises live to the
// last company, and the outbox holds one invitation per company. The jobs page lists the job with its items.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, seriousFindings, tokenOf } from './support/session.ts';
import { launchBrowser, signIn, sharedStack } from './support/stack.ts';
import { deskContext } from './support/pages.ts';

const stack = sharedStack();
const outbox = join(stack.dataDir, 'outbox');
let browser: Browser;
let page: Page;
let campaignId = '';
let invited = 0;
// Unique per run, so a reused stack (E2E_STACK_URL) does not show an earlier run's job under the same name.
const TITLE = `Versand an alle Betriebe ${Date.now().toString(36)}`;

const berlinDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
const invitationFiles = () => readdirSync(outbox).filter((f) => f.includes('-survey-invitation-'));

beforeAll(async () => {
  browser = await launchBrowser();
  // axe needs a page of its own context.
  const context = await deskContext(browser);
  page = await context.newPage();
  const token = await tokenOf(browser, stack.url, 'coordinator@amon.local');
  const campaign = await apiCall<{ id: string }>(stack.url, token, 'POST', '/api/campaigns', {
    title: TITLE,
    kind: 'qualificationNeeds',
    opensOn: berlinDay(0),
    closesOn: berlinDay(28),
    reminderDaysBefore: [7],
    questions: [{ id: 'qstaff', type: 'number', required: false, min: 0, max: 10000, label: { de: 'Wie viele Beschäftigte haben Sie?' } }],
  });
  campaignId = campaign.id;
  // Every company with an e-mail address (the 240 of the demo, and any a test added).
  invited = (await apiCall<{ invited: number }>(stack.url, token, 'POST', `/api/campaigns/${campaignId}/invitations`, { filter: {} })).invited;
});

afterAll(async () => {
  await browser?.close();
});

describe('a send of 240 invitations leaves the request', () => {
  it('opening answers at once and the progress rises to every company; the outbox holds one mail per company', { timeout: 180_000 }, async () => {
    expect(invited).toBeGreaterThanOrEqual(240);
    const before = new Set(invitationFiles());
    await signIn(page, stack.url, 'coordinator@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.goto(`${stack.url}/#/campaigns/${campaignId}/show`);
    await page.getByRole('button', { name: 'Öffnen und versenden' }).click();
    const started = Date.now();
    await page.getByText('Umfrage geöffnet – die Einladungen werden im Hintergrund versendet').waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);

    const progress = page.locator('[data-job-progress]').first();
    await progress.waitFor({ timeout: 10_000 });
    // It moves while we watch: a count below the total first, then the total.
    const seen = new Set<string>();
    const end = Date.now() + 150_000;
    while (Date.now() < end) {
      const text = (await progress.textContent()) ?? '';
      seen.add(text);
      if (text === `Einladungen: ${invited} von ${invited} versendet`) break;
      await page.waitForTimeout(500);
    }
    expect([...seen].at(-1)).toBe(`Einladungen: ${invited} von ${invited} versendet`);
    expect([...seen].some((t) => /Einladungen: \d+ von \d+ versendet/.test(t) && !t.startsWith(`Einladungen: ${invited} von`))).toBe(true);
    await page.getByText('erledigt', { exact: true }).first().waitFor({ timeout: 10_000 });
    expect(await seriousFindings(page)).toEqual([]);

    const fresh = invitationFiles().filter((f) => !before.has(f));
    const recipients = fresh.map((f) => /-survey-invitation-(.+)\.eml$/.exec(f)![1]);
    expect(fresh).toHaveLength(invited);
    expect(new Set(recipients).size).toBe(invited);
    // The campaign counts them sent (the page reads the campaign again when the job ends).
    await page.getByText(new RegExp(`von ${invited} Betrieben .*; ${invited} versendet`)).waitFor({ timeout: 10_000 });
  });

  it('the jobs page lists the job; its page shows the items and no failures', async () => {
    await page.getByRole('menuitem', { name: 'Aufträge' }).click();
    await page.waitForURL(/#\/jobs/, { timeout: 10_000 });
    const row = page.getByRole('row').filter({ hasText: `Einladungen zu „${TITLE}“` });
    await row.waitFor({ timeout: 10_000 });
    expect(await seriousFindings(page)).toEqual([]);
    await row.click();
    await page.waitForURL(/#\/jobs\/.+\/show/, { timeout: 10_000 });
    await page.getByText('Keine fehlgeschlagenen Posten.').waitFor({ timeout: 10_000 });
    await page.getByRole('table', { name: 'Alle Posten' }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('table', { name: 'Alle Posten' }).getByText('erledigt').count()).toBeGreaterThan(10);
    expect(await seriousFindings(page)).toEqual([]);
  });
});
