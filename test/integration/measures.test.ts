// Group measures: counsellors set one up with a shared plan, cases join (the modules come into each plan, linked)
// and leave (what they completed stays), bulk steps reach each case as its own entry in one job, a changed plan
// reaches every participant still in, and coordinators see the figures, never the roster.
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as measures } from '#functions/measures/handler.ts';
import { handler as evaluations } from '#functions/evaluations/handler.ts';
import { handler as cases } from '#functions/cases/handler.ts';
import { handler as companies } from '#functions/companies/handler.ts';
import { handler as members } from '#functions/members/handler.ts';
import { handler as jobs } from '#functions/jobs/handler.ts';
import { database } from '#functions/clients.ts';
import { occupationsService } from '#shared/occupations/domain.ts';
import { call } from '../support/api.ts';
import { pdfText } from '../support/pdf.ts';
import { aCase, aCompany, aMember } from '../support/builders.ts';
import { jobEnded, startJobWorker } from '../support/jobs.ts';
import { measureFigures } from '#shared/measures/figures.ts';

const PLASTICS = '22102-verfahrensmechaniker-in-fuer-kunststoff-und-kautschuktechnik';
let company = '';
let provider = '';

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
  company = (await call(companies, 'POST /api/companies', { body: aCompany({ name: 'Kunststoffwerk Wismar GmbH' }), as: 'coordinator' })).body.id;
  provider = (await call(members, 'POST /api/members', { body: aMember({ name: 'Lernwerkstatt Kunststoff' }), as: 'coordinator' })).body.id;
  await startJobWorker();
});

const aMeasure = (o: Record<string, unknown> = {}) => ({
  title: 'Verfahrensmechanik Kunststoff 2026',
  targetOccupationId: PLASTICS,
  companyId: company,
  providerMemberId: provider,
  startDate: '2026-03-01',
  endDate: '2026-12-15',
  plannedPlaces: 28,
  womenTargetPercent: 25,
  modules: [
    { title: 'QB 1 Spritzgießen', startDate: '2026-03-01', endDate: '2026-05-31', hours: 280 },
    { title: 'QB 2 Werkzeuge rüsten', startDate: '2026-06-01', endDate: '2026-09-30', hours: 350 },
  ],
  examDate: '2026-12-10',
  chamber: 'IHK zu Schwerin',
  ...o,
});
const newCase = async (o: Parameters<typeof aCase>[0] = {}) => {
  const c = await call(cases, 'POST /api/cases', { body: aCase({ targetOccupationId: PLASTICS, ...o }), as: 'counsellor' });
  expect(c.status).toBe(201);
  return c.body.id as string;
};
const getCase = async (id: string) => (await call(cases, 'GET /api/cases/{id}', { params: { id }, as: 'counsellor' })).body;

