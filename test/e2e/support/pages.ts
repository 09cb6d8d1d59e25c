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
/** Screens a journey left before they came to rest, with where to find them again. */
const leftEarly = new Map<string, { url: string; context: BrowserContext }>();
/** Screens scanned or visited again in this file, so each is visited again at most once. */
const done = new Set<string>();

const scansUnderWay = async () => {
  while (scans.size > 0) await Promise.all([...scans]);
};

/**
 * Waits for the scans under way, visits each screen the test left before it came to rest again on a page of its own
 * in the same context (signed in as the journey was, after the test so it cannot disturb it), and hands over what the
 * scans found since the last call (the setup file asserts on it).
 */
export async function screensScanned(): Promise<Screen[]> {
  await scansUnderWay();
  const again = [...leftEarly].filter(([screen]) => !done.has(screen));
  leftEarly.clear();
  for (const [screen, { url, context }] of again) {
    done.add(screen);
    // The sign-in form is seen signed out: a context of its own (a signed-in one goes on to the dashboard).
    const signedOut = screen.startsWith('/#/login');
    let page: Page;
    try {
      const browser = context.browser();
      page = signedOut && browser ? await (await deskContext(browser)).newPage() : await context.newPage();
    } catch {
      continue; // the journey closed its context: the screen stays named as not scanned
    }
    try {
      await page.goto(url);
      await scansUnderWay();
    } catch {
      // a page that cannot be opened again is reported by its scan (or named as not scanned)
    } finally {
      await (signedOut ? page.context().close() : page.close()).catch(() => undefined);
    }
  }
  return results.splice(0);
}

/** Records in each page when the journey last clicked, typed or pointed (a scan it overlapped does not count). */
function noteInput() {
  const w = window as unknown as { __lastInput: number; __moving: () => boolean };
  w.__lastInput = 0;
  // A finite animation or transition is running (axe measures colours mid-fade wrong); spinners that never end do not count.
  w.__moving = () => document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
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
      const undisturbed = await page.evaluate((since) => {
        const w = window as unknown as { __lastInput: number; __moving: () => boolean };
        return w.__lastInput < since && !w.__moving();
      }, started);
      if (undisturbed) {
        done.add(screenOf(url));
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
    // Left before it came to rest: visited again after the test; if that fails too, named in the file's summary.
    if (!scanned) {
      results.push({ screen: screenOf(url), findings: null });
      if (!done.has(screenOf(url))) leftEarly.set(screenOf(url), { url, context: page.context() });
    }
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
        (window as unknown as { __moving: () => boolean }).__moving(),
    );
    quiet = busy ? 0 : quiet + 1;
    if (quiet >= 2) return true;
    await new Promise((r) => setTimeout(r, 150));
  }
  return page.url() === url;
}
