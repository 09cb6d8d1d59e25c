// A meeting's e-mails as background work on the real table stream: inviting answers at once with the job and mails
// nothing in the request; the worker mails every invited contact once; a cancellation while the mail service is down
// is retried until everyone has heard, and calling it off again answers that same job instead of returning early; an
// item handed to the worker again after its mail went out does not mail twice; an update makes the older mails moot.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const outbox = mkdtempSync(join(tmpdir(), 'amon-meeting-jobs-'));
process.env.OUTBOX_DIR = outbox;

const { handler: meetings } = await import('#functions/meetings/handler.ts');
const { handler: members } = await import('#functions/members/handler.ts');
const { database } = await import('#functions/clients.ts');
const { jobRepository } = await import('#shared/jobs/repository.ts');
const { requeueDue } = await import('#shared/jobs/engine.ts');
const { keys } = await import('#shared/table/keys.ts');
const { call } = await import('../support/api.ts');
const { withMailDown } = await import('../support/outbox.ts');
const { aMember } = await import('../support/builders.ts');
const { jobEnded, startJobWorker, until } = await import('../support/jobs.ts');

const db = database();
const repo = jobRepository(db);
const berlinDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

/** The decoded bodies of a raw MIME message's base64 and quoted-printable parts. */
function decodedParts(raw: string): string[] {
  return raw.split(/\r?\n--/).map((part) => {
    const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/Content-Transfer-Encoding: quoted-printable/i.test(head))
      return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return body;
  });
}

/** Meeting mails of `kind` in the outbox, per recipient. */
function mailsPerRecipient(kind: 'invitation' | 'update' | 'cancellation'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of readdirSync(outbox)) {
    const to = new RegExp(`-meeting-${kind}-(.+)\\.eml$`).exec(f)?.[1];
    if (to) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

/** `n` network partners with two contacts each (one of them without an address) and a meeting inviting them all. */
async function meetingWith(n: number) {
  const made = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      call(members, 'POST /api/members', {
        body: aMember({
          contacts: [
            { name: `Kontakt ${i}`, email: `kontakt-${i}-${Date.now()}@partner.example`, receivesDigest: false },
            { name: 'Ohne Adresse', receivesDigest: false },
          ],
        }),
        as: 'coordinator',
      }),
    ),
  );
  const list = made.map((r) => r.body as { id: string; contacts: { email?: string }[] });
  const { status, body: meeting } = await call(meetings, 'POST /api/meetings', {
    body: {
      kind: 'working_meeting',
      title: 'Netzwerktreffen NQ',
      startsAt: `${berlinDay(14)}T10:00`,
      endsAt: `${berlinDay(14)}T12:00`,
      place: 'IHK Rostock',
      agenda: [{ title: 'Begrüßung', minutes: 10 }],
      inviteeIds: list.map((m) => m.id),
    },
    as: 'coordinator',
  });
  expect(status).toBe(201);
  return { meeting, emails: list.map((m) => m.contacts[0]!.email!.toLowerCase()) };
}

