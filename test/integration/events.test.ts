// Events with registration against DynamoDB Local, mails through the real table stream: a last place is given once,
// the next person waits, a cancel link frees the place and the first person waiting moves up and is told; staff add
// people, record attendance and call an event off; a partners-only event needs its key; the registrations of a
// public event are deleted after the retention period, and only the counts stay.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';

const outbox = mkdtempSync(join(tmpdir(), 'amon-events-'));
process.env.OUTBOX_DIR = outbox;

const { handler: events } = await import('#functions/events/handler.ts');
const { handler: registration } = await import('#functions/registration/handler.ts');
const { database } = await import('#functions/clients.ts');
const { eventsService } = await import('#shared/events/domain.ts');
const { patterns } = await import('#shared/table/patterns.ts');
const { call } = await import('../support/api.ts');
const { pdfText } = await import('../support/pdf.ts');
const { handler: documents } = await import('#functions/evaluations/handler.ts');
const { jobEnded, startJobWorker, until } = await import('../support/jobs.ts');
const { scanTable } = await import('../support/scan.ts');

const db = database();
const berlinDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

/** An event in `days` days, published, with `capacity` places. */
const anEvent = (o: Record<string, unknown> = {}) => ({
  kind: 'workshop',
  title: `Workshop interkulturelle Kompetenz ${Math.random().toString(36).slice(2, 7)}`,
  startsAt: `${berlinDay(20)}T10:00`,
  endsAt: `${berlinDay(20)}T15:00`,
  place: 'Rostock, Bildungszentrum',
  capacity: 1,
  registrationDeadline: berlinDay(18),
  audience: 'public',
  fields: [],
  published: true,
  ...o,
});
const person = (name: string, o: Record<string, unknown> = {}) => ({
  name,
  organisation: 'Jobcenter Rostock',
  email: `${name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')}@example.org`,
  consent: true,
  ...o,
});

async function mailsTo(email: string) {
  const files = readdirSync(outbox)
    .filter((f) => f.includes('-event-') && f.endsWith(`${email}.eml`))
    .sort();
  return Promise.all(files.map(async (f) => ({ file: f, mail: await simpleParser(readFileSync(join(outbox, f))) })));
}
const tokenIn = (text: string | undefined) => /#abmelden=(\S+)/.exec(text ?? '')?.[1];

/** The fields a 4xx answer names. */
const fieldsOf = (body: { error: { fields?: { path: string }[] } }) => (body.error.fields ?? []).map((f) => f.path);

async function created(o: Record<string, unknown> = {}) {
  const res = await call(events, 'POST /api/events', { body: anEvent(o), as: 'coordinator' });
  expect(res.status).toBe(201);
  return res.body;
}

