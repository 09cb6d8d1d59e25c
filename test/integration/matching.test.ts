import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'amon-matching-outbox-'));

const { handler: cases } = await import('#functions/cases/handler.ts');
const { handler: needs } = await import('#functions/needs/handler.ts');
const { handler: matching } = await import('#functions/matching/handler.ts');
const { handler: survey } = await import('#functions/survey/handler.ts');
const { database, dynamoCalls } = await import('#functions/clients.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { buildFigures } = await import('#shared/reports/figures.ts');
const { queryAll } = await import('#shared/table/access.ts');
const { patterns } = await import('#shared/table/patterns.ts');
const { berlinDate, berlinMonth } = await import('#shared/time.ts');
const { call } = await import('../support/api.ts');
const { aCase, aCompany } = await import('../support/builders.ts');
const { openCampaignWith } = await import('../support/surveys.ts');
const { linksFor } = await import('../support/outbox.ts');
const { handler: companies } = await import('#functions/companies/handler.ts');
const { handler: settings } = await import('#functions/settings/handler.ts');

const db = database();
const COUNSELLOR = { as: 'counsellor' as const, userId: 'counsellor-m' };
const LAGER = '51312-fachkraft-fuer-lagerlogistik';

beforeAll(async () => {
  await occupationsService(db).seedShipped();
});

/** A case in counselling (consent given, target occupation set), by the counsellor. */
async function caseInCounselling(participant: NonNullable<Parameters<typeof aCase>[0]>['participant'] = {}, targetOccupationId = LAGER) {
  const created = await call(cases, 'POST /api/cases', { body: aCase({ participant, targetOccupationId }), ...COUNSELLOR });
  expect(created.status).toBe(201);
  let version = created.body.version as number;
  for (const to of ['intake', 'counselling']) {
    const moved = await call(cases, 'POST /api/cases/{id}/moves', { params: { id: created.body.id }, body: { to, version }, ...COUNSELLOR });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    version = moved.body.version;
  }
  return created.body as { id: string; number: string; participant: { firstName: string; lastName: string; email: string } };
}

const fieldsOf = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);

