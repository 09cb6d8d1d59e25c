// P9: the admin's time to interactive on a cold cache in Chromium with the CPU throttled 4×, for the dashboard and a
// case page, as a ratio to the same page's HTML without any JavaScript (a static placeholder with the same landmark).
// Runs against the started local product (bench/run.ts, with P7's first start, once the demo data is complete).
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../test/e2e/support/stack.ts';
import type { Figure } from './figure.ts';
import { round } from './timing.ts';

const RUNS = 5;
const THROTTLE = 4;
/** A long task that starts within this much of the page's readiness moves its interactive moment past the task. */
const QUIET_MS = 500;

/** Collects the long tasks from the document's start (registered before any script of the page runs). */
const LONG_TASKS = `window.__amonLongTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__amonLongTasks.push([e.startTime, e.startTime + e.duration]); }).observe({ type: 'longtask', buffered: true });`;

type Target = { name: string; hash: string; landmark: string };

type State = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * One cold load: a fresh context (no HTTP cache; the session in localStorage), the CPU throttled, the landmark awaited;
 * then the time the page answered a task after it, moved past any long task within QUIET_MS (the quiet-window rule).
 * With `body`, the context serves that HTML at `url` itself (the placeholder).
 */
async function coldLoad(browser: Browser, storageState: State, url: string, landmark: string, body?: string): Promise<number> {
  const context = await browser.newContext({ storageState, viewport: { width: 1400, height: 900 }, locale: 'de-DE' });
  try {
    if (body !== undefined) await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    const page = await context.newPage();
    await page.addInitScript(LONG_TASKS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByText(landmark, { exact: false }).first().waitFor({ timeout: 60_000 });
    const answered = await page.evaluate(() => performance.now());
    await page.waitForTimeout(QUIET_MS + 500);
    const tasks = (await page.evaluate(() => (window as unknown as { __amonLongTasks: [number, number][] }).__amonLongTasks)).sort((a, b) => a[0] - b[0]);
    let interactive = answered;
    for (const [start, end] of tasks) if (start < interactive + QUIET_MS) interactive = Math.max(interactive, end);
    return interactive;
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureAdmin(base: string, password: string): Promise<Figure[]> {
  const browser = await launchBrowser();
  try {
    // Sign in once as the demo counsellor; each measured load starts from that session with an empty cache.
    const context = await browser.newContext();
    const page = await context.newPage();
    const signIn = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'counsellor@amon.local', password }),
    });
    const { token } = (await signIn.json()) as { token: string };
    await page.goto(`${base}/`);
    await page.evaluate((t) => localStorage.setItem('amon.session', t), token);
    const storageState = await context.storageState();
    await context.close();
    const cases = (await (await fetch(`${base}/api/cases?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: { id: string; number: string }[];
    };
    const aCase = cases.items[0]!;
    const html = await (await fetch(`${base}/`)).text();
    const targets: Target[] = [
      { name: 'dashboard', hash: '#/', landmark: 'Fälle nach Status' },
      { name: 'case_page', hash: `#/cases/${aCase.id}/show`, landmark: aCase.number },
    ];
    const figures: Figure[] = [];
    for (const t of targets) {
      // The placeholder: the page's own HTML without its scripts, with the landmark in it, served from the same origin.
      const placeholder = html
        .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
        .replace(/<link[^>]*rel="modulepreload"[^>]*>/g, '')
        .replace(/<div id="root"><\/div>/, `<div id="root"><h1>${t.landmark}</h1></div>`);
      const placeholderPath = `/p9-placeholder-${t.name}.html`;
      const loads: number[] = [];
      const statics: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        loads.push(await coldLoad(browser, storageState, `${base}/${t.hash}`, t.landmark));
        statics.push(await coldLoad(browser, storageState, `${base}${placeholderPath}`, t.landmark, placeholder));
      }
      const [ms, staticMs] = [median(loads), median(statics)];
      figures.push({
        id: `P9.tti_${t.name}`,
        name: `time to interactive, ${t.name.replace('_', ' ')}, cold cache, CPU ${THROTTLE}× slower, ÷ its HTML without JS (${round(ms, 0)} ÷ ${round(staticMs, 0)} ms, median of ${RUNS})`,
        value: round(ms / staticMs, 1),
        unit: 'ratio',
      });
      figures.push({ id: `P9.tti_${t.name}_ms`, name: `time to interactive, ${t.name.replace('_', ' ')} (as above)`, value: round(ms, 0), unit: 'ms' });
    }
    return figures;
  } finally {
    await browser.close();
  }
}
