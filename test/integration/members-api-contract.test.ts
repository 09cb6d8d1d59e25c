import { describe, expect, it } from 'vitest';
import { handler } from '#functions/members/handler.ts';
import { membersContract } from '#functions/members/contract.ts';
import type { Role } from '#shared/users/roles.ts';
import { aMember } from '../support/builders.ts';
import { call, type RouteKey } from '../support/api.ts';

const someId = '01J0000000000000000000000A';
const anyBody = (route: string) => (route.startsWith('POST') ? aMember() : route.startsWith('PUT') ? { ...aMember(), version: 1 } : undefined);

describe('members: who may call which route', () => {
  const matrix: [RouteKey, Role | 'anonymous', number | 'ok'][] = [];
  for (const op of Object.values(membersContract.operations)) {
    const writes = !op.route.startsWith('GET');
    matrix.push([op.route, 'anonymous', 401]);
    matrix.push([op.route, 'admin', 'ok']);
    matrix.push([op.route, 'coordinator', 'ok']);
    matrix.push([op.route, 'counsellor', writes ? 403 : 'ok']);
  }

  it.each(matrix)('%s as %s answers %s', async (route, as, expected) => {
    const res = await call(handler, route, { as, params: { id: someId }, body: anyBody(route) });
    if (expected === 'ok') expect([200, 201, 404]).toContain(res.status);
    else {
      expect(res.status).toBe(expected);
      expect(res.body.error.code).toBe(expected === 401 ? 'unauthorized' : 'forbidden');
    }
  });

  it('a token without any known role is refused', async () => {
    const res = await call(handler, 'GET /api/members', { as: 'visitor' as Role });
    expect(res.status).toBe(403);
  });
});

describe('members: bad input gets a 4xx that names the field, never a 500', () => {
  it('an unknown field is refused with its path', async () => {
    const res = await call(handler, 'POST /api/members', { body: { ...aMember(), colour: 'blau' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({ path: 'colour', message: 'unbekanntes Feld' });
  });

  it('an unknown field inside a contact is refused with its nested path', async () => {
    const res = await call(handler, 'POST /api/members', {
      body: aMember({ contacts: [{ name: 'A', receivesDigest: false, fax: '1' } as never] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({ path: 'contacts.0.fax', message: 'unbekanntes Feld' });
  });

  it('a wrong type names the field', async () => {
    const res = await call(handler, 'POST /api/members', { body: { ...aMember(), steeringCommittee: 'ja' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['steeringCommittee']);
  });

  it('a body over 64 KB answers 413', async () => {
    const res = await call(handler, 'POST /api/members', { body: { ...aMember(), notes: 'x'.repeat(70_000) } });
    expect(res.status).toBe(413);
    expect(res.body.error.fields[0].path).toBe('body');
  });

  it('malformed JSON answers 400 on body', async () => {
    const res = await call(handler, 'POST /api/members', { rawBody: '{"name": ' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'body', message: 'kein gültiges JSON' }]);
  });

  it('a missing body answers 400', async () => {
    const res = await call(handler, 'POST /api/members', {});
    expect(res.status).toBe(400);
  });

  it('a subscribed member without a digest contact is refused on contacts', async () => {
    const res = await call(handler, 'POST /api/members', { body: aMember({ digestSubscribed: true, contacts: [] }) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('contacts');
  });

  it('a bad id in the path answers 400 on path.id', async () => {
    const res = await call(handler, 'GET /api/members/{id}', { params: { id: 'nicht-gueltig' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('path.id');
  });

  it('an unknown query parameter and a too large limit are refused', async () => {
    const res = await call(handler, 'GET /api/members', { query: { limit: '1000', sort: 'name' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['query.limit', 'query.sort']);
  });

  it('nothing is written when a request is refused', async () => {
    const before = await call(handler, 'GET /api/members', { query: { q: 'Halbfertig' } });
    await call(handler, 'POST /api/members', { body: { ...aMember({ name: 'Halbfertig GmbH' }), extra: 1 } });
    const after = await call(handler, 'GET /api/members', { query: { q: 'Halbfertig' } });
    expect(after.body.items).toEqual(before.body.items);
  });

  it('every answer carries security headers and JSON', async () => {
    const res = await call(handler, 'GET /api/members', {});
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['Strict-Transport-Security'] ?? res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['X-Content-Type-Options'] ?? res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('CORS allows only the configured origin', async () => {
    const ok = await call(handler, 'GET /api/members', { headers: { origin: 'http://127.0.0.1:3000' } });
    expect(ok.headers['Access-Control-Allow-Origin']).toBe('http://127.0.0.1:3000');
    const evil = await call(handler, 'GET /api/members', { headers: { origin: 'https://evil.example' } });
    expect(evil.headers['Access-Control-Allow-Origin']).not.toBe('https://evil.example');
  });
});