async function aNeed(body: Record<string, unknown>) {
  const res = await call(needs, 'POST /api/needs', { body, as: 'coordinator' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; occupation: string };
}

describe('needs', () => {
  it('a survey answer states one need per occupation, and taking an occupation out withdraws it', async () => {
    const {
      companies: [company],
    } = await openCampaignWith(1);
    const [token] = await linksFor(process.env.OUTBOX_DIR!, company!.email);
    const asCompany = { as: 'anonymous' as const, headers: { authorization: `Survey ${token}` } };
    const base = { qtraining: 'yes', qstaff: 12 };
    const rows = [
      { occupation: '51312', headcount: 2, timeframe: 'within6Months', lowSkilled: true, migrant: true },
      { occupation: '51312', headcount: 1, timeframe: 'now', lowSkilled: false, migrant: false },
      { occupation: '25212', headcount: 1, timeframe: 'later', lowSkilled: false, migrant: false },
    ];
    expect((await call(survey, 'POST /api/survey/response', { ...asCompany, body: { answers: { ...base, qneeds: rows } } })).status).toBe(200);
    const listed = await call(needs, 'GET /api/needs', { query: { companyId: company!.id }, as: 'coordinator' });
    const byCode = Object.fromEntries(listed.body.items.map((n: { occupation: string }) => [n.occupation, n]));
    expect(byCode['51312']).toMatchObject({
      source: 'survey',
      status: 'open',
      headcount: 3,
      timeframe: 'now',
      conditions: { lowSkilled: true, migrant: true },
      companyName: company!.name,
      district: 'rostock_city',
    });
    expect(byCode['25212']).toMatchObject({ status: 'open', headcount: 1 });

    expect((await call(survey, 'POST /api/survey/response', { ...asCompany, body: { answers: { ...base, qneeds: [rows[0]] } } })).status).toBe(200);
    const again = await call(needs, 'GET /api/needs', { query: { companyId: company!.id }, as: 'coordinator' });
    const after = Object.fromEntries(again.body.items.map((n: { occupation: string }) => [n.occupation, n]));
    expect(after['51312']).toMatchObject({ status: 'open', headcount: 2, timeframe: 'within6Months', version: 2 });
    expect(after['25212']).toMatchObject({ status: 'withdrawn' });
    const open = await queryAll(db, patterns.openNeedsInGroup.of('25212'));
    expect(open.map((i) => i.id)).not.toContain(after['25212'].id);
  });

  it('a need recorded by hand takes the company address, and bad input names the field', async () => {
    const { body: company } = await call(companies, 'POST /api/companies', {
      body: aCompany({ district: 'vorpommern_greifswald', postcode: '17489' }),
      as: 'coordinator',
    });
    const need = await aNeed({
      companyId: company.id,
      occupationId: LAGER,
      headcount: 1,
      timeframe: 'now',
      conditions: { partTime: true, lowSkilled: true, migrant: true, germanLevel: 'A2' },
    });
    expect(need).toMatchObject({
      source: 'manual',
      district: 'vorpommern_greifswald',
      postcode: '17489',
      occupation: '51312',
      occupationTitle: expect.stringContaining('Lager'),
      status: 'open',
      placed: 0,
    });

    const unknownField = await call(needs, 'POST /api/needs', {
      body: { companyId: company.id, occupationId: LAGER, headcount: 1, timeframe: 'now', salary: 3000 },
      as: 'coordinator',
    });
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(unknownField.body)).toContain('salary');
    const badOccupation = await call(needs, 'POST /api/needs', {
      body: { companyId: company.id, occupationId: 'nope', headcount: 1, timeframe: 'now' },
      as: 'coordinator',
    });
    expect(badOccupation.status).toBe(400);
    expect(fieldsOf(badOccupation)).toContain('occupationId');
    const badCount = await call(needs, 'POST /api/needs', {
      body: { companyId: company.id, occupationId: LAGER, headcount: 0, timeframe: 'now' },
      as: 'coordinator',
    });
    expect(badCount.status).toBe(400);
    expect(fieldsOf(badCount)).toContain('headcount');

    const withdrawn = await call(needs, 'PUT /api/needs/{id}', {
      params: { id: need.id },
      body: { headcount: 1, timeframe: 'now', status: 'withdrawn', version: need.version },
      as: 'coordinator',
    });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', version: 2 });
    const stale = await call(needs, 'PUT /api/needs/{id}', {
      params: { id: need.id },
      body: { headcount: 1, timeframe: 'now', status: 'open', version: need.version },
      as: 'coordinator',
    });
    expect(stale.status).toBe(409);
  });
});

