// A coordinator invites the network partners to an upcoming meeting and later calls it off: each click answers at
// once, the meeting page shows the send rising to every contact, and the outbox holds one mail per contact and kind.
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
let meetingId = '';
let contacts: string[] = [];

type Member = { id: string; contacts: { email?: string }[] };
const berlinDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await deskContext(browser);
  page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  const token = await tokenOf(browser, stack.url, 'coordinator@amon.local');
  const { items } = await apiCall<{ items: Member[] }>(stack.url, token, 'GET', '/api/members?limit=12');
  const invitees = items.filter((m) => m.contacts.some((c) => c.email));
  contacts = invitees.flatMap((m) => m.contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])));
  const meeting = await apiCall<{ id: string }>(stack.url, token, 'POST', '/api/meetings', {
    kind: 'working_meeting',
    title: `Arbeitstreffen Anerkennung ${Date.now().toString(36)}`,
    startsAt: `${berlinDay(10)}T10:00`,
    endsAt: `${berlinDay(10)}T12:00`,
    place: 'IHK zu Rostock, Raum 2',
    agenda: [{ title: 'Anerkennung ausländischer Abschlüsse', minutes: 45 }],
    inviteeIds: invitees.map((m) => m.id),
  });
  meetingId = meeting.id;
});

afterAll(async () => {
  await browser?.close();
});

/** Waits until the newest send on the page reads `line`, and answers every line it saw on the way. */
async function watchProgress(line: string): Promise<string> {
  const progress = page.locator('[data-job-progress]').first();
  await progress.waitFor({ timeout: 10_000 });
  await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toBe(line);
  return line;
}

describe('meeting mails leave the request', () => {
  it('inviting answers at once; the page shows the invitations going out to every contact', async () => {
    expect(contacts.length).toBeGreaterThan(3);
    const before = new Set(readdirSync(outbox));
    await signIn(page, stack.url, 'coordinator@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.goto(`${stack.url}/#/meetings/${meetingId}/show`);
    await page.getByRole('heading', { name: 'Versand' }).waitFor({ timeout: 10_000 });
    await page.getByText('Noch kein Versand.').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Einladen', exact: true }).click();
    await page.getByText('Die Einladungen mit Kalendereintrag werden im Hintergrund versendet').waitFor({ timeout: 5_000 });
    await watchProgress(`Einladungen: ${contacts.length} von ${contacts.length} versendet`);
    expect(await seriousFindings(page)).toEqual([]);
    const fresh = readdirSync(outbox).filter((f) => !before.has(f) && f.includes('-meeting-invitation-'));
    expect(fresh.map((f) => /-meeting-invitation-(.+)\.eml$/.exec(f)![1]).sort()).toEqual([...contacts].sort());
  });

  it('calling it off answers at once; the cancellations go to the same contacts', async () => {
    const before = new Set(readdirSync(outbox));
    await page.getByRole('button', { name: 'Absagen' }).click();
    await page.getByText('Das Treffen ist abgesagt – die Absagen werden im Hintergrund versendet').waitFor({ timeout: 5_000 });
    await watchProgress(`Absagen: ${contacts.length} von ${contacts.length} versendet`);
    expect(await page.getByText('abgesagt', { exact: true }).count()).toBeGreaterThan(0);
    expect(await seriousFindings(page)).toEqual([]);
    const fresh = readdirSync(outbox).filter((f) => !before.has(f) && f.includes('-meeting-cancellation-'));
    expect(fresh.map((f) => /-meeting-cancellation-(.+)\.eml$/.exec(f)![1]).sort()).toEqual([...contacts].sort());
  });
});