describe('setting up a measure', () => {
  it('a counsellor creates it with its shared plan; names come from the occupation, company and provider; coordinators may not', async () => {
    const res = await call(measures, 'POST /api/measures', { body: aMeasure(), as: 'counsellor' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ companyName: 'Kunststoffwerk Wismar GmbH', providerName: 'Lernwerkstatt Kunststoff', joined: 0, active: 0 });
    expect(res.body.targetOccupation.code).toBe('22102');
    expect(res.body.modules.map((m: { id: string }) => m.id)).toEqual([expect.any(String), expect.any(String)]);
    expect((await call(measures, 'POST /api/measures', { body: aMeasure(), as: 'coordinator' })).status).toBe(403);
  });

  it('refuses an unknown company, a provider that is not a training provider, dates out of order and unknown fields, by field', async () => {
    const bad = await call(measures, 'POST /api/measures', { body: aMeasure({ companyId: provider, providerMemberId: company }), as: 'counsellor' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['companyId', 'providerMemberId']);
    const dates = await call(measures, 'POST /api/measures', {
      body: aMeasure({ modules: [{ title: 'QB', startDate: '2026-06-01', endDate: '2026-05-01', hours: 280 }] }),
      as: 'counsellor',
    });
    expect(dates.body.error.fields[0].path).toBe('modules.0.endDate');
    const unknown = await call(measures, 'POST /api/measures', { body: { ...aMeasure(), participants: [] }, as: 'counsellor' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.error.fields)).toContain('participants');
  });
});

describe('a measure with its roster', () => {
  let measure: { id: string; version: number; modules: { id: string; title: string; startDate: string }[] };
  const people: string[] = [];

  beforeAll(async () => {
    measure = (await call(measures, 'POST /api/measures', { body: aMeasure({ title: 'Kunststoff Roster' }), as: 'counsellor' })).body;
    for (const [i, gender] of (['female', 'male', 'male', 'female', 'male'] as const).entries())
      people.push(await newCase({ participant: { gender, firstName: `Teilnehmer${i}`, migrationBackground: i < 3 ? 'yes' : 'no' } }));
  });

  it('joining checks every case first: a case without consent to share with partners is named, and nobody joins', async () => {
    const noConsent = await newCase({ consent: { givenOn: '2026-10-01', scope: ['counselling'] } });
    const res = await call(measures, 'POST /api/measures/{id}/participants', {
      params: { id: measure.id },
      body: { caseIds: [people[0], noConsent], joinedOn: '2026-03-01' },
      as: 'counsellor',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'caseIds.1', message: expect.stringContaining('Weitergabe an Netzwerkpartner') }]);
    expect((await getCase(people[0]!)).modules).toHaveLength(0);
  });

  it('cases join: the measure’s modules come into each plan, linked, with a line in the history', async () => {
    const res = await call(measures, 'POST /api/measures/{id}/participants', {
      params: { id: measure.id },
      body: { caseIds: people, joinedOn: '2026-03-01' },
      as: 'counsellor',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ joined: 5, active: 5 });
    expect(res.body.roster).toHaveLength(5);
    expect(res.body.roster[0]).toMatchObject({ modulesTotal: 2, modulesCompleted: 0, hoursCompleted: 0 });
    const c = await getCase(people[0]!);
    expect(
      c.modules.map((m: { title: string; measureId: string; venueCompany: string; providerMemberId: string }) => [
        m.title,
        m.measureId,
        m.venueCompany,
        m.providerMemberId,
      ]),
    ).toEqual([
      ['QB 1 Spritzgießen', measure.id, 'Kunststoffwerk Wismar GmbH', provider],
      ['QB 2 Werkzeuge rüsten', measure.id, 'Kunststoffwerk Wismar GmbH', provider],
    ]);
    expect(c.history.at(-1).reason).toBe('Gruppenmaßnahme „Kunststoff Roster“ beigetreten');
    const again = await call(measures, 'POST /api/measures/{id}/participants', {
      params: { id: measure.id },
      body: { caseIds: [people[1]], joinedOn: '2026-03-02' },
      as: 'counsellor',
    });
    expect(again.body.error.fields[0].message).toContain('nimmt schon teil');
  });

  it('a coordinator sees the measure and its figures, never the roster or a name', async () => {
    const res = await call(measures, 'GET /api/measures/{id}', { params: { id: measure.id }, as: 'coordinator' });
    expect(res.status).toBe(200);
    expect(res.body.roster).toBeUndefined();
    // The raw counts would undo the figures' suppression (28 joined, 27 still in: one left): coordinators get the figures only.
    expect(res.body).not.toHaveProperty('active');
    expect(res.body).not.toHaveProperty('joined');
    const list = await call(measures, 'GET /api/measures', { as: 'coordinator' });
    expect(list.body.items.every((m: object) => !('active' in m))).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/Teilnehmer\d|Kovalenko/);
    // 2 women of 5: hidden, and with them the 3 others (the number who joined would give the 2 away); likewise 3 of 5 with a migration background.
    expect(res.body.figures).toMatchObject({ joined: 5, active: 5, left: 0, women: '<3', womenPercent: null, migration: '<3', migrationPercent: null });
  });

  it('one bulk step completes a module with its certificate for the whole roster: each case its own entry, in one job', async () => {
    const step = await call(measures, 'POST /api/measures/{id}/steps', {
      params: { id: measure.id },
      body: { kind: 'module_completed', moduleId: measure.modules[0]!.id, certificateDate: '2026-06-03' },
      as: 'counsellor',
    });
    expect(step.status).toBe(202);
    expect(step.body.total).toBe(5);
    const job = await jobEnded(step.body.jobId);
    expect(job).toMatchObject({ kind: 'measure-step', subject: { type: 'measure', id: measure.id }, total: 5, done: 5, failed: 0 });
    const items = await call(jobs, 'GET /api/jobs/{id}/items', { params: { id: job.id }, query: { limit: '10' }, as: 'counsellor' });
    expect(items.body.items.every((i: { label: string }) => /^Fall \d{4}-\d{4}$/.test(i.label))).toBe(true);
    for (const id of people) {
      const c = await getCase(id);
      expect(c.modules[0]).toMatchObject({ status: 'completed', certificateDate: '2026-06-03' });
      expect(c.history.at(-1).reason).toBe('Gruppenmaßnahme „Kunststoff Roster“: Baustein „QB 1 Spritzgießen“ abgeschlossen, Zertifikat vom 03.06.2026');
      const audit = await call(cases, 'GET /api/cases/{id}/audit', { params: { id }, query: { limit: '20' }, as: 'admin' });
      expect(
        audit.body.items.some((e: { action: string; fields: string[] }) => e.action === 'update' && e.fields.includes(`modules.${c.modules[0].id}.status`)),
      ).toBe(true);
    }
    const view = await call(measures, 'GET /api/measures/{id}', { params: { id: measure.id }, as: 'counsellor' });
    expect(view.body.roster.every((r: { modulesCompleted: number; hoursCompleted: number }) => r.modulesCompleted === 1 && r.hoursCompleted === 280)).toBe(
      true,
    );
    // The same step again changes nothing: every item finds its module completed.
    const again = await call(measures, 'POST /api/measures/{id}/steps', {
      params: { id: measure.id },
      body: { kind: 'module_completed', moduleId: measure.modules[0]!.id, certificateDate: '2026-06-04' },
      as: 'counsellor',
    });
    expect(await jobEnded(again.body.jobId)).toMatchObject({ done: 0, skipped: 5 });
    expect((await getCase(people[0]!)).modules[0].certificateDate).toBe('2026-06-03');
  });

  it('a person who leaves keeps what they completed; the open module ends as dropped', async () => {
    const res = await call(measures, 'POST /api/measures/{id}/participants/{caseId}/leave', {
      params: { id: measure.id, caseId: people[4]! },
      body: { leftOn: '2026-07-15', reason: 'Arbeitsaufnahme in einem anderen Betrieb' },
      as: 'counsellor',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ joined: 5, active: 4 });
    const c = await getCase(people[4]!);
    expect(c.modules.map((m: { status: string }) => m.status)).toEqual(['completed', 'dropped']);
    expect(res.body.figures).toMatchObject({ left: '<3', active: '<3', retentionPercent: null });
  });

  it('a changed plan reaches every participant still in, as a job; completed modules and those who left stay as they were', async () => {
    const current = (await call(measures, 'GET /api/measures/{id}', { params: { id: measure.id }, as: 'counsellor' })).body;
    const modules = current.modules.map((m: Record<string, unknown>, i: number) => (i === 1 ? { ...m, startDate: '2026-06-15', endDate: '2026-10-15' } : m));
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      createdBy: _b,
      joined: _j,
      active: _a,
      state: _s,
      figures: _f,
      roster: _r,
      companyName: _cn,
      providerName: _pn,
      targetOccupation,
      ...rest
    } = current;
    const res = await call(measures, 'PUT /api/measures/{id}', {
      params: { id: measure.id },
      body: { ...rest, targetOccupationId: targetOccupation.id, modules },
      as: 'counsellor',
    });
    expect(res.status).toBe(200);
    const job = await jobEnded(res.body.jobId);
    expect(job).toMatchObject({ kind: 'measure-plan', total: 4, done: 4 });
    expect((await getCase(people[0]!)).modules[1]).toMatchObject({ startDate: '2026-06-15', endDate: '2026-10-15' });
    expect((await getCase(people[4]!)).modules[1]).toMatchObject({ startDate: '2026-06-01', status: 'dropped' });
  });

  it('the exam steps: registration, admission and results; a result without admission fails that case with the reason', async () => {
    const run = async (body: Record<string, unknown>) => {
      const res = await call(measures, 'POST /api/measures/{id}/steps', { params: { id: measure.id }, body, as: 'counsellor' });
      expect(res.status).toBe(202);
      return jobEnded(res.body.jobId);
    };
    expect(await run({ kind: 'exam_registered', applicationDate: '2026-10-01' })).toMatchObject({ done: 4 });
    expect(await run({ kind: 'admission', admission: 'admitted', admissionDate: '2026-10-20', caseIds: people.slice(0, 3) })).toMatchObject({ done: 3 });
    const results = await run({ kind: 'result', finalResult: 'passed', finalDate: '2026-12-10' });
    expect(results).toMatchObject({ done: 3, failed: 1 });
    const failed = await call(jobs, 'GET /api/jobs/{id}/items', { params: { id: results.id }, query: { state: 'failed', limit: '5' }, as: 'counsellor' });
    expect(failed.body.items[0].lastError).toContain('ein Ergebnis setzt die Zulassung voraus');
    expect((await getCase(people[0]!)).exam).toMatchObject({ applicationDate: '2026-10-01', admission: 'admitted', finalResult: 'passed' });
    const roster = (await call(measures, 'GET /api/measures/{id}', { params: { id: measure.id }, as: 'counsellor' })).body.roster;
    expect(roster.filter((r: { finalResult?: string }) => r.finalResult === 'passed')).toHaveLength(3);
    // Of 5: 3 passed and 2 without a result; the 2 are hidden, and so the 3 (the smallest count of at least 3).
    const view = await call(measures, 'GET /api/measures/{id}', { params: { id: measure.id }, as: 'coordinator' });
    expect(view.body.figures).toMatchObject({ passed: '<3', failed: 0, passRatePercent: null });
  });

  it('erasing a participant’s case takes its participation with it, and the measure counts one person fewer', async () => {
    const before = (await call(measures, 'GET /api/measures/{id}', { params: { id: measure.id }, as: 'counsellor' })).body;
    const erased = await call(cases, 'DELETE /api/cases/{id}', { params: { id: people[3]! }, as: 'admin' });
    expect(erased.status).toBe(200);
    const after = (await call(measures, 'GET /api/measures/{id}', { params: { id: measure.id }, as: 'counsellor' })).body;
    expect(after).toMatchObject({ joined: before.joined - 1, active: before.active - 1 });
    expect(after.roster.map((r: { caseId: string }) => r.caseId)).not.toContain(people[3]);
    const { getItem } = await import('#shared/table/access.ts');
    const { keys } = await import('#shared/table/keys.ts');
    expect(await getItem(database(), keys.participation(measure.id, people[3]!), true)).toBeUndefined();
    // Nothing anywhere names the case any more: not the participation, not the jobs' items or their lists of cases.
    const { scanTable } = await import('../support/scan.ts');
    const text = JSON.stringify(await scanTable(database()));
    expect(text).not.toContain(people[3]!);
    expect(text).not.toContain(before.roster.find((r: { caseId: string }) => r.caseId === people[3]).number);
  });

  it('the evaluation sheet as PDF and XLSX holds the figures with their suppression and no name', async () => {
    const pdf = await call(evaluations, 'GET /api/measures/{id}/evaluation/pdf', { params: { id: measure.id }, as: 'coordinator' });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as string);
    expect(text).toContain('Auswertung: Kunststoff Roster');
    expect(text).toContain('Teilnehmende insgesamt');
    expect(text).toContain('<3');
    expect(text).not.toMatch(/Teilnehmer\d|Kovalenko|\d{4}-\d{4}/);

    const xlsx = await call(evaluations, 'GET /api/measures/{id}/evaluation/xlsx', { params: { id: measure.id }, as: 'coordinator' });
    expect(xlsx.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body as string, 'base64') as unknown as ArrayBuffer);
    const rows: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String).join(' | '))));
    expect(rows).toContain('Teilnehmende insgesamt | 4');
    expect(rows.join('\n')).not.toMatch(/Teilnehmer\d|Kovalenko/);
  });

  it('refuses a step for someone not on the roster and a module of another plan, by field', async () => {
    const outsider = await newCase();
    const res = await call(measures, 'POST /api/measures/{id}/steps', {
      params: { id: measure.id },
      body: { kind: 'module_completed', moduleId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', certificateDate: '2026-06-03', caseIds: [outsider] },
      as: 'counsellor',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['caseIds.0', 'moduleId']);
  });
});

describe('the figures’ disclosure control', () => {
  const person = (o: Partial<Parameters<typeof measureFigures>[0][number]> = {}) => ({
    left: false,
    woman: false,
    migration: false,
    modulesCompleted: 2,
    hoursCompleted: 600,
    ...o,
  });
  it('hides a small cell with a second one, so the number who joined does not give it away', () => {
    const f = measureFigures([
      ...Array.from({ length: 26 }, () => person({ finalResult: 'passed' })),
      person({ left: true }),
      person({ finalResult: 'failed', woman: true }),
    ]);
    // One left: shown beside 27 still in, the 28 who joined would give it away, so both are hidden.
    expect(f).toMatchObject({ joined: 28, passed: 26, failed: '<3', left: '<3', active: '<3', retentionPercent: null, women: '<3' });
    expect(f.passRatePercent).toBe(null);
  });
  it('shows nothing of a cohort of one or two', () => {
    expect(measureFigures([person(), person({ woman: true })])).toMatchObject({ joined: '<3', women: '<3', womenPercent: null, retentionPercent: null });
  });
});