describe('matching a case and a need', () => {
  it('ranks the open needs for a case in two Queries, explains each score, and leaves out other groups and closed needs', async () => {
    const person = await caseInCounselling({ district: 'rostock_city', car: false, drivingLicence: true, districtsReachable: ['rostock_city'] });
    const { body: near } = await call(companies, 'POST /api/companies', { body: aCompany({ district: 'rostock_city' }), as: 'coordinator' });
    const { body: far } = await call(companies, 'POST /api/companies', {
      body: aCompany({ district: 'vorpommern_greifswald', postcode: '17489' }),
      as: 'coordinator',
    });
    const same = await aNeed({
      companyId: near.id,
      occupationId: LAGER,
      headcount: 2,
      timeframe: 'within12Months',
      conditions: { partTime: false, lowSkilled: true, migrant: true },
    });
    const distant = await aNeed({ companyId: far.id, occupationId: LAGER, headcount: 1, timeframe: 'within12Months' });
    const other = await aNeed({ companyId: near.id, occupationId: '25212-kraftfahrzeugmechatroniker-in', headcount: 1, timeframe: 'now' });

    const before = { ...dynamoCalls.byCommand };
    const res = await call(matching, 'GET /api/cases/{id}/suggestions', { params: { id: person.id }, ...COUNSELLOR });
    expect(res.status).toBe(200);
    expect((dynamoCalls.byCommand.QueryCommand ?? 0) - (before.QueryCommand ?? 0)).toBe(2);
    expect(dynamoCalls.byCommand.ScanCommand ?? 0).toBe(0);
    const ids = res.body.items.map((r: { need: { id: string } }) => r.need.id);
    expect(ids).toContain(same.id);
    expect(ids).not.toContain(other.id);
    expect(ids.indexOf(same.id)).toBeLessThan(ids.indexOf(distant.id));
    const top = res.body.items.find((r: { need: { id: string } }) => r.need.id === same.id);
    expect(top.score.components.map((c: { key: string }) => c.key)).toEqual(['occupation', 'reach', 'timeframe', 'conditions']);
    expect(top.score.components[0].reasons[0]).toBe('gleicher Beruf (KldB 51312)');
    expect(top.score.components[1].reasons[0]).toBe('im eigenen Landkreis');
    const totals = res.body.items.map((r: { score: { total: number } }) => r.score.total);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => b - a));

    const forbidden = await call(matching, 'GET /api/cases/{id}/suggestions', { params: { id: person.id }, as: 'coordinator' });
    expect(forbidden.status).toBe(403);
  });

  it('a coordinator sees the candidates of a need pseudonymised, a counsellor with names, and every shown case is audited', async () => {
    const person = await caseInCounselling({
      firstName: 'Mariam',
      district: 'landkreis_rostock',
      car: true,
      drivingLicence: true,
      districtsReachable: [],
      birthDate: '1990-02-03',
    });
    const { body: company } = await call(companies, 'POST /api/companies', { body: aCompany({ district: 'rostock_city' }), as: 'coordinator' });
    const need = await aNeed({ companyId: company.id, occupationId: LAGER, headcount: 1, timeframe: 'within6Months' });

    const asCoordinator = await call(matching, 'GET /api/needs/{id}/candidates', { params: { id: need.id }, as: 'coordinator' });
    expect(asCoordinator.status).toBe(200);
    expect(asCoordinator.body.items.length).toBeGreaterThan(0);
    for (const c of asCoordinator.body.items) {
      expect(Object.keys(c).sort()).toEqual(expect.arrayContaining(['occupation', 'occupationTitle', 'pseudonym', 'stage', 'total', 'view']));
      expect(Object.keys(c).every((k) => ['view', 'pseudonym', 'occupation', 'occupationTitle', 'district', 'stage', 'total'].includes(k))).toBe(true);
      expect(c.pseudonym).toMatch(/^TN-[0-9A-F]{6}$/);
    }
    const text = JSON.stringify(asCoordinator.body);
    for (const personal of [person.participant.firstName, person.participant.lastName, person.participant.email, person.number, person.id, '1990-02-03'])
      expect(text).not.toContain(personal);

    const asCounsellor = await call(matching, 'GET /api/needs/{id}/candidates', { params: { id: need.id }, ...COUNSELLOR });
    const mine = asCounsellor.body.items.find((c: { caseId: string }) => c.caseId === person.id);
    expect(mine).toMatchObject({ view: 'named', firstName: 'Mariam', lastName: person.participant.lastName, caseNumber: person.number, status: 'counselling' });
    expect(mine.score.components[1].reasons[0]).toBe('Nachbarkreis, mit eigenem Auto erreichbar');

    const trail = await call(cases, 'GET /api/cases/{id}/audit', { params: { id: person.id }, as: 'admin' });
    const reads = trail.body.items.filter(
      (e: { action: string; fields: string[] }) => e.action === 'read' && (e.fields.includes('pseudonym') || e.fields.includes('matching')),
    );
    expect(reads.map((e: { actorId: string }) => e.actorId)).toEqual(expect.arrayContaining(['counsellor-m']));
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('a proposal moves through contact and learning venue to hired: the placement event is counted in the month and fills the need', async () => {
    const person = await caseInCounselling({ district: 'rostock_city' });
    const { body: company } = await call(companies, 'POST /api/companies', { body: aCompany(), as: 'coordinator' });
    const need = await aNeed({
      companyId: company.id,
      occupationId: LAGER,
      headcount: 1,
      timeframe: 'now',
      conditions: { partTime: false, lowSkilled: true, migrant: true },
    });
    const month = berlinMonth(new Date());
    const placementsBefore = (await buildFigures(db, month, new Date())).headlines.find((h) => h.id === 'placements')!.value;
    const dashboardBefore = (await call(settings, 'GET /api/dashboard', { as: 'coordinator' })).body;

    const proposed = await call(matching, 'POST /api/cases/{id}/matches', { params: { id: person.id }, body: { needId: need.id }, ...COUNSELLOR });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body).toMatchObject({ state: 'proposed', caseNumber: person.number, companyName: company.name, version: 1 });
    const twice = await call(matching, 'POST /api/cases/{id}/matches', { params: { id: person.id }, body: { needId: need.id }, ...COUNSELLOR });
    expect(twice.status).toBe(409);
    expect(fieldsOf(twice)).toContain('needId');

    const move = (to: string, version: number, extra: Record<string, unknown> = {}) =>
      call(matching, 'POST /api/cases/{id}/matches/{needId}/moves', {
        params: { id: person.id, needId: need.id },
        // Berlin's today, as the product dates the proposal (the UTC date is a day behind between 23:00 and 24:00 UTC).
        body: { to, on: berlinDate(new Date()), version, ...extra },
        ...COUNSELLOR,
      });
    const skip = await move('hired', 1);
    expect(skip.status).toBe(409);
    expect(fieldsOf(skip)).toContain('to');
    expect(skip.body.error.message).toContain('Betrieb kontaktiert');
    const future = await move('contacted', 1, { on: '2099-01-01' });
    expect(future.status).toBe(409);
    expect(fieldsOf(future)).toContain('on');
    const noKind = await move('trial', 1);
    expect(noKind.status).toBe(400);
    expect(fieldsOf(noKind)).toContain('trialKind');

    expect((await move('contacted', 1)).status).toBe(200);
    expect((await move('trial', 2, { trialKind: 'learning_venue' })).body).toMatchObject({ state: 'trial', trialKind: 'learning_venue' });
    const hired = await move('hired', 3);
    expect(hired.body).toMatchObject({ state: 'hired', version: 4 });
    expect(hired.body.steps.map((s: { state: string }) => s.state)).toEqual(['proposed', 'contacted', 'trial', 'hired']);

    const filled = await call(needs, 'GET /api/needs/{id}', { params: { id: need.id }, as: 'coordinator' });
    expect(filled.body).toMatchObject({ status: 'filled', placed: 1 });
    const figures = await buildFigures(db, month, new Date());
    expect(figures.headlines.find((h) => h.id === 'placements')!.value).toBe(placementsBefore + 1);
    const dashboard = (await call(settings, 'GET /api/dashboard', { as: 'coordinator' })).body;
    expect(dashboard.kpis.placed).toBe(dashboardBefore.kpis.placed + 1);
    expect(dashboard.perMonth.at(-1)).toMatchObject({ month, placed: dashboardBefore.perMonth.at(-1).placed + 1 });
    const events = await queryAll(db, patterns.eventsOfMonth.of(month));
    const placement = events.filter((e) => e.type === 'match.hired').at(-1)!;
    expect(placement).toMatchObject({ needOccupation: '51312', gender: 'female' });
    expect(JSON.stringify(placement)).not.toContain(person.participant.lastName);

    const ofNeed = await call(matching, 'GET /api/needs/{id}/matches', { params: { id: need.id }, as: 'coordinator' });
    expect(ofNeed.body.items).toEqual([{ pseudonym: expect.stringMatching(/^TN-/), state: 'hired', since: expect.any(String), score: expect.any(Number) }]);
    const pipeline = await call(matching, 'GET /api/matches', { query: { state: 'hired' }, ...COUNSELLOR });
    expect(pipeline.body.items.map((m: { caseId: string }) => m.caseId)).toContain(person.id);
    const closedNeed = await call(matching, 'POST /api/cases/{id}/matches', {
      params: { id: (await caseInCounselling()).id },
      body: { needId: need.id },
      ...COUNSELLOR,
    });
    expect(closedNeed.status).toBe(409);
  });

  it('a case leaves the candidate index when it moves past qualification or is anonymised', async () => {
    const person = await caseInCounselling({ district: 'rostock_city' });
    const inIndex = async () => (await queryAll(db, patterns.candidatesInGroup.of('51312'))).some((i) => i.id === person.id);
    expect(await inIndex()).toBe(true);
    const { body: c } = await call(cases, 'GET /api/cases/{id}', { params: { id: person.id }, ...COUNSELLOR });
    const paused = await call(cases, 'POST /api/cases/{id}/moves', { params: { id: person.id }, body: { to: 'paused', version: c.version }, ...COUNSELLOR });
    expect(paused.status).toBe(200);
    expect(await inIndex()).toBe(false);
    const suggestions = await call(matching, 'GET /api/cases/{id}/suggestions', { params: { id: person.id }, ...COUNSELLOR });
    expect(suggestions.body).toEqual({ items: [], missing: 'stage' });
  });
});
