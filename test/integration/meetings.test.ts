import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';

const outbox = mkdtempSync(join(tmpdir(), 'amon-meeting-outbox-'));
process.env.OUTBOX_DIR = outbox;

const { handler: meetings } = await import('#functions/meetings/handler.ts');
const { handler: members } = await import('#functions/members/handler.ts');
const { call } = await import('../support/api.ts');
const { aMember } = await import('../support/builders.ts');
const { jobEnded } = await import('../support/jobs.ts');

const berlinDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

async function twoMembers() {
  const a = await call(members, 'POST /api/members', {
    body: aMember({
      contacts: [
        { name: 'Anna Schulz', email: `anna-${Date.now()}@agentur.example`, receivesDigest: false },
        { name: 'Ohne Mail', receivesDigest: false },
      ],
    }),
    as: 'coordinator',
  });
  const b = await call(members, 'POST /api/members', { body: aMember(), as: 'coordinator' });
  return [a.body, b.body] as { id: string; name: string; contacts: { email?: string }[] }[];
}

const aMeeting = (inviteeIds: string[], over: Record<string, unknown> = {}) => ({
  kind: 'working_meeting',
  title: 'AG NQ-Netz MV',
  startsAt: `${berlinDay(20)}T10:00`,
  endsAt: `${berlinDay(20)}T12:30`,
  place: 'IHK Rostock, Raum 3',
  agenda: [
    { title: 'Begrüßung', minutes: 10 },
    { title: 'Bericht aus den Landkreisen', presenter: 'Jobcenter Rostock', minutes: 45 },
  ],
  inviteeIds,
  ...over,
});

/** The meeting mails to `email` in the outbox, parsed, oldest first. */
async function mailsTo(email: string) {
  const files = readdirSync(outbox)
    .filter((f) => f.includes('meeting-') && f.endsWith(`${email}.eml`))
    .sort();
  return Promise.all(files.map(async (f) => simpleParser(readFileSync(join(outbox, f)))));
}

