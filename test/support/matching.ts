// Matching test helpers: a case in counselling by a counsellor, and an open need of a Rostock company.
import { expect } from 'vitest';
import { handler as cases } from '#functions/cases/handler.ts';
import { handler as companies } from '#functions/companies/handler.ts';
import { handler as needs } from '#functions/needs/handler.ts';
import { call } from './api.ts';
import { aCase, aCompany } from './builders.ts';

export const LAGER = '51312-fachkraft-fuer-lagerlogistik';
type CaseOverrides = Parameters<typeof aCase>[0];

/** A case moved to counselling by `userId` (consent to every scope unless the overrides say otherwise). */
export async function aCaseInCounselling(userId: string, overrides: CaseOverrides = {}) {
  const as = { as: 'counsellor' as const, userId };
  const created = await call(cases, 'POST /api/cases', { body: aCase(overrides), ...as });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  let body = created.body;
  for (const to of ['intake', 'counselling']) {
    const moved = await call(cases, 'POST /api/cases/{id}/moves', { params: { id: body.id }, body: { to, version: body.version }, ...as });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    body = moved.body;
  }
  return body as Record<string, unknown> & {
    id: string;
    number: string;
    version: number;
    participant: Record<string, unknown>;
    consent: Record<string, unknown>;
  };
}

/** An open need for warehouse staff at a new Rostock company. */
export async function anOpenNeed(headcount = 3) {
  const { body: company } = await call(companies, 'POST /api/companies', { body: aCompany({ district: 'rostock_city' }), as: 'coordinator' });
  const need = await call(needs, 'POST /api/needs', {
    body: { companyId: company.id, occupationId: LAGER, headcount, timeframe: 'within6Months' },
    as: 'coordinator',
  });
  expect(need.status, JSON.stringify(need.body)).toBe(201);
  return need.body as { id: string; companyId: string };
}
