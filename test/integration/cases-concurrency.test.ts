import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/cases/handler.ts';
import { database } from '#functions/clients.ts';
import { occupationsService } from '#shared/occupations/domain.ts';
import { getItem, queryAll } from '#shared/table/access.ts';
import { keys } from '#shared/table/keys.ts';
import { patterns } from '#shared/table/patterns.ts';
import { CASE_STATUSES } from '#shared/cases/schema.ts';
import { aCase } from '../support/builders.ts';
import { call } from '../support/api.ts';

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
});

/** A tiny deterministic PRNG so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe('concurrent casework', () => {
  it('two edits with the same version: one wins, the other gets 409', async () => {
    const { body: c } = await call(handler, 'POST /api/cases', { body: aCase(), as: 'counsellor' });
    const edit = (city: string) =>
      call(handler, 'PUT /api/cases/{id}', { params: { id: c.id }, body: { ...aCase({ participant: { city } }), version: c.version }, as: 'counsellor' });
    const results = await Promise.all([edit('Rostock'), edit('Wismar')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('counters equal a recount after 200 random concurrent operations', async () => {
    const random = prng(42);
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) ids.push((await call(handler, 'POST /api/cases', { body: aCase(), as: 'counsellor' })).body.id);
    const targets = ['intake', 'counselling', 'plan', 'qualification', 'paused', 'dropped', 'referred', 'inquiry'];
    const operation = async () => {
      const roll = random();
      if (roll < 0.15) {
        const res = await call(handler, 'POST /api/cases', { body: aCase(), as: 'counsellor' });
        ids.push(res.body.id);
        return res.status;
      }
      const id = ids[Math.floor(random() * ids.length)]!;
      if (roll < 0.35)
        return (
          await call(handler, 'POST /api/cases/{id}/sessions', {
            params: { id },
            body: { date: '2026-11-10', kind: 'counselling', minutes: 30, followUp: '2026-12-01' },
            as: 'counsellor',
          })
        ).status;
      const current = await call(handler, 'GET /api/cases/{id}', { params: { id }, as: 'counsellor' });
      const to = targets[Math.floor(random() * targets.length)]!;
      return (await call(handler, 'POST /api/cases/{id}/moves', { params: { id }, body: { to, version: current.body.version }, as: 'counsellor' })).status;
    };
    const statuses: number[] = [];
    const batch = 10;
    for (let i = 0; i < 200; i += batch) statuses.push(...(await Promise.all(Array.from({ length: batch }, operation))));
    expect(statuses.every((s) => [200, 201, 409].includes(s))).toBe(true);
    expect(statuses.filter((s) => s === 409).length).toBeGreaterThan(0);

    const db = database();
    const cases = await queryAll(db, patterns.casesByUpdate.of());
    const counters = (await getItem(db, keys.counters(), true))!;
    expect(Number(counters.cases)).toBe(cases.length);
    for (const status of CASE_STATUSES) {
      expect(Number(counters[`status_${status}`] ?? 0), status).toBe(cases.filter((c) => c.status === status).length);
    }
  }, 120_000);
});
