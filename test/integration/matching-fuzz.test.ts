import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

const { handler: needs } = await import('#functions/needs/handler.ts');
const { handler: matching } = await import('#functions/matching/handler.ts');
const { handler: cases } = await import('#functions/cases/handler.ts');
const { handler: companies } = await import('#functions/companies/handler.ts');
const { database } = await import('#functions/clients.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { call } = await import('../support/api.ts');
type RouteKey = import('../support/api.ts').RouteKey;
const { aCase, aCompany } = await import('../support/builders.ts');

const RUNS = 300;
const LAGER = '51312-fachkraft-fuer-lagerlogistik';
let companyId = '';
let needId = '';
let caseId = '';

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
  companyId = (await call(companies, 'POST /api/companies', { body: aCompany(), as: 'coordinator' })).body.id;
  needId = (await call(needs, 'POST /api/needs', { body: { companyId, occupationId: LAGER, headcount: 2, timeframe: 'now' }, as: 'coordinator' })).body.id;
  const created = await call(cases, 'POST /api/cases', { body: aCase(), as: 'counsellor' });
  caseId = created.body.id;
  let version = created.body.version;
  for (const to of ['intake', 'counselling'])
    version = (await call(cases, 'POST /api/cases/{id}/moves', { params: { id: caseId }, body: { to, version }, as: 'counsellor' })).body.version;
  expect((await call(matching, 'POST /api/cases/{id}/matches', { params: { id: caseId }, body: { needId }, as: 'counsellor' })).status).toBe(201);
});

/** A valid body with one field replaced by generated JSON, or an unknown field, or anything at all. */
const mutated = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc.jsonValue(),
    fc
      .record({ key: fc.constantFrom(...Object.keys(valid), 'extra', '__proto__'), value: fc.jsonValue() })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc
      .record({ key: fc.constantFrom(...Object.keys(valid)), value: fc.oneof(fc.string({ maxLength: 5000 }), fc.integer(), fc.double(), fc.constant(null)) })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
  );

describe('needs and matching under generated bad input', () => {
  const cases_: [RouteKey, string, () => Record<string, string>, Record<string, unknown>, 'coordinator' | 'counsellor'][] = [
    [
      'POST /api/needs',
      'create a need',
      () => ({}),
      {
        companyId: '',
        occupationId: LAGER,
        headcount: 1,
        timeframe: 'now',
        conditions: { partTime: true, lowSkilled: false, migrant: true, germanLevel: 'B1' },
      },
      'coordinator',
    ],
    [
      'PUT /api/needs/{id}',
      'change a need',
      () => ({ id: needId }),
      { occupationId: LAGER, headcount: 2, timeframe: 'later', status: 'open', version: 1 },
      'coordinator',
    ],
    ['POST /api/cases/{id}/matches', 'propose a case', () => ({ id: caseId }), { needId: '', note: 'Telefonat' }, 'counsellor'],
    [
      'POST /api/cases/{id}/matches/{needId}/moves',
      'move a proposal',
      () => ({ id: caseId, needId }),
      { to: 'trial', on: '2026-01-01', trialKind: 'trial', version: 1 },
      'counsellor',
    ],
  ];
  it.each(cases_)(`%s (%s): ${RUNS} generated bodies, never a 500, every 400 names a field`, { timeout: 300_000 }, async (route, _what, params, valid, as) => {
    const filled = { ...valid, ...(route === 'POST /api/needs' ? { companyId } : {}), ...(route === 'POST /api/cases/{id}/matches' ? { needId } : {}) };
    await fc.assert(
      fc.asyncProperty(mutated(filled), async (b) => {
        const res = await call(route.includes('matches') ? matching : needs, route, { params: params(), rawBody: JSON.stringify(b), as });
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status === 400) expect(res.body.error.fields.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
