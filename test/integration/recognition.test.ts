// Recognition of foreign qualifications (BQFG) on a case: the qualifications held, the procedure at the competent
// body, a partial decision's substantial differences closed by adaptation modules, and "qualified" reached that way.
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/cases/handler.ts';
import { handler as settings } from '#functions/settings/handler.ts';
import { database } from '#functions/clients.ts';
import { occupationId, occupationsService } from '#shared/occupations/domain.ts';
import { feedRepository } from '#shared/feed/repository.ts';
import { buildFigures } from '#shared/reports/figures.ts';
import { berlinMonth } from '#shared/time.ts';
import { getItem, queryAll } from '#shared/table/access.ts';
import { keys } from '#shared/table/keys.ts';
import { patterns } from '#shared/table/patterns.ts';
import { aCase } from '../support/builders.ts';
import { call } from '../support/api.ts';

const LAGER = occupationId('51312', 'Fachkraft für Lagerlogistik');
const ELEKTRO = occupationId('26212', 'Elektroniker/in für Energie- und Gebäudetechnik');

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
});

const as = { as: 'counsellor' as const, userId: 'counsellor-1' };
const create = (body: unknown) => call(handler, 'POST /api/cases', { body, ...as });
const move = (id: string, to: string, version: number) => call(handler, 'POST /api/cases/{id}/moves', { params: { id }, body: { to, version }, ...as });
const putRecognition = (id: string, body: unknown) => call(handler, 'PUT /api/cases/{id}/recognition', { params: { id }, body, ...as });
const addModule = (id: string, body: unknown) => call(handler, 'POST /api/cases/{id}/modules', { params: { id }, body, ...as });
const updateModule = (id: string, moduleId: string, body: unknown) =>
  call(handler, 'PUT /api/cases/{id}/modules/{childId}', { params: { id, childId: moduleId }, body, ...as });

/** A case in counselling whose person holds a foreign qualification (for "Fachkraft für Lagerlogistik"). */
async function caseInCounselling(overrides: Parameters<typeof aCase>[0] = {}) {
  const { body: c } = await create(aCase(overrides));
  let v = c.version;
  for (const to of ['intake', 'counselling']) v = (await move(c.id, to, v)).body.version;
  return { id: c.id as string, number: c.number as string, version: v as number };
}

const applied = { referenceOccupationId: LAGER, appliedOn: '2026-09-01', fileCompleteOn: '2026-09-20' };

