import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/cases/handler.ts';
import { casesContract } from '#functions/cases/contract.ts';
import { database, dynamoCalls } from '#functions/clients.ts';
import { occupationsService } from '#shared/occupations/domain.ts';
import { queryPage, getItem } from '#shared/table/access.ts';
import { keys } from '#shared/table/keys.ts';
import { patterns } from '#shared/table/patterns.ts';
import type { Role } from '#shared/users/roles.ts';
import { aCase, anInquiry } from '../support/builders.ts';
import { call } from '../support/api.ts';

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
});

const create = (body: unknown, as: Role = 'counsellor') => call(handler, 'POST /api/cases', { body, as, userId: 'counsellor-1' });
const get = (id: string, as: Role = 'counsellor') => call(handler, 'GET /api/cases/{id}', { params: { id }, as, userId: 'counsellor-1' });
const move = (id: string, to: string, version: number) =>
  call(handler, 'POST /api/cases/{id}/moves', { params: { id }, body: { to, version }, userId: 'counsellor-1', as: 'counsellor' });
const add = (id: string, kind: 'sessions' | 'modules' | 'fundings', body: unknown) =>
  call(handler, `POST /api/cases/{id}/${kind}`, { params: { id }, body, userId: 'counsellor-1', as: 'counsellor' });

