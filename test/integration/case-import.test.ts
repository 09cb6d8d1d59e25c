// Importing an old database's cases: the dry run reports every problem by table, row and field, and names the case a
// person already has; only a file without problems is taken, all or nothing, as a job that writes each case with its
// history, sessions, modules and exam, audited and counted, once however often an item is handed to the worker.
import { beforeAll, describe, expect, it } from 'vitest';

const { handler } = await import('#functions/cases/handler.ts');
const { handler: jobsHandler } = await import('#functions/jobs/handler.ts');
const { database } = await import('#functions/clients.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { jobRepository } = await import('#shared/jobs/repository.ts');
const { keys } = await import('#shared/table/keys.ts');
const { call } = await import('../support/api.ts');
const { aCase } = await import('../support/builders.ts');
const { jobEnded, startJobWorker } = await import('../support/jobs.ts');

const db = database();
const tag = Date.now()
  .toString(36)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
const counters = async () => (await db.get(keys.counters(), true)) ?? {};
const importCases = (body: Record<string, unknown>, as: 'admin' | 'counsellor' | 'coordinator' = 'admin') =>
  call(handler, 'POST /api/cases/import', { body: { counsellorId: 'counsellor-1', dryRun: true, ...body }, as, userId: 'admin-1' });

beforeAll(async () => {
  await occupationsService(db).seedShipped();
});

/** A well-formed case row as an old database writes it (German words, German dates). */
const aRow = (n: number, extra: Record<string, unknown> = {}) => ({
  formerNumber: `ALT-${tag}-${n}`,
  firstName: 'Olena',
  lastName: `Import${tag}${'abcdefghij'[n % 10]}`,
  birthDate: '14.03.1988',
  gender: 'w',
  email: `olena.${n}@example.org`,
  postcode: '18055',
  migrationBackground: 'ja',
  germanLevel: 'B1',
  targetOccupation: '51312 Fachkraft für Lagerlogistik',
  status: 'Qualifizierung',
  statusSince: '01.09.2026',
  openedOn: '15.01.2026',
  consentGivenOn: '15.01.2026',
  consentScope: 'Beratung, Vermittlung an Betriebe',
  ...extra,
});

describe('the case import', () => {
  it('a dry run reports each problem by table, row and field, and writes nothing', async () => {
    const before = await counters();
    const file = {
      cases: [
        aRow(1),
        aRow(2, { birthDate: '31.02.1990', status: 'Abgeschlossen', email: 'keine-adresse' }),
        // Counselling without consent, and data beyond the inquiry's.
        aRow(3, { consentGivenOn: '', consentScope: '', status: 'Beratung' }),
        aRow(4, { targetOccupation: '99999', formerNumber: `ALT-${tag}-1` }),
        aRow(5, { status: 'exam' }),
      ],
      sessions: [
        { formerNumber: `ALT-${tag}-1`, date: '20.01.2026', kind: 'Erstgespräch', minutes: '60' },
        { formerNumber: `ALT-${tag}-99`, date: '2026-01-21', kind: 'Beratung', minutes: '45,5' },
      ],
      modules: [{ formerNumber: `ALT-${tag}-1`, title: 'Warenannahme', kind: 'Qualifizierungsbaustein', hours: '80' }],
    };
    // An unknown column is refused by name before anything is read.
    const res = await importCases({ ...file, cases: [...file.cases, aRow(6, { bogus: 'x' })] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('bogus');

    const dry = await importCases(file);
    expect(dry.status).toBe(200);
    const at = (sheet: string, row: number, field: string) =>
      dry.body.errors.find((e: { sheet: string; row: number; field: string }) => e.sheet === sheet && e.row === row && e.field === field)?.reason;
    expect(at('cases', 3, 'birthDate')).toBe('kein gültiges Datum');
    expect(at('cases', 3, 'status')).toMatch(/^unbekannter Wert „Abgeschlossen“/);
    expect(at('cases', 3, 'email')).toBeDefined();
    expect(at('cases', 4, 'status')).toMatch(/Einwilligung/);
    expect(at('cases', 4, 'birthDate')).toBe('ohne Einwilligung nicht erlaubt');
    expect(at('cases', 4, 'targetOccupation')).toBe('ohne Einwilligung nicht erlaubt');
    expect(at('cases', 5, 'targetOccupation')).toMatch(/^unbekannter Beruf/);
    expect(at('cases', 5, 'formerNumber')).toBe('dieselbe Nummer wie in Zeile 2');
    expect(at('cases', 6, 'status')).toBe('Es fehlt die Zulassungsentscheidung der Kammer zur Externenprüfung.');
    expect(at('sessions', 3, 'formerNumber')).toMatch(/^kein Fall mit der Nummer/);
    expect(at('sessions', 3, 'minutes')).toBe('keine ganze Zahl');
    expect(at('modules', 2, 'hours')).toBe('mindestens 140 Stunden');
    // Row 2 of the cases is fine, and so are its session and its module's other fields.
    expect(dry.body.errors.some((e: { sheet: string; row: number }) => e.sheet === 'cases' && e.row === 2)).toBe(false);
    expect(at('sessions', 2, 'date')).toBeUndefined();
    expect(dry.body).toMatchObject({ rows: { cases: 5, sessions: 2, modules: 1 }, valid: 1, imported: 0, duplicates: [] });
    expect(dry.body.problems).toBe(dry.body.errors.length);
    expect(dry.body.jobId).toBeUndefined();
    // The same file for real: still nothing written, no job, no number taken.
    const real = await importCases({ dryRun: false, cases: [aRow(1), aRow(5, { status: 'exam' })] });
    expect(real.body).toMatchObject({ imported: 0, valid: 1 });
    expect(real.body.jobId).toBeUndefined();
    expect(await counters()).toEqual(before);
  });

  it('only admins import: a counsellor and a coordinator get 403', async () => {
    expect((await importCases({ cases: [aRow(1)] }, 'counsellor')).status).toBe(403);
    expect((await importCases({ cases: [aRow(1)] }, 'coordinator')).status).toBe(403);
  });

  it('a clean file becomes cases with history, sessions, modules and exam, audited and counted, each once', async () => {
    await startJobWorker();
    const before = await counters();
    const rows = [
      aRow(11),
      aRow(12, {
        status: 'Abschluss erreicht',
        statusSince: '30.06.2026',
        admissionDate: '02.03.2026',
        examPassedOn: '30.06.2026',
        counsellorId: 'counsellor-2',
      }),
      // An inquiry: name and contact only, no consent.
      { formerNumber: `ALT-${tag}-13`, firstName: 'Ahmad', lastName: `Anfrage${tag}`, phone: '0381 123456', status: 'Anfrage', openedOn: '2026-11-02' },
    ];
    const sessions = [
      { formerNumber: `ALT-${tag}-11`, date: '20.01.2026', kind: 'Erstgespräch', minutes: '60', notes: 'Erstes Gespräch im Büro.' },
      { formerNumber: `ALT-${tag}-11`, date: '03.02.2026', kind: 'Beratung', minutes: 45, followUp: '2027-02-01', followUpDone: 'nein' },
    ];
    const modules = [
      {
        formerNumber: `ALT-${tag}-11`,
        title: 'Warenannahme und Lagerung',
        kind: 'Qualifizierungsbaustein',
        hours: '280',
        status: 'läuft',
        startDate: '01.09.2026',
      },
      {
        formerNumber: `ALT-${tag}-12`,
        title: 'Prüfungsvorbereitung Lager',
        kind: 'Prüfungsvorbereitung',
        hours: 60,
        status: 'abgeschlossen',
        certificateDate: '15.05.2026',
      },
    ];
    const dry = await importCases({ cases: rows, sessions, modules });
    expect(dry.body).toMatchObject({ valid: 3, errors: [], problems: 0, duplicates: [], imported: 0 });
    const res = await importCases({ dryRun: false, cases: rows, sessions, modules });
    expect(res.body).toMatchObject({ valid: 3, imported: 3, jobId: expect.any(String) });
    const job = await jobEnded(res.body.jobId);
    expect(job).toMatchObject({ kind: 'case-import', subject: { type: 'case-import' }, total: 3, done: 3, failed: 0 });

    const items = await call(jobsHandler, 'GET /api/jobs/{id}/items', { params: { id: job.id }, query: { limit: '10' }, as: 'admin' });
    // The items name the row in the file: neither the person nor a case number (coordinators see the jobs, not cases).
    const labels = items.body.items.map((i: { label: string }) => i.label).sort();
    expect(labels).toEqual(['Fall aus Zeile 2', 'Fall aus Zeile 3', 'Fall aus Zeile 4']);
    expect(JSON.stringify(items.body)).not.toMatch(/Olena|ALT-|\d{4}-\d{4}/);
    const ids = items.body.items.map((i: { key: string }) => i.key);
    // Once written, no item keeps the person's data.
    for (const id of ids) expect(await db.get(keys.jobItem(job.id, id), true)).not.toHaveProperty('payload');
    const cases = await Promise.all(ids.map((id: string) => call(handler, 'GET /api/cases/{id}', { params: { id }, as: 'admin' }).then((r) => r.body)));
    const byFormer = (n: number) => cases.find((c) => c.participant.formerNumber === `ALT-${tag}-${n}`);

    const a = byFormer(11);
    expect(a).toMatchObject({
      status: 'qualification',
      counsellorId: 'counsellor-1',
      participant: { firstName: 'Olena', birthDate: '1988-03-14', gender: 'female', migrationBackground: 'yes', germanLevel: 'B1' },
      consent: { givenOn: '2026-01-15', scope: ['counselling', 'job_placement'] },
      targetOccupation: { code: '51312' },
      nextFollowUp: '2027-02-01',
    });
    expect(a.createdAt.slice(0, 10)).toBe('2026-01-14'); // midnight in Berlin
    expect(a.statusSince).toBe('2026-08-31T22:00:00.000Z');
    expect(a.sessions.map((s: { kind: string; minutes: number }) => [s.kind, s.minutes])).toEqual(
      expect.arrayContaining([
        ['first_talk', 60],
        ['counselling', 45],
      ]),
    );
    expect(a.modules).toMatchObject([
      { title: 'Warenannahme und Lagerung', kind: 'qualification_module', hours: 280, status: 'running', startDate: '2026-09-01' },
    ]);
    expect(a.history).toMatchObject([{ to: 'qualification', reason: 'Übernommen aus dem bisherigen Bestand (Import)', actorId: 'admin-1' }]);

    const b = byFormer(12);
    expect(b).toMatchObject({
      status: 'qualified',
      counsellorId: 'counsellor-2',
      exam: { admission: 'admitted', finalResult: 'passed', finalDate: '2026-06-30' },
    });
    expect(b.closedAt).toBeDefined();
    const c = byFormer(13);
    expect(c).toMatchObject({ status: 'inquiry', participant: { firstName: 'Ahmad', phone: '0381 123456' }, consent: { scope: [] } });

    // Numbers in a row of this year; the former number finds nothing by itself, the new one finds the case.
    const numbers = cases.map((x) => x.number).sort();
    expect(Number(numbers[2].slice(5)) - Number(numbers[0].slice(5))).toBe(2);
    // Audited as a change of the admin's, like any other.
    const trail = await call(handler, 'GET /api/cases/{id}/audit', { params: { id: a.id }, as: 'admin' });
    expect(trail.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', actorId: 'admin-1', fields: expect.arrayContaining(['import', 'sessions', 'modules']) }),
      ]),
    );
    // Counted where each case stands; the old database's past is no activity of this month.
    const after = await counters();
    expect(Number(after.cases ?? 0) - Number(before.cases ?? 0)).toBe(3);
    expect(Number(after.status_qualification ?? 0) - Number(before.status_qualification ?? 0)).toBe(1);
    expect(Number(after.status_inquiry ?? 0) - Number(before.status_inquiry ?? 0)).toBe(1);
    expect(Number(after['qualified_2026-06'] ?? 0) - Number(before['qualified_2026-06'] ?? 0)).toBe(1);

    // An item handed to the worker again after its case was written changes nothing.
    const [first] = (await jobRepository(db).items(job.id, undefined, 1)).items;
    await db.write({ update: keys.jobItem(job.id, first!.key), set: { state: 'pending' } });
    await db.write({ update: keys.job(job.id), set: { status: 'running' }, add: { done: -1 } });
    expect(await jobEnded(job.id)).toMatchObject({ status: 'done', done: 3 });
    expect(Number((await counters()).cases ?? 0) - Number(before.cases ?? 0)).toBe(3);

    // The same people again: each is named by the case they have, by number; the import stops unless they are left out.
    const again = await importCases({
      dryRun: false,
      cases: [...rows.slice(0, 2).map((r) => ({ ...r, formerNumber: `${r.formerNumber}-b` })), aRow(14, { birthDate: '01.01.1970' })],
    });
    expect(again.body).toMatchObject({ errors: [], imported: 0 });
    expect(again.body.duplicates).toEqual([
      { row: 2, number: a.number },
      { row: 3, number: b.number },
    ]);
    expect(JSON.stringify(again.body)).not.toContain('Olena');
    const skipping = await importCases({ dryRun: false, skipDuplicates: true, cases: [...rows.slice(0, 2), aRow(14, { birthDate: '01.01.1970' })] });
    expect(skipping.body).toMatchObject({ imported: 1, skipped: 2 });
    expect(await jobEnded(skipping.body.jobId)).toMatchObject({ total: 1, done: 1 });
  });

  it('the target occupation by title, its first form, or code and title; a code of two occupations asks for the title', async () => {
    const dry = await importCases({
      cases: [
        aRow(31, { targetOccupation: 'Koch' }),
        aRow(32, { targetOccupation: 'Fachlagerist/in' }),
        aRow(33, { targetOccupation: '11102' }),
        aRow(34, { targetOccupation: '51312' }),
      ],
    });
    expect(dry.body.errors).toEqual([
      {
        sheet: 'cases',
        row: 5,
        field: 'targetOccupation',
        reason: 'KldB 51312 nennt mehrere Berufe („Fachkraft für Lagerlogistik“, „Fachlagerist/in“): bitte den Titel dazuschreiben',
      },
    ]);
  });

  it('a case whose sessions carry more text than one job item holds is named, before anything is staged', async () => {
    const long = (n: number) => 'Notiz zur Beratung über Ausbildung, Arbeit und Prüfung. '.repeat(80).slice(0, n);
    const sessions = Array.from({ length: 60 }, (_, i) => ({
      formerNumber: `ALT-${tag}-41`,
      date: `${String((i % 28) + 1).padStart(2, '0')}.01.2026`,
      kind: 'Beratung',
      minutes: 60,
      notes: long(4000),
      nextSteps: long(1000),
    }));
    const dry = await importCases({ cases: [aRow(41)], sessions });
    expect(dry.body.errors).toEqual([
      {
        sheet: 'cases',
        row: 2,
        field: 'formerNumber',
        reason: expect.stringMatching(/^zu viel Text für einen Fall \(\d+ KB mit Terminen und Bausteinen, höchstens 300 KB\)$/),
      },
    ]);
  });

  it('a person twice in the file is named at the second row', async () => {
    const dry = await importCases({ cases: [aRow(21), aRow(21, { formerNumber: `ALT-${tag}-21b` })] });
    expect(dry.body.errors).toEqual([{ sheet: 'cases', row: 3, field: 'lastName', reason: 'dieselbe Person (Name und Geburtsdatum) wie in Zeile 2' }]);
  });

  it('the case form keeps the former number, and anonymisation takes it away', async () => {
    const res = await call(handler, 'POST /api/cases', { body: aCase({ participant: { ...aCase().participant, formerNumber: 'ALT-7' } }), as: 'admin' });
    expect(res.status).toBe(201);
    expect(res.body.participant.formerNumber).toBe('ALT-7');
    const { anonymised } = await import('#shared/cases/privacy.ts');
    expect(anonymised(res.body, new Date(), 'retention').participant).not.toHaveProperty('formerNumber');
  });
});
