// Events with registration in the browser: on a 390 px phone someone takes the last place of an event, a second
// person lands on the waiting list, the first cancels through the link in their confirmation mail, and the second
// moves up and gets a mail. A coordinator sees it on the event's page, adds a person and finds the attendance list.
// axe on every screen, the public pages in German and English.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, seriousFindings, tokenOf } from './support/session.ts';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskPage, phoneContext } from './support/pages.ts';

const stack = sharedStack();
const outbox = join(stack.dataDir, 'outbox');
const tag = Date.now().toString(36);
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
const title = `Beratungstag Anerkennung ${tag}`;
const first = { name: 'Olena Kowalenko', email: `olena.${tag}@example.org` };
const second = { name: 'Łukasz Wiśniewski', email: `lukasz.${tag}@example.org` };
let browser: Browser;
let phone: BrowserContext;
let eventId = '';

/** The event mails to `email` in the outbox, oldest first, as a recipient reads them. */
async function mailsTo(email: string) {
  const files = readdirSync(outbox)
    .filter((f) => f.includes('-event-') && f.endsWith(`${email}.eml`))
    .sort();
  return Promise.all(files.map(async (f) => simpleParser(readFileSync(join(outbox, f)))));
}
async function waitForMails(email: string, n: number) {
  const end = Date.now() + 30_000;
  for (;;) {
    const mails = await mailsTo(email);
    if (mails.length >= n) return mails;
    if (Date.now() > end) throw new Error(`${email} has ${mails.length} of ${n} mails`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function register(p: Page, who: { name: string; email: string }) {
  await p.goto(`${stack.url}/veranstaltungen/?id=${eventId}`);
  await p.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: 15_000 });
  await p.getByLabel('Vor- und Nachname').fill(who.name);
  await p.getByLabel('Organisation oder Betrieb').fill('Jobcenter Rostock');
  await p.getByLabel('E-Mail-Adresse').fill(who.email);
  await p.getByLabel(/Ich bin einverstanden/).check();
}

beforeAll(async () => {
  browser = await launchBrowser();
  phone = await phoneContext(browser);
  const coordinator = await tokenOf(browser, stack.url, 'coordinator@amon.local');
  eventId = (
    await apiCall<{ id: string }>(stack.url, coordinator, 'POST', '/api/events', {
      kind: 'counselling_day',
      title,
      description: 'Beratung zur Anerkennung ausländischer Berufsabschlüsse, ohne Termin, mit Sprachmittlung.',
      startsAt: `${day(21)}T10:00`,
      endsAt: `${day(21)}T14:00`,
      place: 'Rostock, Rathaus',
      capacity: 1,
      registrationDeadline: day(19),
      audience: 'public',
      fields: [],
      published: true,
    })
  ).id;
});

afterAll(async () => {
  await browser?.close();
});

describe('events with registration', () => {
  it('the last place goes to the first person, the second waits; a cancel link moves the second up with a mail', async () => {
    const p = await phone.newPage();
    await p.goto(`${stack.url}/veranstaltungen/`);
    await p.getByRole('heading', { name: 'Veranstaltungen', level: 1 }).waitFor({ timeout: 15_000 });
    await expect.poll(() => p.getByRole('heading', { name: title }).count()).toBe(1);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousFindings(p)).toEqual([]);

    // Sending an empty form names what is missing, at the fields.
    await p.goto(`${stack.url}/veranstaltungen/?id=${eventId}`);
    await p.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: 15_000 });
    await expect.poll(() => p.getByText('ein Platz frei').count()).toBe(1);
    await p.getByRole('button', { name: 'Verbindlich anmelden' }).click();
    await p.getByText('Bitte geben Sie Ihren Vor- und Nachnamen an.').waitFor();
    expect(await p.getByLabel('Vor- und Nachname').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousFindings(p)).toEqual([]);

    await register(p, first);
    // Enter in a field does not send the form.
    await p.getByLabel('E-Mail-Adresse').press('Enter');
    await p.getByRole('button', { name: 'Verbindlich anmelden' }).click();
    await p.getByText('Sie sind angemeldet.').waitFor({ timeout: 15_000 });
    expect(await seriousFindings(p)).toEqual([]);

    const q = await phone.newPage();
    await register(q, second);
    await q.getByRole('button', { name: 'Auf die Warteliste setzen' }).click();
    await q.getByText(/Sie stehen auf der Warteliste \(Platz 1\)/).waitFor({ timeout: 15_000 });
    await q.screenshot({ path: 'test-results/event-waiting-phone.png', fullPage: true });

    // The confirmation holds the personal link; the page shows what it cancels, then cancels.
    const [confirmation] = await waitForMails(first.email, 1);
    expect(confirmation!.subject).toMatch(/^Anmeldung bestätigt: /);
    const link = /(http\S+#abmelden=\S+)/.exec(confirmation!.text ?? '')![1]!;
    await p.goto(link);
    await p.getByText(`Sie sind angemeldet für „${title}“.`).waitFor({ timeout: 15_000 });
    expect(await seriousFindings(p)).toEqual([]);
    await p.getByRole('button', { name: 'Jetzt abmelden' }).click();
    await p.getByText(/Sie sind abgemeldet/).waitFor({ timeout: 15_000 });
    expect(new URL(p.url()).hash).toBe('');

    const [waiting, moved] = await waitForMails(second.email, 2);
    expect(waiting!.subject).toMatch(/^Warteliste: /);
    expect(moved!.subject).toMatch(/^Ihr Platz ist frei: /);
    expect(moved!.text).toContain('Guten Tag Łukasz Wiśniewski');
    expect(moved!.text).toMatch(/#abmelden=/);

    // The page in English.
    await q.goto(`${stack.url}/veranstaltungen/?id=${eventId}`);
    await q.getByRole('button', { name: 'Switch to English' }).click();
    await q.getByRole('heading', { name: title, level: 1 }).waitFor();
    await q.getByText('Fully booked – join the waiting list').waitFor();
    expect(await seriousFindings(q)).toEqual([]);
  });

  it('a coordinator sees who moved up, adds a person to the waiting list, and finds the attendance list', async () => {
    const page = await deskPage(browser, { width: 1400, height: 950 });
    await signIn(page, stack.url, 'coordinator@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.getByRole('menuitem', { name: 'Veranstaltungen' }).click();
    await page.getByText(title).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByText('1 von 1 Plätzen belegt').waitFor();
    const table = page.getByRole('table', { name: 'Anmeldungen in der Reihenfolge ihres Eingangs' });
    await expect.poll(() => table.locator('tr[data-state="cancelled"]').count()).toBe(1);
    await expect.poll(() => table.locator('tr[data-state="registered"]').filter({ hasText: second.name }).count()).toBe(1);
    expect(await table.locator('tr[data-state="cancelled"]').innerText()).not.toContain(first.name);
    expect(await seriousFindings(page)).toEqual([]);

    await page.getByRole('button', { name: 'Person anmelden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Eine Person anmelden' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Amal Haddad');
    await dialog.getByRole('textbox', { name: 'E-Mail' }).fill(`amal.${tag}@example.org`);
    expect(await seriousFindings(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Person anmelden' }).click();
    await page.getByText('Die Veranstaltung ist voll: Die Person steht auf der Warteliste (Platz 1).').waitFor({ timeout: 15_000 });
    await expect.poll(() => table.locator('tr[data-state="waiting"]').filter({ hasText: 'Amal Haddad' }).count()).toBe(1);
    await page.getByText('eine Person auf der Warteliste').waitFor();
    await page.getByRole('button', { name: 'Teilnahmeliste (PDF)' }).waitFor();
    await page.screenshot({ path: 'test-results/event-show.png', fullPage: true });

    await page.getByRole('menuitem', { name: 'Veranstaltungen' }).click();
    await page.getByRole('link', { name: 'Anlegen' }).waitFor({ timeout: 15_000 });
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByRole('link', { name: 'Anlegen' }).click();
    await page.getByLabel('Titel').waitFor();
    expect(await seriousFindings(page)).toEqual([]);
  });
});
