// A coordinator makes a month's report and sends it: the page answers at once, the Versand tab shows the digest
// going out to every subscribed contact and lists them sent; sending one again is a job of its own.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousFindings } from './support/session.ts';
import { launchBrowser, signIn, sharedStack } from './support/stack.ts';
import { deskContext } from './support/pages.ts';

const stack = sharedStack();
const outbox = join(stack.dataDir, 'outbox');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await deskContext(browser);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

const digests = () => readdirSync(outbox).filter((f) => f.includes('-digest-'));

describe('the monthly report goes out in the background', () => {
  it('making and sending answers at once; the Versand tab shows the digest going out to every subscribed contact', async () => {
    const before = new Set(digests());
    await signIn(page, stack.url, 'coordinator@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.getByRole('menuitem', { name: 'Monatsberichte' }).click();
    await page.getByRole('button', { name: 'Bericht erstellen' }).click();
    const dialog = page.getByRole('dialog');
    // The month before last: the demo made its report, but sent it to no one.
    await dialog.getByLabel('Monat').click();
    const option = page.getByRole('option').nth(1);
    const monthName = (await option.textContent())!;
    await option.click();
    await dialog.getByLabel(/an die Netzwerkpartner versenden/).check();
    await dialog.getByRole('button', { name: 'Erstellen' }).click();
    await page.getByText(`Bericht ${monthName} erstellt – der Versand läuft im Hintergrund`).waitFor({ timeout: 20_000 });

    await page.getByRole('tab', { name: 'Versand' }).click();
    const progress = page.locator('[data-job-progress]').first();
    await progress.waitFor({ timeout: 10_000 });
    await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toMatch(/^Monatsbericht: (\d+) von \1 versendet$/);
    const total = Number(/(\d+) von/.exec((await progress.textContent())!)![1]);
    expect(total).toBeGreaterThan(3);
    const table = page.getByRole('table', { name: 'Empfängerinnen und Empfänger' });
    await expect.poll(async () => (await table.getByRole('cell', { name: 'versendet', exact: true }).count()) === total, { timeout: 10_000 }).toBe(true);
    expect(await seriousFindings(page)).toEqual([]);
    expect(digests().filter((f) => !before.has(f))).toHaveLength(total);
  });

  it('sends one recipient the digest again, as a job of its own', async () => {
    const before = new Set(digests());
    const row = page.getByRole('table', { name: 'Empfängerinnen und Empfänger' }).getByRole('row').nth(1);
    await row.getByRole('button', { name: 'Erneut senden' }).click();
    await page.getByText(/^Wird erneut an \S+@\S+ gesendet$/).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('[data-job-progress]').first().textContent(), { timeout: 30_000 }).toBe('Erneuter Versand: 1 von 1 versendet');
    expect(digests().filter((f) => !before.has(f))).toHaveLength(1);
    expect(await seriousFindings(page)).toEqual([]);
  });
});
