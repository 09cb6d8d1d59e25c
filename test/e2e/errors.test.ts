// When a request fails, staff read what happened and what to do, and can try again: a gateway's HTML error page on the
// dashboard, a lost connection on a custom view, and the same screens are accessible in their error state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousFindings } from './support/session.ts';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskContext } from './support/pages.ts';

const stack = sharedStack();
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

describe('a failing request', () => {
  it('the dashboard shows a gateway error in German with a retry, and the retry loads the figures', async () => {
    // CloudFront or the API gateway answers 502 with an HTML page, as it does when a function is overwhelmed.
    await page.route('**/api/dashboard', (route) =>
      route.fulfill({ status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }),
    );
    await signIn(page, stack.url, 'coordinator@amon.local');
    const alert = page.getByRole('alert').filter({ hasText: 'nicht erreichbar' });
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).not.toMatch(/Unexpected token|HTTP 502|Bad Gateway/);
    expect(await seriousFindings(page)).toEqual([]);

    await page.unroute('**/api/dashboard');
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    await expect.poll(() => page.getByText('Beraten (seit Start)', { exact: false }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await alert.count()).toBe(0);
  });

  it('a lost connection on the meetings page reads "Keine Verbindung" instead of spinning, and the page recovers', async () => {
    await page.route('**/api/meetings/attendance-rates**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('menuitem', { name: 'Treffen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Keine Verbindung zum Server' });
    await alert.waitFor({ timeout: 20_000 });
    expect(await seriousFindings(page)).toEqual([]);
    await page.unroute('**/api/meetings/attendance-rates**');
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    await expect.poll(() => page.getByText('Anwesenheit der letzten zwölf Monate').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});
