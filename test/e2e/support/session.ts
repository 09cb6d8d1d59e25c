// Helpers of the browser journeys: a signed-in token for setting the scene through the API, and axe's findings.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { signIn } from './stack.ts';

/** Signs in on a page of its own and returns the session token. */
export async function tokenOf(browser: Browser, url: string, email: string): Promise<string> {
  const p = await browser.newPage();
  await signIn(p, url, email);
  await p.waitForURL(/#\/$/, { timeout: 20_000 });
  const token = await p.evaluate(() => localStorage.getItem('amon.session'));
  await p.close();
  return token!;
}

/** One API call as the signed-in user; a non-2xx answer fails the test with the body. */
export async function apiCall<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const running = new WeakMap<Page, Promise<unknown>>();

/**
 * Serious and critical accessibility findings on the page (axe-core, WCAG 2.1 A/AA rules). One scan at a time per
 * page: axe refuses a second run while one is under way (the journey's own scan and the one after a navigation).
 */
export async function seriousFindings(page: Page) {
  const before = running.get(page) ?? Promise.resolve();
  // Legacy mode runs axe inside the page. The default finishes each run in a new blank page of the same context, which
  // takes the focus from the page under test: an open autocomplete closed under the journey's click (measures journey).
  // The screens have no cross-origin frames, which is what the default mode is for.
  const scan = before
    .catch(() => undefined)
    .then(() => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze());
  running.set(page, scan);
  const result = await scan;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