describe('events with registration', () => {
  it('the last place goes to one person, the next waits; a cancel link moves the first waiting person up with a mail', async () => {
    await startJobWorker();
    const e = await created({ capacity: 1 });
    const page = await call(registration, 'GET /api/public/events/{id}', { params: { id: e.id } });
    expect(page.body).toMatchObject({ status: 'open', placesLeft: 1 });

    const first = await call(registration, 'POST /api/public/events/{id}/registrations', { params: { id: e.id }, body: person('Anna Schmidt') });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'registered' });
    const second = await call(registration, 'POST /api/public/events/{id}/registrations', {
      params: { id: e.id },
      body: person('Łukasz Wiśniewski', { email: 'lukasz@example.org', language: 'en' }),
    });
    expect(second.body).toMatchObject({ state: 'waiting', position: 1 });
    expect((await call(registration, 'GET /api/public/events/{id}', { params: { id: e.id } })).body).toMatchObject({ status: 'waiting_list', placesLeft: 0 });

    // The same address once only, named by field.
    const again = await call(registration, 'POST /api/public/events/{id}/registrations', { params: { id: e.id }, body: person('Anna Schmidt') });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('email');

    await until(async () => (await mailsTo('anna.schmidt@example.org')).length === 1 && (await mailsTo('lukasz@example.org')).length === 1, 20_000);
    const [confirmation] = await mailsTo('anna.schmidt@example.org');
    expect(confirmation!.mail.subject).toMatch(/^Anmeldung bestätigt: /);
    expect(confirmation!.mail.text).toContain('Guten Tag Anna Schmidt');
    const raw = readFileSync(join(outbox, confirmation!.file), 'utf8');
    expect(raw).toContain('METHOD:PUBLISH');
    expect(raw).toContain('TZID=Europe/Berlin');
    const [waitingMail] = await mailsTo('lukasz@example.org');
    expect(waitingMail!.mail.subject).toMatch(/^Waiting list: /);

    // The link's token names the registration; the page shows what it stands for, then cancels.
    const token = tokenIn(confirmation!.mail.text)!;
    expect((await call(registration, 'POST /api/public/registration', { body: { token } })).body).toMatchObject({ state: 'registered', eventTitle: e.title });
    const tampered = await call(registration, 'POST /api/public/registration/cancel', { body: { token: `${token.slice(0, -2)}xx` } });
    expect(tampered.status).toBe(404);
    const cancelled = await call(registration, 'POST /api/public/registration/cancel', { body: { token } });
    expect(cancelled.body).toMatchObject({ state: 'cancelled' });
    expect((await call(registration, 'POST /api/public/registration/cancel', { body: { token } })).body).toMatchObject({ state: 'cancelled' });

    await until(async () => (await mailsTo('lukasz@example.org')).length === 2, 20_000);
    const moved = (await mailsTo('lukasz@example.org'))[1]!;
    expect(moved.mail.subject).toMatch(/^A place for you: /);
    expect(tokenIn(moved.mail.text)).toBeTruthy();

    const after = await call(events, 'GET /api/events/{id}', { params: { id: e.id }, as: 'coordinator' });
    expect(after.body).toMatchObject({ registered: 1, waiting: 0 });
    const list = await call(events, 'GET /api/events/{id}/registrations', { params: { id: e.id }, as: 'counsellor' });
    const states = list.body.items.map((r: { name?: string; state: string }) => [r.name ?? null, r.state]);
    // The cancelled registration keeps no name, no address.
    expect(states).toEqual([
      [null, 'cancelled'],
      ['Łukasz Wiśniewski', 'registered'],
    ]);
    expect(JSON.stringify(list.body)).not.toContain('cancelHashes');
    // Nothing of the person who cancelled stays in any item.
    expect(JSON.stringify(await scanTable(db))).not.toContain('anna.schmidt@example.org');
  });

  it('two people taking the last place at once: one gets it, the other waits', async () => {
    const e = await created({ capacity: 1 });
    const both = await Promise.all(
      ['Berta Braun', 'Cem Yılmaz'].map((n) => call(registration, 'POST /api/public/events/{id}/registrations', { params: { id: e.id }, body: person(n) })),
    );
    expect(both.map((r) => r.body.state).sort()).toEqual(['registered', 'waiting']);
    expect((await call(events, 'GET /api/events/{id}', { params: { id: e.id }, as: 'coordinator' })).body).toMatchObject({ registered: 1, waiting: 1 });
  });

  it('bad input names the field; fields the event does not ask for, a closed deadline and unknown events are refused', async () => {
    const e = await created({ capacity: 5, fields: ['dietary'] });
    const noConsent = await call(registration, 'POST /api/public/events/{id}/registrations', {
      params: { id: e.id },
      body: person('Dora Diaz', { consent: false }),
    });
    expect(noConsent.status).toBe(400);
    expect(fieldsOf(noConsent.body)).toContain('consent');
    const unasked = await call(registration, 'POST /api/public/events/{id}/registrations', {
      params: { id: e.id },
      body: person('Dora Diaz', { phone: '0381 123' }),
    });
    expect(unasked.status).toBe(400);
    expect(fieldsOf(unasked.body)).toContain('phone');
    const unknown = await call(registration, 'POST /api/public/events/{id}/registrations', {
      params: { id: e.id },
      body: { ...person('Dora Diaz'), birthday: '1990-01-01' },
    });
    expect(unknown.status).toBe(400);
    const badDates = await call(events, 'POST /api/events', { body: anEvent({ endsAt: `${berlinDay(19)}T10:00` }), as: 'coordinator' });
    expect(badDates.status).toBe(400);
    expect(fieldsOf(badDates.body)).toContain('endsAt');

    const past = await created({ registrationDeadline: berlinDay(-1) });
    const late = await call(registration, 'POST /api/public/events/{id}/registrations', { params: { id: past.id }, body: person('Emil Ernst') });
    expect(late.status).toBe(409);
    expect((await call(registration, 'GET /api/public/events/{id}', { params: { id: past.id } })).body.status).toBe('closed');
    // Staff still add people after the deadline.
    const added = await call(events, 'POST /api/events/{id}/registrations', {
      params: { id: past.id },
      body: { name: 'Emil Ernst', email: 'emil@example.org', notify: false },
      as: 'coordinator',
    });
    expect(added.status).toBe(201);
    expect(added.body.state).toBe('registered');

    const draft = await created({ published: false });
    expect((await call(registration, 'GET /api/public/events/{id}', { params: { id: draft.id } })).status).toBe(404);
  });

  it('a partners-only event opens only with the key of its link and is not in the public list', async () => {
    const e = await created({ audience: 'partners', capacity: 3 });
    expect(e.partnerKey).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await call(registration, 'GET /api/public/events/{id}', { params: { id: e.id } })).status).toBe(404);
    expect((await call(registration, 'GET /api/public/events/{id}', { params: { id: e.id }, query: { k: 'x'.repeat(24) } })).status).toBe(404);
    expect((await call(registration, 'GET /api/public/events/{id}', { params: { id: e.id }, query: { k: e.partnerKey } })).status).toBe(200);
    const listed = await call(registration, 'GET /api/public/events', { query: { limit: '100' } });
    expect(listed.body.items.map((x: { id: string }) => x.id)).not.toContain(e.id);
  });

  it('raising the capacity moves people up in order; staff cancel one and the next moves up', async () => {
    const e = await created({ capacity: 1 });
    for (const n of ['Fiona Fuchs', 'Gökhan Gül', 'Hana Haddad'])
      await call(registration, 'POST /api/public/events/{id}/registrations', { params: { id: e.id }, body: person(n) });
    const current = (await call(events, 'GET /api/events/{id}', { params: { id: e.id }, as: 'coordinator' })).body;
    const raised = await call(events, 'PUT /api/events/{id}', {
      params: { id: e.id },
      body: {
        ...anEvent({ capacity: 2, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, registrationDeadline: e.registrationDeadline }),
        version: current.version,
      },
      as: 'coordinator',
    });
    expect(raised.body).toMatchObject({ capacity: 2, registered: 2, waiting: 1 });
    const lower = await call(events, 'PUT /api/events/{id}', {
      params: { id: e.id },
      body: {
        ...anEvent({ capacity: 1, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, registrationDeadline: e.registrationDeadline }),
        version: raised.body.version,
      },
      as: 'coordinator',
    });
    expect(lower.status).toBe(400);
    expect(fieldsOf(lower.body)).toContain('capacity');
    const list = (await call(events, 'GET /api/events/{id}/registrations', { params: { id: e.id }, as: 'coordinator' })).body.items;
    expect(list.map((r: { name: string; state: string }) => `${r.name}:${r.state}`)).toEqual([
      'Fiona Fuchs:registered',
      'Gökhan Gül:registered',
      'Hana Haddad:waiting',
    ]);
    const gone = await call(events, 'POST /api/events/{id}/registrations/{registrationId}/cancel', {
      params: { id: e.id, registrationId: list[0].id },
      as: 'coordinator',
    });
    expect(gone.body).toMatchObject({ state: 'cancelled' });
    expect(gone.body).not.toHaveProperty('name');
    expect((await call(events, 'GET /api/events/{id}', { params: { id: e.id }, as: 'coordinator' })).body).toMatchObject({ registered: 2, waiting: 0 });
  });

  it('a newcomer does not pass the waiting list: a free place with people waiting goes to them, not to the next sign-up', async () => {
    const e = await created({ capacity: 1 });
    for (const n of ['Nora Neumann', 'Oleg Orlow'])
      await call(registration, 'POST /api/public/events/{id}/registrations', { params: { id: e.id }, body: person(n) });
    // A place frees without anyone moving up yet (as between raising the capacity and filling it).
    await db.write({ update: patterns.event.key(e.id), add: { capacity: 1 } });
    expect((await call(registration, 'GET /api/public/events/{id}', { params: { id: e.id } })).body).toMatchObject({ status: 'waiting_list', placesLeft: 0 });
    const late = await call(registration, 'POST /api/public/events/{id}/registrations', { params: { id: e.id }, body: person('Paula Petersen') });
    expect(late.body).toMatchObject({ state: 'waiting', position: 2 });
  });

  it('attendance is recorded from the event day on; calling an event off tells everyone as one job', async () => {
    const soon = await created({ capacity: 3 });
    for (const n of ['Ida Iwanowa', 'Jan Jansen'])
      await call(registration, 'POST /api/public/events/{id}/registrations', { params: { id: soon.id }, body: person(n) });
    const regs = (await call(events, 'GET /api/events/{id}/registrations', { params: { id: soon.id }, as: 'coordinator' })).body.items;
    const early = await call(events, 'PUT /api/events/{id}/attendance', { params: { id: soon.id }, body: { attended: [regs[0].id] }, as: 'coordinator' });
    expect(early.status).toBe(409);

    const off = await call(events, 'POST /api/events/{id}/cancel', { params: { id: soon.id }, body: { version: soon.version }, as: 'coordinator' });
    expect(off.body.cancelledAt).toBeTruthy();
    const { items: jobs } = (
      await call((await import('#functions/jobs/handler.ts')).handler, 'GET /api/jobs', {
        query: { subjectType: 'event', subjectId: soon.id },
        as: 'coordinator',
      })
    ).body;
    const cancelJob = jobs.find((j: { title: string }) => j.title.startsWith('Absage'));
    expect(await jobEnded(cancelJob.id)).toMatchObject({ total: 2, done: 2 });
    const mail = (await mailsTo('ida.iwanowa@example.org')).at(-1)!;
    expect(mail.mail.subject).toMatch(/^Abgesagt: /);
    expect(readFileSync(join(outbox, mail.file), 'utf8')).toContain('METHOD:CANCEL');

    // An event of today: attendance counts.
    const today = await created({ capacity: 4, startsAt: `${berlinDay(0)}T23:58`, endsAt: `${berlinDay(0)}T23:59`, registrationDeadline: berlinDay(0) });
    for (const [i, n] of ['Kemal Kaya', 'Łukasz Wiśniewski', 'Oksana Коваленко', 'عمر حداد'].entries())
      await call(events, 'POST /api/events/{id}/registrations', {
        params: { id: today.id },
        body: { name: n, email: `person${i}@example.org`, notify: false },
        as: 'coordinator',
      });
    const todays = (await call(events, 'GET /api/events/{id}/registrations', { params: { id: today.id }, as: 'coordinator' })).body.items;
    const marked = await call(events, 'PUT /api/events/{id}/attendance', {
      params: { id: today.id },
      body: { attended: todays.map((r: { id: string }) => r.id) },
      as: 'coordinator',
    });
    expect(marked.body.attended).toBe(4);
    const unmarked = await call(events, 'PUT /api/events/{id}/attendance', {
      params: { id: today.id },
      body: { attended: [], absent: [todays[1].id] },
      as: 'coordinator',
    });
    expect(unmarked.body.attended).toBe(3);
    // The documents of the day: everyone registered on the list, a certificate for who attended.
    const list = await call(documents, 'GET /api/events/{id}/attendance-list/pdf', { params: { id: today.id }, as: 'coordinator' });
    expect(list.headers['content-type']).toBe('application/pdf');
    // Everyone's name as written: Polish, Cyrillic and Arabic letters included (an embedded Unicode font).
    const listed = await pdfText(list.body as string);
    for (const n of ['Teilnahmeliste', 'Kemal Kaya', 'Łukasz Wiśniewski', 'Oksana Коваленко']) expect(listed).toContain(n);
    expect(listed.replace(/\s+/g, '')).toMatch(/عمر|رمع/);
    const certificates = await pdfText(
      (await call(documents, 'GET /api/events/{id}/certificates/pdf', { params: { id: today.id }, as: 'counsellor' })).body as string,
    );
    expect(certificates).toContain('Teilnahmebescheinigung');
    expect(certificates).toContain('Kemal Kaya');
    expect(certificates).toContain('Oksana Коваленко');
    expect(certificates).not.toContain('Łukasz Wiśniewski');
  });

  it('the registrations of a public event go after the retention period; the event and its counts stay', async () => {
    const e = await created({ capacity: 5 });
    await call(events, 'POST /api/events/{id}/registrations', {
      params: { id: e.id },
      body: { name: 'Mira Morgenstern', email: 'mira.m@example.org', notify: false },
      as: 'coordinator',
    });
    // The event ended four months ago (written as the store has it, as if time had passed).
    const ended = `${berlinDay(-125)}T12:00`;
    await db.write({
      update: patterns.event.key(e.id),
      set: {
        startsAt: ended.replace('12:00', '10:00'),
        endsAt: ended,
        registrationDeadline: berlinDay(-126),
        ...patterns.eventPurges.slot(`${ended.slice(0, 10)}#${e.id}`).keys,
      },
    });
    expect(await eventsService(db).purgeEnded()).toBeGreaterThanOrEqual(1);
    const scan = JSON.stringify(await scanTable(db));
    expect(scan).not.toContain('Mira Morgenstern');
    expect(scan).not.toContain('mira.m@example.org');
    const kept = (await call(events, 'GET /api/events/{id}', { params: { id: e.id }, as: 'coordinator' })).body;
    expect(kept).toMatchObject({ registered: 1, purgedAt: expect.any(String) });
    expect((await call(events, 'GET /api/events/{id}/registrations', { params: { id: e.id }, as: 'coordinator' })).body.items).toEqual([]);
  });
});
