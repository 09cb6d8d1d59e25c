import { describe, expect, it } from 'vitest';
import { handler } from '#functions/members/handler.ts';
import { dynamoCalls } from '#functions/clients.ts';
import { aMember } from '../support/builders.ts';
import { call } from '../support/api.ts';

const create = (body: unknown, as: 'admin' | 'coordinator' = 'coordinator') => call(handler, 'POST /api/members', { body, as });

describe('network members', () => {
  it('a coordinator creates a member and anyone on staff reads it back', async () => {
    const created = await create(aMember({ name: 'Jobcenter Rostock', kind: 'job_centre' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Jobcenter Rostock', kind: 'job_centre', version: 1 });
    const read = await call(handler, 'GET /api/members/{id}', { params: { id: created.body.id }, as: 'counsellor' });
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('Jobcenter Rostock');
  });

  it('finds members by an umlaut-aware, case-insensitive name prefix', async () => {
    await create(aMember({ name: 'Müritz-Bildung gGmbH' }));
    await create(aMember({ name: 'Mueller Metallbau' }));
    await create(aMember({ name: 'Musterfirma' }));
    for (const q of ['MÜ', 'mue', 'müller']) {
      const page = await call(handler, 'GET /api/members', { query: { q } });
      const names = page.body.items.map((m: { name: string }) => m.name);
      expect(names, q).toContain(q === 'müller' ? 'Mueller Metallbau' : 'Müritz-Bildung gGmbH');
      expect(names, q).not.toContain('Musterfirma');
    }
  });

  it('filters by kind, steering committee and subscription, and pages with a cursor', async () => {
    for (let i = 0; i < 5; i += 1) await create(aMember({ name: `Kammer ${i}`, kind: 'chamber', steeringCommittee: i % 2 === 0, digestSubscribed: i < 2 }));
    const chambers = await call(handler, 'GET /api/members', { query: { kind: 'chamber', limit: '2' } });
    expect(chambers.body.items).toHaveLength(2);
    expect(chambers.body.nextCursor).toEqual(expect.any(String));
    const rest = await call(handler, 'GET /api/members', { query: { kind: 'chamber', limit: '10', cursor: chambers.body.nextCursor } });
    expect(rest.body.items.map((m: { name: string }) => m.name)).toEqual(['Kammer 2', 'Kammer 3', 'Kammer 4']);
    const steering = await call(handler, 'GET /api/members', { query: { kind: 'chamber', steeringCommittee: 'true' } });
    expect(steering.body.items.map((m: { name: string }) => m.name)).toEqual(['Kammer 0', 'Kammer 2', 'Kammer 4']);
    const subscribed = await call(handler, 'GET /api/members', { query: { subscribed: 'true', q: 'kammer' } });
    expect(subscribed.body.items.map((m: { name: string }) => m.name)).toEqual(['Kammer 0', 'Kammer 1']);
  });

  it('a cursor from another list is refused with 400', async () => {
    const page = await call(handler, 'GET /api/members', { query: { limit: '1' } });
    const other = await call(handler, 'GET /api/members', { query: { kind: 'union', cursor: page.body.nextCursor } });
    expect(other.status).toBe(400);
    expect(other.body.error.fields).toEqual([{ path: 'cursor', message: 'ungültiger Cursor' }]);
  });

  it('two updates with the same version: one wins, the other gets 409', async () => {
    const { body: m } = await create(aMember());
    const change = (name: string) =>
      call(handler, 'PUT /api/members/{id}', { params: { id: m.id }, body: { ...aMember(), name, version: m.version }, as: 'coordinator' });
    const results = await Promise.all([change('Erste Fassung'), change('Zweite Fassung')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.code).toBe('version_conflict');
    const after = await call(handler, 'GET /api/members/{id}', { params: { id: m.id } });
    expect(after.body.version).toBe(2);
  });

  it('subscribing sets the since date, unsubscribing records when', async () => {
    const { body: m } = await create(aMember({ digestSubscribed: false }));
    const on = await call(handler, 'PUT /api/members/{id}', { params: { id: m.id }, body: { ...aMember(), digestSubscribed: true, version: 1 } });
    expect(on.body.digestSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const off = await call(handler, 'PUT /api/members/{id}', { params: { id: m.id }, body: { ...aMember(), digestSubscribed: false, version: 2 } });
    expect(off.body.digestUnsubscribedAt).toEqual(expect.any(String));
    expect(off.body.digestSince).toBeUndefined();
  });

  it('deletes a member, and a second delete answers 404', async () => {
    const { body: m } = await create(aMember());
    expect((await call(handler, 'DELETE /api/members/{id}', { params: { id: m.id } })).status).toBe(200);
    expect((await call(handler, 'DELETE /api/members/{id}', { params: { id: m.id } })).status).toBe(404);
    expect((await call(handler, 'GET /api/members/{id}', { params: { id: m.id } })).status).toBe(404);
  });

  it('get costs 1 DynamoDB call, list 1, create 1 and update 2', async () => {
    const count = async (fn: () => Promise<unknown>) => {
      const before = dynamoCalls.count;
      await fn();
      return dynamoCalls.count - before;
    };
    let id = '';
    expect(await count(async () => (id = (await create(aMember())).body.id))).toBe(1);
    expect(await count(() => call(handler, 'GET /api/members/{id}', { params: { id } }))).toBe(1);
    expect(await count(() => call(handler, 'GET /api/members', { query: { q: 'bildungswerk' } }))).toBe(1);
    expect(await count(() => call(handler, 'PUT /api/members/{id}', { params: { id }, body: { ...aMember(), version: 1 } }))).toBe(2);
  });
});