describe('opening a case', () => {
  it('a counsellor opens a case with a yearly case number and the occupation with its chamber', async () => {
    const res = await create(aCase());
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^\d{4}-\d{4}$/);
    expect(res.body).toMatchObject({ status: 'inquiry', counsellorId: 'counsellor-1', targetOccupation: { code: '51312', chamber: 'ihk', months: 36 } });
    const next = await create(aCase());
    expect(Number(next.body.number.slice(5))).toBe(Number(res.body.number.slice(5)) + 1);
  });

  it('without consent only the inquiry’s minimal data may be stored, and the refusal names the fields', async () => {
    expect((await create(anInquiry())).status).toBe(201);
    const res = await create({ ...aCase(), consent: { scope: [] } });
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['participant.birthDate', 'participant.gender', 'participant.migrationBackground', 'targetOccupationId']));
  });

  it('warns of a duplicate: same name and birth date', async () => {
    const first = await create(aCase({ participant: { firstName: 'Jürgen', lastName: 'Müller', birthDate: '1975-02-03' } }));
    const dup = await call(handler, 'POST /api/cases/duplicates', {
      body: { firstName: 'Juergen', lastName: 'MÜLLER', birthDate: '1975-02-03' },
      as: 'counsellor',
    });
    expect(dup.body).toEqual([{ id: first.body.id, number: first.body.number }]);
    const trail = await call(handler, 'GET /api/cases/{id}/audit', { params: { id: first.body.id }, as: 'admin' });
    expect(trail.body.items.some((e: { action: string; fields: string[] }) => e.action === 'read' && e.fields.includes('duplicate-check'))).toBe(true);
  });

  it('an unknown occupation is refused on targetOccupationId', async () => {
    const res = await create(aCase({ targetOccupationId: '99999-gibt-es-nicht' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('targetOccupationId');
  });
});

describe('the lifecycle', () => {
  it('walks from inquiry to qualified with sessions, a module, funding and the exam', async () => {
    const { body: c } = await create(aCase());
    let v = c.version;
    for (const to of ['intake', 'counselling']) v = (await move(c.id, to, v)).body.version;
    const talk = await add(c.id, 'sessions', { date: '2026-11-02', kind: 'first_talk', minutes: 60, notes: 'Erstgespräch', followUp: '2026-11-20' });
    expect(talk.status).toBe(201);
    expect(talk.body.nextFollowUp).toBe('2026-11-20');
    v = talk.body.version;
    v = (await move(c.id, 'plan', v)).body.version;
    const mod = await add(c.id, 'modules', { title: 'QB 1: Warenannahme', hours: 280, status: 'completed', certificateDate: '2027-01-15' });
    expect(mod.status).toBe(201);
    const fund = await add(c.id, 'fundings', { source: 'voucher_81_sgb3', voucherNumber: 'BG-123', amountEuro: 4800 });
    v = fund.body.version;
    v = (await move(c.id, 'qualification', v)).body.version;

    const early = await move(c.id, 'exam', v);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/Zulassung/);

    const exam = await call(handler, 'PUT /api/cases/{id}/exam', {
      params: { id: c.id },
      body: { applicationDate: '2027-02-01', admission: 'admitted', admissionDate: '2027-03-01' },
      as: 'counsellor',
    });
    expect(exam.status).toBe(200);
    v = (await move(c.id, 'exam', exam.body.version)).body.version;

    const tooEarly = await move(c.id, 'qualified', v);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.code).toBe('final_exam_missing');

    const passed = await call(handler, 'PUT /api/cases/{id}/exam', {
      params: { id: c.id },
      body: { applicationDate: '2027-02-01', admission: 'admitted', admissionDate: '2027-03-01', finalDate: '2027-06-10', finalResult: 'passed', version: 1 },
      as: 'counsellor',
    });
    expect(passed.body.bonuses).toMatchObject({ finalDue: true });
    const done = await move(c.id, 'qualified', passed.body.version);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('qualified');
    expect(done.body.history.map((h: { to: string }) => h.to)).toEqual(['inquiry', 'intake', 'counselling', 'plan', 'qualification', 'exam', 'qualified']);
  });

  it('plan needs consent and a target occupation, and the refusal says so in German', async () => {
    const { body: c } = await create(anInquiry());
    const v = (await move(c.id, 'intake', 1)).body.version;
    const res = await move(c.id, 'counselling', v);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Einwilligung/);
  });

  it('an illegal jump is refused with a clear message and nothing changes', async () => {
    const { body: c } = await create(aCase());
    const res = await move(c.id, 'exam', 1);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('illegal_transition');
    expect((await get(c.id)).body.status).toBe('inquiry');
  });

  it('shows eligibility for the external exam: months counted, required and the date at current hours', async () => {
    const { body: c } = await create(aCase());
    expect(c.eligibility).toMatchObject({ monthsRequired: 54, monthsCounted: 30, monthsMissing: 24, state: 'missing' });
    expect(c.eligibility.eligibleOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('who sees cases, and the audit log', () => {
  it.each(Object.values(casesContract.operations).map((o) => [o.route]))('a coordinator gets 403 on %s', async (route) => {
    const res = await call(handler, route, {
      as: 'coordinator',
      params: { id: '01J0000000000000000000000A', childId: '01J0000000000000000000000B' },
      body: {},
    });
    expect(res.status).toBe(403);
  });

  it.each(Object.values(casesContract.operations).map((o) => [o.route]))('anonymous gets 401 on %s', async (route) => {
    const res = await call(handler, route, { as: 'anonymous', params: { id: '01J0000000000000000000000A', childId: '01J0000000000000000000000B' } });
    expect(res.status).toBe(401);
  });

  it('every read and change is audited with fields, never values', async () => {
    const { body: c } = await create(aCase({ participant: { lastName: 'Auditfall' } }));
    await get(c.id);
    await add(c.id, 'sessions', { date: '2026-11-03', kind: 'counselling', minutes: 45, notes: 'geheim' });
    const trail = await call(handler, 'GET /api/cases/{id}/audit', { params: { id: c.id }, as: 'admin' });
    expect(trail.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'create', 'read']);
    expect(JSON.stringify(trail.body)).not.toMatch(/Auditfall|geheim|olena/);
    expect((await call(handler, 'GET /api/cases/{id}/audit', { params: { id: c.id }, as: 'counsellor' })).status).toBe(403);
  });

  it('a case with all its children is one Query (plus its audit write)', async () => {
    const { body: c } = await create(aCase());
    for (let i = 0; i < 5; i += 1) await add(c.id, 'sessions', { date: `2026-11-0${i + 1}`, kind: 'counselling', minutes: 30 });
    const before = { ...dynamoCalls.byCommand };
    await get(c.id);
    expect((dynamoCalls.byCommand.QueryCommand ?? 0) - (before.QueryCommand ?? 0)).toBe(1);
    expect((dynamoCalls.byCommand.PutItemCommand ?? 0) - (before.PutItemCommand ?? 0)).toBe(1);
    expect(Object.values(dynamoCalls.byCommand).reduce((a, b) => a + b, 0) - Object.values(before).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('lists by update, status, counsellor, follow-ups, name prefix and case number', async () => {
    const { body: c } = await create(aCase({ participant: { lastName: 'Özdemir', firstName: 'Ayşe' } }));
    await add(c.id, 'sessions', { date: '2026-11-04', kind: 'first_talk', minutes: 60, followUp: '2026-11-10' });
    const list = (query: Record<string, string>) =>
      query.q || query.number
        ? call(handler, 'POST /api/cases/search', { body: query, as: 'counsellor', userId: 'counsellor-1' })
        : call(handler, 'GET /api/cases', { query, as: 'counsellor', userId: 'counsellor-1' });
    expect((await list({ view: 'name', q: 'oezd' })).body.items.map((x: { lastName: string }) => x.lastName)).toEqual(['Özdemir']);
    expect((await list({ view: 'name', q: 'Özd' })).body.items).toHaveLength(1);
    expect((await list({ number: c.number })).body.items[0].id).toBe(c.id);
    expect((await list({ view: 'followups', dueBy: '2026-11-30' })).body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await list({ view: 'followups', dueBy: '2026-11-05' })).body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await list({ view: 'status', status: 'inquiry' })).body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await list({ view: 'updated', limit: '1' })).body.items[0].id).toBe(c.id);
  });
});

describe('privacy', () => {
  it('withdrawing consent anonymises the case but it keeps counting', async () => {
    const { body: c } = await create(aCase({ participant: { lastName: 'Widerruf' } }));
    await add(c.id, 'sessions', { date: '2026-11-03', kind: 'counselling', minutes: 45, notes: 'private Notiz' });
    const res = await call(handler, 'POST /api/cases/{id}/consent-withdrawal', { params: { id: c.id }, as: 'counsellor' });
    expect(res.status).toBe(200);
    expect(res.body.participant.lastName).toBe(`Anonymisiert ${c.number}`);
    expect(res.body.participant.email).toBeUndefined();
    expect(res.body.sessions[0].notes).toBeUndefined();
    expect(res.body.participant.gender).toBe('female');
    const again = await call(handler, 'PUT /api/cases/{id}', { params: { id: c.id }, body: { ...aCase(), version: res.body.version }, as: 'counsellor' });
    expect(again.status).toBe(409);
  });

  it('an admin exports everything about a person as JSON and HTML', async () => {
    const { body: c } = await create(aCase({ participant: { lastName: 'Auskunft' } }));
    const json = await call(handler, 'GET /api/cases/{id}/export', { params: { id: c.id }, as: 'admin' });
    expect(JSON.stringify(json.body.case)).toContain('Auskunft');
    const html = await call(handler, 'GET /api/cases/{id}/export', { params: { id: c.id }, query: { format: 'html' }, as: 'admin' });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('Auskunft');
    expect((await call(handler, 'GET /api/cases/{id}/export', { params: { id: c.id }, as: 'counsellor' })).status).toBe(403);
  });

  it('after an erasure, a full scan finds no item with the person’s id, name or e-mail', async () => {
    const { body: c } = await create(aCase({ participant: { lastName: 'Loeschmich', email: 'loesch@example.org' } }));
    await get(c.id);
    await add(c.id, 'sessions', { date: '2026-11-03', kind: 'counselling', minutes: 45 });
    await call(handler, 'POST /api/cases/search', { body: { view: 'name', q: 'loeschmich' }, as: 'counsellor' });
    const res = await call(handler, 'DELETE /api/cases/{id}', { params: { id: c.id }, as: 'admin' });
    expect(res.status).toBe(200);
    const { scanTable } = await import('../support/scan.ts');
    const db = database();
    const text = JSON.stringify(await scanTable(db));
    expect(text).not.toContain(c.id);
    expect(text).not.toContain('Loeschmich');
    expect(text).not.toContain('loesch@example.org');
    expect(text).not.toContain(c.number);
    const erasure = await queryPage(db, patterns.auditOfUser.of('user-admin'), { limit: 100, descending: true });
    expect(erasure.items.some((e) => e.action === 'erase')).toBe(true);
    expect(await getItem(db, keys.case(c.id))).toBeUndefined();
  });
});
