// Browser contexts of the journeys, with axe on every screen they visit: each navigation of a page (a new document
// or a hash route) is scanned once the screen has settled, and the setup file fails the test on any serious or
// critical finding. Dialogs opened without a navigation are still scanned by the journeys themselves.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousFindings } from './session.ts';

const DESK = { locale: 'de-DE', timezoneId: 'Europe/Berlin' } as const;

/** A desktop context in German and Berlin time; every page opened in it is scanned on each navigation. */
export async function deskContext(browser: Browser, viewport = { width: 1400, height: 900 }): Promise<BrowserContext> {
  return watched(await browser.newContext({ ...DESK, viewport }));
}

/** A 390 px phone context in German and Berlin time, scanned like the desk's. */
export async function phoneContext(browser: Browser, deviceScaleFactor?: number): Promise<BrowserContext> {
  return watched(await browser.newContext({ ...DESK, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor }));
}

/** A page of a desktop context of its own (axe needs a page of a context the test made). */
export async function deskPage(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
  return (await deskContext(browser, viewport)).newPage();
}

type Screen = { screen: string; findings: string[] | null };

const scans = new Set<Promise<void>>();
const results: Screen[] = [];

/** Waits for the scans under way and hands over what they found since the last call (the setup file asserts on it). */
export async function screensScanned(): Promise<Screen[]> {
  while (scans.size > 0) await Promise.all([...scans]);
  return results.splice(0);
}

/** Records in each page when the journey last clicked, typed or pointed (a scan it overlapped does not count). */
function noteInput() {
  const w = window as unknown as { __lastInput: number };
  w.__lastInput = 0;
  for (const type of ['pointerdown', 'keydown', 'input', 'click'])
    document.addEventListener(type, () => (w.__lastInput = performance.now()), { capture: true });
}

async function watched(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(noteInput);
  context.on('page', watch);
  return context;
}

function watch(page: Page) {
  const seen = new Set<string>();
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = frame.url();
    if (!url.startsWith('http') || seen.has(url)) return;
    seen.add(url);
    const scan = scanWhenSettled(page, url);
    scans.add(scan);
    void scan.finally(() => scans.delete(scan));
  });
}

/** The screen's name in a report: its path and route with record ids and tokens left out. */
function screenOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.hash.replace(/\?.*$/, '')}`.replace(/=[^&]*/g, '=…').replace(/[0-9A-HJKMNP-TV-Z]{26}/g, ':id');
}

const GONE = /closed|Target page|Execution context was destroyed|navigat/i;

async function scanWhenSettled(page: Page, url: string): Promise<void> {
  let scanned = false;
  try {
    // A scan counts when the journey left the page alone while it ran: a click or keystroke meanwhile (a button
    // changing colour, a menu fading in) makes axe measure a screen in between, so it is done again once the screen is
    // still, up to three times.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!(await settled(page, url))) return;
      const started = await page.evaluate(() => performance.now());
      const findings = await seriousFindings(page);
      if (page.url() !== url) return;
      const undisturbed = await page.evaluate(
        (since) =>
          (window as unknown as { __lastInput: number }).__lastInput < since &&
          !document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity),
        started,
      );
      if (undisturbed) {
        results.push({ screen: screenOf(url), findings });
        scanned = true;
        return;
      }
    }
  } catch (error) {
    // A scan that could not run fails the test like a finding (never an unhandled rejection).
    if (!page.isClosed() && !GONE.test(String(error))) {
      results.push({ screen: screenOf(url), findings: [`axe could not scan: ${String(error)}`] });
      scanned = true;
    }
  } finally {
    // Left before it came to rest: named in the file's summary, not scanned.
    if (!scanned) results.push({ screen: screenOf(url), findings: null });
  }
}

/**
 * Waits until the screen has loaded and nothing moves: no indeterminate progress (a request under way), no skeleton,
 * no finite animation or transition running (axe measures colours mid-fade wrong), twice in a row. False when the
 * page moved on before that; after five seconds it scans what is there.
 */
async function settled(page: Page, url: string): Promise<boolean> {
  const deadline = Date.now() + 5_000;
  let quiet = 0;
  while (Date.now() < deadline) {
    if (page.isClosed() || page.url() !== url) return false;
    const busy = await page.evaluate(
      () =>
        document.readyState !== 'complete' ||
        document.querySelector('.MuiCircularProgress-indeterminate, .MuiLinearProgress-indeterminate, .MuiSkeleton-root') !== null ||
        document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity),
    );
    quiet = busy ? 0 : quiet + 1;
    if (quiet >= 2) return true;
    await new Promise((r) => setTimeout(r, 150));
  }
  return page.url() === url;
}