describe('network meetings', () => {
  it('invites with a calendar entry; a change keeps the UID and raises SEQUENCE; a cancellation removes it', async () => {
    const [a, b] = await twoMembers();
    const created = await call(meetings, 'POST /api/meetings', { body: aMeeting([a!.id, b!.id]), as: 'coordinator' });
    expect(created.status).toBe(201);
    expect(created.body.invitees).toHaveLength(2);
    expect(created.body.invitees[0].contacts).toEqual([{ name: 'Anna Schulz', email: a!.contacts[0]!.email }]);

    const invited = await call(meetings, 'POST /api/meetings/{id}/invitations', { params: { id: created.body.id }, as: 'coordinator' });
    expect(invited.status).toBe(200);
    // One mail per invited contact with an address (Anna, and the second member's contact), sent by the worker.
    expect(await jobEnded(invited.body.jobId)).toMatchObject({ kind: 'meeting-invitations', total: 2, done: 2, status: 'done' });
    const [first] = await mailsTo(a!.contacts[0]!.email!);
    expect(first!.subject).toMatch(
      /^Einladung: AG NQ-Netz MV, (Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. [^ ]+ \d{4}, 10:00–12:30 Uhr$/,
    );
    const ics = first!.attachments.find((x) => x.filename === 'termin.ics')!;
    expect(ics.contentType).toBe('application/ics');
    const text = ics.content.toString('utf8');
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain(`UID:${created.body.id}@amon-nachqualifizierung`);
    expect(text).toContain('SEQUENCE:0');
    expect(text).toContain(`DTSTART;TZID=Europe/Berlin:${berlinDay(20).replace(/-/g, '')}T100000`);
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect(first!.text).toContain('2. Bericht aus den Landkreisen (Jobcenter Rostock) – 45 Min.');

    const { body: current } = await call(meetings, 'GET /api/meetings/{id}', { params: { id: created.body.id } });
    const moved = await call(meetings, 'PUT /api/meetings/{id}', {
      params: { id: created.body.id },
      body: { ...aMeeting([a!.id, b!.id], { startsAt: `${berlinDay(21)}T14:00`, endsAt: `${berlinDay(21)}T16:00` }), decisions: [], version: current.version },
      as: 'coordinator',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ sequence: 1 });
    expect(await jobEnded(moved.body.jobId)).toMatchObject({ kind: 'meeting-updates', total: 2, done: 2 });
    const [, update] = await mailsTo(a!.contacts[0]!.email!);
    const updated = update!.attachments.find((x) => x.filename === 'termin.ics')!.content.toString('utf8');
    expect(update!.subject).toMatch(/^Geändert: /);
    expect(updated).toContain(`UID:${created.body.id}@amon-nachqualifizierung`);
    expect(updated).toContain('SEQUENCE:1');
    expect(updated).toContain(`DTSTART;TZID=Europe/Berlin:${berlinDay(21).replace(/-/g, '')}T140000`);

    // Minutes alone are not news for the invitees.
    const minutes = await call(meetings, 'PUT /api/meetings/{id}', {
      params: { id: created.body.id },
      body: {
        ...aMeeting([a!.id, b!.id], { startsAt: `${berlinDay(21)}T14:00`, endsAt: `${berlinDay(21)}T16:00` }),
        minutes: 'Protokoll folgt.',
        decisions: ['Nächstes Treffen digital'],
        version: moved.body.version,
      },
      as: 'coordinator',
    });
    expect(minutes.body).toMatchObject({ sequence: 1, decisions: ['Nächstes Treffen digital'] });
    expect(minutes.body.jobId).toBeUndefined();

    const cancelled = await call(meetings, 'POST /api/meetings/{id}/cancellation', { params: { id: created.body.id }, as: 'coordinator' });
    expect(cancelled.body).toMatchObject({ sequence: 2 });
    expect(await jobEnded(cancelled.body.jobId)).toMatchObject({ kind: 'meeting-cancellations', total: 2, done: 2 });
    const [, , cancel] = await mailsTo(a!.contacts[0]!.email!);
    const cancelText = cancel!.attachments.find((x) => x.filename === 'termin.ics')!.content.toString('utf8');
    expect(cancelText).toContain('METHOD:CANCEL');
    expect(cancelText).toContain('STATUS:CANCELLED');
    expect(cancelText).toContain('SEQUENCE:2');
  });

  it('a monthly series keeps the weekday of the month and the Berlin time across the change to summer time', async () => {
    const [a] = await twoMembers();
    const { body: first } = await call(meetings, 'POST /api/meetings', {
      body: aMeeting([a!.id], { startsAt: '2027-02-10T10:00', endsAt: '2027-02-10T12:00' }),
      as: 'coordinator',
    });
    const series = await call(meetings, 'POST /api/meetings/{id}/series', { params: { id: first.id }, body: { count: 3 }, as: 'coordinator' });
    expect(series.status).toBe(201);
    // 10 Feb 2027 is the 2nd Wednesday; so are 10 Mar (winter time), 14 Apr and 12 May (summer time).
    expect(series.body.map((m: { startsAt: string; endsAt: string }) => [m.startsAt, m.endsAt])).toEqual([
      ['2027-03-10T10:00', '2027-03-10T12:00'],
      ['2027-04-14T10:00', '2027-04-14T12:00'],
      ['2027-05-12T10:00', '2027-05-12T12:00'],
    ]);
    expect(new Set(series.body.map((m: { seriesId: string }) => m.seriesId))).toEqual(new Set([first.id]));
    const listed = await call(meetings, 'GET /api/meetings', { query: { from: '2027-03-01', to: '2027-04-30' } });
    expect(listed.body.items.map((m: { startsAt: string }) => m.startsAt)).toEqual(expect.arrayContaining(['2027-03-10T10:00', '2027-04-14T10:00']));
    expect(listed.body.items.map((m: { startsAt: string }) => m.startsAt)).not.toContain('2027-05-12T10:00');
  });

  it('records attendance once a meeting has begun and computes rates per member', async () => {
    const [a, b] = await twoMembers();
    const day = berlinDay(-3);
    const { body: past } = await call(meetings, 'POST /api/meetings', {
      body: aMeeting([a!.id, b!.id], { startsAt: `${day}T09:00`, endsAt: `${day}T11:00` }),
      as: 'coordinator',
    });
    const recorded = await call(meetings, 'PUT /api/meetings/{id}/attendance', {
      params: { id: past.id },
      body: {
        version: past.version,
        entries: [
          { memberId: a!.id, attendance: 'present' },
          { memberId: b!.id, attendance: 'excused' },
        ],
      },
      as: 'coordinator',
    });
    expect(recorded.status).toBe(200);
    const rates = await call(meetings, 'GET /api/meetings/attendance-rates', { query: { from: day, to: day } });
    expect(rates.body.find((r: { memberId: string }) => r.memberId === a!.id)).toMatchObject({ invited: 1, present: 1, rate: 1 });
    expect(rates.body.find((r: { memberId: string }) => r.memberId === b!.id)).toMatchObject({ invited: 1, excused: 1, rate: 0 });

    const { body: future } = await call(meetings, 'POST /api/meetings', { body: aMeeting([a!.id]), as: 'coordinator' });
    const early = await call(meetings, 'PUT /api/meetings/{id}/attendance', {
      params: { id: future.id },
      body: { version: 1, entries: [{ memberId: a!.id, attendance: 'present' }] },
      as: 'coordinator',
    });
    expect(early.status).toBe(400);
    const stranger = await call(meetings, 'PUT /api/meetings/{id}/attendance', {
      params: { id: past.id },
      body: { version: recorded.body.version, entries: [{ memberId: future.id, attendance: 'present' }] },
      as: 'coordinator',
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.fields[0].path).toBe('entries.0.memberId');
  });

  it('action items stay open across meetings until done, and list by owner', async () => {
    const [a, b] = await twoMembers();
    const { body: earlier } = await call(meetings, 'POST /api/meetings', {
      body: aMeeting([a!.id, b!.id], { startsAt: `${berlinDay(-30)}T10:00`, endsAt: `${berlinDay(-30)}T12:00` }),
      as: 'coordinator',
    });
    const added = await call(meetings, 'POST /api/meetings/{id}/actions', {
      params: { id: earlier.id },
      body: { title: 'Liste der Prüfungstermine 2027 verteilen', ownerId: a!.id, dueOn: berlinDay(10) },
      as: 'coordinator',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ status: 'open', ownerName: a!.name, meetingTitle: 'AG NQ-Netz MV' });

    const { body: next } = await call(meetings, 'POST /api/meetings', { body: aMeeting([a!.id, b!.id]), as: 'coordinator' });
    const view = await call(meetings, 'GET /api/meetings/{id}', { params: { id: next.id } });
    expect(view.body.carriedOver.map((x: { id: string }) => x.id)).toContain(added.body.id);
    // …and onto its invitation's agenda, in the mail and in the calendar entry.
    const sent = await call(meetings, 'POST /api/meetings/{id}/invitations', { params: { id: next.id }, as: 'coordinator' });
    await jobEnded(sent.body.jobId);
    const invitation = (await mailsTo(a!.contacts[0]!.email!)).at(-1)!;
    expect(invitation.text).toContain('Offene Aufgaben aus früheren Treffen:\n– Liste der Prüfungstermine 2027 verteilen');
    expect(
      invitation.attachments
        .find((x) => x.filename === 'termin.ics')!
        .content.toString('utf8')
        .replace(/\r\n /g, ''),
    ).toContain('Liste der Prüfungstermine 2027 verteilen');

    const mine = await call(meetings, 'GET /api/actions', { query: { ownerId: a!.id, status: 'open' } });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([added.body.id]);
    const done = await call(meetings, 'PUT /api/meetings/{id}/actions/{actionId}', {
      params: { id: earlier.id, actionId: added.body.id },
      body: { title: added.body.title, ownerId: a!.id, dueOn: added.body.dueOn, status: 'done', version: 1 },
      as: 'coordinator',
    });
    expect(done.body).toMatchObject({ status: 'done', version: 2 });
    expect(done.body.doneAt).toBeDefined();
    const open = await call(meetings, 'GET /api/actions', { query: { ownerId: a!.id, status: 'open' } });
    expect(open.body.items).toEqual([]);
    const again = await call(meetings, 'GET /api/meetings/{id}', { params: { id: next.id } });
    expect(again.body.carriedOver.map((x: { id: string }) => x.id)).not.toContain(added.body.id);
  });

  it('refuses bad input by field, and counsellors only read', async () => {
    const [a] = await twoMembers();
    const cases: [unknown, string][] = [
      [{ ...aMeeting([a!.id]), colour: 'blau' }, ''],
      [aMeeting([a!.id], { endsAt: `${berlinDay(20)}T09:00` }), 'endsAt'],
      [aMeeting([a!.id], { startsAt: '2026-13-01T10:00' }), 'startsAt'],
      [aMeeting([a!.id], { onlineUrl: 'http://unsicher.example' }), 'onlineUrl'],
      [aMeeting(['01JZZZZZZZZZZZZZZZZZZZZZZZ']), 'inviteeIds.0'],
      [aMeeting([a!.id], { agenda: Array.from({ length: 31 }, () => ({ title: 'x' })) }), 'agenda'],
    ];
    for (const [body, path] of cases) {
      const res = await call(meetings, 'POST /api/meetings', { body, as: 'coordinator' });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      if (path) expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect((await call(meetings, 'POST /api/meetings', { body: aMeeting([a!.id]), as: 'counsellor' })).status).toBe(403);
    expect((await call(meetings, 'GET /api/meetings', { as: 'counsellor' })).status).toBe(200);
    const { body: announced } = await call(meetings, 'POST /api/meetings', { body: aMeeting([a!.id]), as: 'coordinator' });
    await call(meetings, 'POST /api/meetings/{id}/invitations', { params: { id: announced.id }, as: 'coordinator' });
    const removed = await call(meetings, 'DELETE /api/meetings/{id}', { params: { id: announced.id }, as: 'coordinator' });
    expect(removed.status).toBe(409);
  });
});