describe('meeting e-mails as jobs', () => {
  it('inviting 40 partners answers at once with the job and mails nothing itself; the worker mails each contact once', async () => {
    // The worker is not running yet: whatever the request sent would be in the outbox now.
    const { meeting, emails } = await meetingWith(40);
    const invited = await call(meetings, 'POST /api/meetings/{id}/invitations', { params: { id: meeting.id }, as: 'coordinator' });
    expect(invited.status).toBe(200);
    expect(invited.body).toMatchObject({ id: meeting.id, invitationsSentAt: expect.any(String), jobId: expect.any(String) });
    expect(mailsPerRecipient('invitation').size).toBe(0);
    const job = await jobEnded(invited.body.jobId);
    expect(job).toMatchObject({ kind: 'meeting-invitations', subject: { type: 'meeting', id: meeting.id }, total: 40, done: 40, failed: 0 });
    const mails = mailsPerRecipient('invitation');
    for (const to of emails) expect(mails.get(to)).toBe(1);
    // The items name the contact and the partner, never the address.
    const { items } = await repo.items(job.id, undefined, 100);
    expect(items.every((i) => !i.key.includes('@') && /^Kontakt \d+ \(/.test(i.label))).toBe(true);
  });

  it('the invitation comes from the no-reply sender, but its ORGANIZER and Reply-To are the coordination’s mailbox', async () => {
    const file = readdirSync(outbox).find((f) => f.includes('-meeting-invitation-'))!;
    const raw = readFileSync(join(outbox, file), 'utf8').replace(/\r?\n[ \t]/g, '');
    expect(raw).toMatch(/^From: .*noreply@amon\.local/m);
    expect(raw).toMatch(/^Reply-To: koordination@amon\.local/m);
    // The calendar part (quoted-printable or base64) names the organizer, who gets the accepts and declines.
    const calendar = decodedParts(raw).find((p) => p.includes('BEGIN:VCALENDAR'))!;
    expect(calendar.replace(/\r?\n[ \t]/g, '')).toMatch(/ORGANIZER;CN="?amoN Koordination"?:mailto:koordination@amon\.local/);
    expect(calendar).not.toContain('noreply');
  });

  it('a cancellation while the mail service is down goes on until everyone has heard; calling it off again answers the same job', async () => {
    await startJobWorker();
    const { meeting, emails } = await meetingWith(3);
    const invited = await call(meetings, 'POST /api/meetings/{id}/invitations', { params: { id: meeting.id }, as: 'coordinator' });
    await jobEnded(invited.body.jobId);
    const jobId = await withMailDown(outbox, async () => {
      const cancelled = await call(meetings, 'POST /api/meetings/{id}/cancellation', { params: { id: meeting.id }, as: 'coordinator' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ cancelledAt: expect.any(String), jobId: expect.any(String) });
      const id = cancelled.body.jobId as string;
      await until(async () => (await repo.items(id, undefined, 10, 'retry')).items.length === 3);
      // The coordinator, seeing nobody has heard, calls it off again: the same job, still at work.
      const again = await call(meetings, 'POST /api/meetings/{id}/cancellation', { params: { id: meeting.id }, as: 'coordinator' });
      expect(again.status).toBe(200);
      expect(again.body.jobId).toBe(id);
      return id;
    });
    expect(mailsPerRecipient('cancellation').size).toBe(0);
    // The mail service is back; the job-retries schedule puts the items back when their wait is over.
    expect(await requeueDue(db, () => new Date(Date.now() + 3_600_000))).toBe(3);
    expect(await jobEnded(jobId)).toMatchObject({ kind: 'meeting-cancellations', status: 'done', total: 3, done: 3, failed: 0 });
    const mails = mailsPerRecipient('cancellation');
    for (const to of emails) expect(mails.get(to)).toBe(1);
  });

  it('an item handed to the worker again after its mail went out (the end of the attempt was lost) does not mail twice', async () => {
    await startJobWorker();
    const { meeting, emails } = await meetingWith(2);
    const invited = await call(meetings, 'POST /api/meetings/{id}/invitations', { params: { id: meeting.id }, as: 'coordinator' });
    const job = await jobEnded(invited.body.jobId);
    const [first] = (await repo.items(job.id, undefined, 10)).items;
    // As if the worker had died after the mail and before it ended the item: the item is pending again.
    await db.write({ update: keys.jobItem(job.id, first!.key), set: { state: 'pending' } });
    await db.write({ update: keys.job(job.id), set: { status: 'running' }, add: { done: -1 } });
    expect(await jobEnded(job.id)).toMatchObject({ status: 'done', done: 2 });
    const mails = mailsPerRecipient('invitation');
    for (const to of emails) expect(mails.get(to)).toBe(1);
  });

  it('moving the meeting sends the updated entry; adding a partner invites only the new one', async () => {
    await startJobWorker();
    const { meeting, emails } = await meetingWith(2);
    const invited = await call(meetings, 'POST /api/meetings/{id}/invitations', { params: { id: meeting.id }, as: 'coordinator' });
    await jobEnded(invited.body.jobId);
    const { body: current } = await call(meetings, 'GET /api/meetings/{id}', { params: { id: meeting.id } });
    const { id: _id, invitees: _i, sequence: _s, invitationsSentAt: _t, createdAt: _c, updatedAt: _u, actions: _a, carriedOver: _o, ...fields } = current;
    const moved = await call(meetings, 'PUT /api/meetings/{id}', {
      params: { id: meeting.id },
      body: { ...fields, startsAt: `${berlinDay(15)}T10:00`, endsAt: `${berlinDay(15)}T12:00` },
      as: 'coordinator',
    });
    expect(moved.status).toBe(200);
    expect(await jobEnded(moved.body.jobId)).toMatchObject({ kind: 'meeting-updates', total: 2, done: 2 });
    const updates = mailsPerRecipient('update');
    for (const to of emails) expect(updates.get(to)).toBe(1);

    const { body: newcomer } = await call(members, 'POST /api/members', { body: aMember(), as: 'coordinator' });
    const widened = await call(meetings, 'PUT /api/meetings/{id}', {
      params: { id: meeting.id },
      body: {
        ...fields,
        startsAt: `${berlinDay(15)}T10:00`,
        endsAt: `${berlinDay(15)}T12:00`,
        inviteeIds: [...fields.inviteeIds, newcomer.id],
        version: moved.body.version,
      },
      as: 'coordinator',
    });
    expect(widened.status).toBe(200);
    expect(await jobEnded(widened.body.jobId)).toMatchObject({ kind: 'meeting-invitations', params: { memberIds: [newcomer.id] }, total: 1, done: 1 });
    expect(mailsPerRecipient('invitation').get(newcomer.contacts[0].email.toLowerCase())).toBe(1);
    for (const to of emails) expect(mailsPerRecipient('invitation').get(to)).toBe(1);
  });
});