describe('foreign qualifications on a case', () => {
  it('records country, original title, year, duration and the documents held as a checklist', async () => {
    const c = await caseInCounselling();
    const res = await call(handler, 'POST /api/cases/{id}/qualifications', {
      params: { id: c.id },
      body: {
        country: 'Ukraine',
        originalTitle: 'Молодший спеціаліст зі складської логістики',
        year: 2009,
        durationMonths: 36,
        documents: ['certificate', 'transcript'],
      },
      ...as,
    });
    expect(res.status).toBe(201);
    expect(res.body.qualifications).toEqual([
      expect.objectContaining({ country: 'Ukraine', year: 2009, durationMonths: 36, documents: ['certificate', 'transcript'] }),
    ]);
  });

  it('refuses an unknown document and an unknown field, naming them', async () => {
    const c = await caseInCounselling();
    const bad = await call(handler, 'POST /api/cases/{id}/qualifications', {
      params: { id: c.id },
      body: { country: 'Syrien', originalTitle: 'Diplom', year: 2012, durationMonths: 24, documents: ['passport_scan'] },
      ...as,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('documents.0');
    const unknown = await call(handler, 'POST /api/cases/{id}/qualifications', {
      params: { id: c.id },
      body: { country: 'Syrien', originalTitle: 'Diplom', year: 2012, durationMonths: 24, documents: [], upload: 'x' },
      ...as,
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.error.fields)).toContain('upload');
  });
});

describe('the recognition procedure', () => {
  it('derives the competent body from the reference occupation and the decision due three months after a complete file (§ 6 BQFG)', async () => {
    const c = await caseInCounselling();
    const ihk = await putRecognition(c.id, applied);
    expect(ihk.status).toBe(200);
    expect(ihk.body.recognition).toMatchObject({
      referenceOccupation: { code: '51312', title: 'Fachkraft für Lagerlogistik', chamber: 'ihk' },
      competentBody: 'IHK FOSA (Foreign Skills Approval)',
      decisionDue: '2026-12-20',
      decision: 'pending',
    });
    const hwk = await putRecognition(c.id, { ...applied, referenceOccupationId: ELEKTRO, version: ihk.body.recognition.version });
    expect(hwk.body.recognition.competentBody).toBe('Handwerkskammer');
  });

  it('the application goes to the competent body: it needs the consent to share with partners', async () => {
    const c = await caseInCounselling({ consent: { givenOn: '2026-10-01', scope: ['counselling'] } });
    const res = await putRecognition(c.id, applied);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('appliedOn');
    // Preparing the procedure (no application yet) is counselling.
    expect((await putRecognition(c.id, { referenceOccupationId: LAGER })).status).toBe(200);
  });

  it('refuses inconsistent input, each with its field: differences without a partial decision, a decision without a date, dates out of order', async () => {
    const c = await caseInCounselling();
    const fields = async (body: unknown) => ((await putRecognition(c.id, body)).body.error?.fields ?? []).map((f: { path: string }) => f.path);
    expect(await fields({ ...applied, decision: 'full', decidedOn: '2026-11-02', differences: [{ title: 'Arbeitsschutz' }] })).toContain('differences');
    expect(await fields({ ...applied, decision: 'partial', decidedOn: '2026-11-02', differences: [] })).toContain('differences');
    expect(await fields({ ...applied, decision: 'none' })).toContain('decidedOn');
    expect(await fields({ ...applied, fileCompleteOn: '2026-08-01' })).toContain('fileCompleteOn');
    expect(await fields({ referenceOccupationId: 'gibt-es-nicht' })).toContain('referenceOccupationId');
  });

  it('a stale version is a conflict and nothing is written', async () => {
    const c = await caseInCounselling();
    const first = await putRecognition(c.id, applied);
    await putRecognition(c.id, { ...applied, appliedOn: '2026-09-02', version: first.body.recognition.version });
    const stale = await putRecognition(c.id, { ...applied, appliedOn: '2026-09-03', version: first.body.recognition.version });
    expect(stale.status).toBe(409);
    const now = await call(handler, 'GET /api/cases/{id}', { params: { id: c.id }, ...as });
    expect(now.body.recognition.appliedOn).toBe('2026-09-02');
  });
});

describe('a partial decision becomes the plan', () => {
  it('two substantial differences closed by two adaptation modules reach "qualified" by recognition; the guard names what is open', async () => {
    const c = await caseInCounselling();
    const decided = await putRecognition(c.id, {
      ...applied,
      decision: 'partial',
      decidedOn: '2026-11-10',
      differences: [{ title: 'Arbeitsschutz und Gefahrstoffe', description: 'deutsche Vorschriften fehlen' }, { title: 'Lagerverwaltungssysteme (SAP EWM)' }],
    });
    expect(decided.status).toBe(200);
    const [safety, systems] = decided.body.recognition.differences as { id: string; title: string; open: boolean }[];
    expect(safety!.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(decided.body.recognition.openDifferences).toEqual([safety!.id, systems!.id]);
    // The recognition path offers "qualified" beside the next stage, and refuses it while differences are open.
    const offered = decided.body.moves.find((m: { to: string }) => m.to === 'qualified');
    expect(offered).toMatchObject({ allowed: false });
    expect(offered.reason).toContain('Arbeitsschutz und Gefahrstoffe');

    // Adaptation modules may be shorter than a Qualifizierungsbaustein (140 h) and close named differences.
    const bad = await addModule(c.id, { title: 'Anpassung X', kind: 'adaptation', hours: 40, closesDifferences: ['01J0000000000000000000000Z'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('closesDifferences.0');
    const notAdaptation = await addModule(c.id, { title: 'QB 1', hours: 280, closesDifferences: [safety!.id] });
    expect(notAdaptation.status).toBe(400);
    expect(notAdaptation.body.error.fields[0].path).toBe('closesDifferences');
    const shortQb = await addModule(c.id, { title: 'QB 1', hours: 40 });
    expect(shortQb.status).toBe(400);
    expect(shortQb.body.error.fields[0].path).toBe('hours');

    const a1 = await addModule(c.id, { title: 'Anpassung: Arbeitsschutz', kind: 'adaptation', hours: 40, closesDifferences: [safety!.id] });
    expect(a1.status).toBe(201);
    const a2 = await addModule(c.id, { title: 'Anpassung: SAP EWM', kind: 'adaptation', hours: 80, closesDifferences: [systems!.id] });
    const [m1, m2] = a2.body.modules as { id: string; version: number; title: string }[];
    // Planned modules do not close anything yet.
    expect(a2.body.recognition.openDifferences).toHaveLength(2);
    expect(a2.body.recognition.differences.map((d: { inProgressBy: string[] }) => d.inProgressBy)).toEqual([[m1!.id], [m2!.id]]);

    const done1 = await updateModule(c.id, m1!.id, {
      title: m1!.title,
      kind: 'adaptation',
      hours: 40,
      closesDifferences: [safety!.id],
      status: 'completed',
      certificateDate: '2026-12-01',
      version: m1!.version,
    });
    expect(done1.status).toBe(200);
    expect(done1.body.recognition.openDifferences).toEqual([systems!.id]);
    expect(done1.body.recognition.differences[0]).toMatchObject({ open: false, closedBy: [m1!.id] });
    const stillOpen = await move(c.id, 'qualified', done1.body.version);
    expect(stillOpen.status).toBe(409);
    expect(stillOpen.body.error.code).toBe('recognition_incomplete');
    expect(stillOpen.body.error.message).toContain('Lagerverwaltungssysteme (SAP EWM)');
    expect(stillOpen.body.error.message).not.toContain('Arbeitsschutz');

    const done2 = await updateModule(c.id, m2!.id, {
      title: m2!.title,
      kind: 'adaptation',
      hours: 80,
      closesDifferences: [systems!.id],
      status: 'completed',
      version: m2!.version,
    });
    expect(done2.body.recognition.openDifferences).toEqual([]);
    const qualified = await move(c.id, 'qualified', done2.body.version);
    expect(qualified.status).toBe(200);
    expect(qualified.body.status).toBe('qualified');

    const events = await feedRepository(database()).eventsOfMonth(berlinMonth(new Date()));
    const mine = events.filter((e) => e.type === 'case.qualified' && e.path === 'recognition_adapted');
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(mine)).not.toContain(c.id);
  });

  it('full equivalence reaches "qualified" straight from counselling, without an exam', async () => {
    const c = await caseInCounselling();
    const full = await putRecognition(c.id, { ...applied, decision: 'full', decidedOn: '2026-11-12' });
    expect(full.body.moves).toContainEqual({ to: 'qualified', allowed: true });
    const res = await move(c.id, 'qualified', full.body.version);
    expect(res.status).toBe(200);
  });

  it('without a recognition the exam guard still applies, and a refused recognition leaves only the exam', async () => {
    const c = await caseInCounselling();
    const none = await putRecognition(c.id, { ...applied, decision: 'none', decidedOn: '2026-11-12', appeal: { filedOn: '2026-11-20' } });
    expect(none.status).toBe(200);
    expect(none.body.recognition.appeal).toMatchObject({ filedOn: '2026-11-20', outcome: 'pending' });
    const res = await move(c.id, 'qualified', none.body.version);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Gleichwertigkeit/);
    expect(res.body.error.message).toMatch(/Externenprüfung/);
  });
});

describe('funding and eligibility', () => {
  it('the Anerkennungszuschuss is a funding source', async () => {
    const c = await caseInCounselling();
    const res = await call(handler, 'POST /api/cases/{id}/fundings', { params: { id: c.id }, body: { source: 'recognition_grant', amountEuro: 600 }, ...as });
    expect(res.status).toBe(201);
    expect(res.body.fundings[0].source).toBe('recognition_grant');
  });

  it('work experience abroad counts towards § 45(2) BBiG and is shown apart', async () => {
    const { body } = await create(
      aCase({
        participant: {
          workExperience: [
            { occupationCode: '51311', months: 30, weeklyHours: 40, abroad: true },
            { occupationCode: '51311', months: 12, weeklyHours: 40, abroad: false },
          ],
        },
      }),
    );
    expect(body.eligibility).toMatchObject({ monthsCounted: 42, monthsAbroad: 30, monthsRequired: 54 });
  });
});

describe('reporting and privacy', () => {
  it('the report and the dashboard count applications, decisions by result and qualifications by recognition', async () => {
    const db = database();
    const month = berlinMonth(new Date());
    const before = await buildFigures(db, month, new Date());
    const dashBefore = (await call(settings, 'GET /api/dashboard', { as: 'coordinator' })).body;
    for (const decision of ['full', 'full', 'full', 'partial']) {
      const c = await caseInCounselling();
      const r = await putRecognition(c.id, applied);
      await putRecognition(c.id, {
        ...applied,
        decision,
        decidedOn: '2026-11-12',
        ...(decision === 'partial' ? { differences: [{ title: 'Fachrechnen' }] } : {}),
        version: r.body.recognition.version,
      });
      if (decision === 'full') await move(c.id, 'qualified', (await call(handler, 'GET /api/cases/{id}', { params: { id: c.id }, ...as })).body.version);
    }
    const after = await buildFigures(db, month, new Date());
    const headline = (f: typeof after, id: string) => f.headlines.find((h) => h.id === id)?.value ?? 0;
    expect(headline(after, 'recognitionApplied') - headline(before, 'recognitionApplied')).toBe(4);
    expect(headline(after, 'recognitionDecided') - headline(before, 'recognitionDecided')).toBe(4);
    const decisions = after.breakdowns.find((b) => b.id === 'recognition.decision')!;
    expect(decisions.breakdown.total - (before.breakdowns.find((b) => b.id === 'recognition.decision')?.breakdown.total ?? 0)).toBe(4);
    // Disclosure control: no published cell is 1 or 2.
    for (const b of after.breakdowns) for (const cell of Object.values(b.breakdown.cells)) expect(cell === 1 || cell === 2).toBe(false);
    expect(after.breakdowns.find((b) => b.id === 'qualified.path')).toBeDefined();

    const dash = (await call(settings, 'GET /api/dashboard', { as: 'coordinator' })).body;
    expect(dash.recognition.applied - dashBefore.recognition.applied).toBe(4);
    expect(dash.recognition.full - dashBefore.recognition.full).toBe(3);
    expect(dash.recognition.partial - dashBefore.recognition.partial).toBe(1);
    expect(dash.recognition.qualified - dashBefore.recognition.qualified).toBe(3);
  });

  it('anonymisation leaves no title, country or difference text of the person behind', async () => {
    const c = await caseInCounselling();
    await call(handler, 'POST /api/cases/{id}/qualifications', {
      params: { id: c.id },
      body: {
        country: 'Eritrea',
        originalTitle: 'Diploma Asmara Technical School',
        germanTitle: 'Techniker-Diplom',
        year: 2011,
        durationMonths: 30,
        documents: ['certificate'],
      },
      ...as,
    });
    await putRecognition(c.id, {
      ...applied,
      decision: 'partial',
      decidedOn: '2026-11-10',
      differences: [{ title: 'Praxis bei Frau Haile', description: 'Betrieb Haile' }],
    });
    const res = await call(handler, 'POST /api/cases/{id}/consent-withdrawal', { params: { id: c.id }, ...as });
    expect(res.status).toBe(200);
    const items = await queryAll(database(), patterns.caseWithChildren.of(c.id));
    const stored = JSON.stringify(items);
    for (const text of ['Eritrea', 'Asmara', 'Techniker-Diplom', 'Haile']) expect(stored).not.toContain(text);
    expect(res.body.recognition).toMatchObject({ decision: 'partial', referenceOccupation: { code: '51312' } });
    expect(res.body.qualifications[0]).toMatchObject({ durationMonths: 30 });
    expect(await getItem(database(), keys.case(c.id))).toBeDefined();
  });
});
