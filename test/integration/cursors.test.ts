// Sealed cursors and keyed pseudonyms: nothing a coordinator receives lets them recover a case id, and a cursor
// that was tampered with, belongs to another list or caller, or has expired is a 400, never a 500.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'amon-cursor-outbox-'));

const { handler: matching } = await import('#functions/matching/handler.ts');
const { handler: cases } = await import('#functions/cases/handler.ts');
const { database } = await import('#functions/clients.ts');
const { cursorSealer, CURSOR_TTL_MS } = await import('#functions/http/cursor.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { call } = await import('../support/api.ts');
const { aCaseInCounselling, anOpenNeed } = await import('../support/matching.ts');

const COUNSELLOR = { as: 'counsellor' as const, userId: 'counsellor-cursor' };
const COORDINATOR = { as: 'coordinator' as const, userId: 'coordinator-cursor' };

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
});

/** A need with two proposals, so its match list has a second page. */
async function aNeedWithTwoProposals() {
  const need = await anOpenNeed();
  const people = [await aCaseInCounselling(COUNSELLOR.userId), await aCaseInCounselling(COUNSELLOR.userId)];
  for (const p of people) {
    const res = await call(matching, 'POST /api/cases/{id}/matches', { params: { id: p.id }, body: { needId: need.id }, ...COUNSELLOR });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return { need, people };
}

const matchesOf = (needId: string, query: Record<string, string>, who: { as: 'coordinator' | 'counsellor'; userId: string } = COORDINATOR) =>
  call(matching, 'GET /api/needs/{id}/matches', { params: { id: needId }, query, ...who });

const decodedEverywhere = (cursor: string) => [cursor, ...cursor.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'))].join(' ');

describe('sealed cursors', () => {
  it('a coordinator paging a need’s matches gets a cursor that reveals no case id, and it opens the next page', async () => {
    const { need, people } = await aNeedWithTwoProposals();
    const first = await matchesOf(need.id, { limit: '1' });
    expect(first.status).toBe(200);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    for (const p of people) expect(decodedEverywhere(cursor)).not.toContain(p.id);
    expect(decodedEverywhere(cursor)).not.toContain('CASE#');
    const second = await matchesOf(need.id, { limit: '1', cursor });
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].pseudonym).not.toBe(first.body.items[0].pseudonym);
    expect(JSON.stringify([first.body, second.body])).not.toContain(people[0]!.id);
  });

  it('a tampered, foreign, cross-role, unsealed or expired cursor is a 400 with a German message', async () => {
    const { need } = await aNeedWithTwoProposals();
    const other = await aNeedWithTwoProposals();
    const cursor = (await matchesOf(need.id, { limit: '1' })).body.nextCursor as string;
    const at = cursor.length - 3;
    const flipped = cursor.slice(0, at) + (cursor[at] === 'A' ? 'B' : 'A') + cursor.slice(at + 1);
    expect(flipped).not.toBe(cursor);
    const foreign = await matchesOf(other.need.id, { limit: '1', cursor });
    const crossRole = await matchesOf(need.id, { limit: '1', cursor }, COUNSELLOR);
    // What the cursors used to be: base64 of a table key. One of the right partition but a wrong shape gave a 500.
    const unsealed = Buffer.from(JSON.stringify({ gsi1pk: `MATCHES#NEED#${need.id}`, gsi1sk: 'x' })).toString('base64url');
    const sealer = cursorSealer(process.env.SEALING_SECRET!, () => Date.now() - CURSOR_TTL_MS - 1000);
    const binding = ['GET /api/needs/{id}/matches', `/api/needs/${need.id}/matches`, COORDINATOR.userId, 'coordinator'].join('|');
    const expired = sealer.seal(Buffer.from(JSON.stringify({ pk: 'x' })).toString('base64url'), binding);
    for (const [name, res] of [
      ['tampered', await matchesOf(need.id, { limit: '1', cursor: flipped })],
      ['foreign', foreign],
      ['cross-role', crossRole],
      ['unsealed', await matchesOf(need.id, { limit: '1', cursor: unsealed })],
      ['expired', await matchesOf(need.id, { limit: '1', cursor: expired })],
    ] as const) {
      expect(res.status, name).toBe(400);
      expect(res.body.error.fields, name).toEqual([{ path: 'query.cursor', message: 'ungültiger oder abgelaufener Cursor' }]);
      expect(res.body.error.message, name).toContain('neu');
    }
  });

  it('a case list cursor works only for the same list', async () => {
    for (let i = 0; i < 3; i += 1) await aCaseInCounselling(COUNSELLOR.userId);
    const page = await call(cases, 'GET /api/cases', { query: { limit: '1' }, ...COUNSELLOR });
    const next = await call(cases, 'GET /api/cases', { query: { limit: '1', cursor: page.body.nextCursor }, ...COUNSELLOR });
    expect(next.status).toBe(200);
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    const otherUser = await call(cases, 'GET /api/cases', { query: { limit: '1', cursor: page.body.nextCursor }, as: 'counsellor', userId: 'someone-else' });
    expect(otherUser.status).toBe(400);
  });
});

describe('keyed pseudonyms', () => {
  it('a pseudonym cannot be recomputed from the case id without the server key', async () => {
    const { need, people } = await aNeedWithTwoProposals();
    const seen = (await matchesOf(need.id, { limit: '10' })).body.items.map((m: { pseudonym: string }) => m.pseudonym);
    const candidates = (await call(matching, 'GET /api/needs/{id}/candidates', { params: { id: need.id }, ...COORDINATOR })).body.items.map(
      (c: { pseudonym: string }) => c.pseudonym,
    );
    for (const p of people) {
      const unkeyed = `TN-${createHash('sha256').update(`amon-candidate:${p.id}`).digest('hex').slice(0, 6).toUpperCase()}`;
      const plain = `TN-${createHash('sha256').update(p.id).digest('hex').slice(0, 6).toUpperCase()}`;
      expect(seen).not.toContain(unkeyed);
      expect(seen).not.toContain(plain);
      expect(candidates).not.toContain(unkeyed);
    }
    expect(new Set(seen).size).toBe(2);
    expect(candidates).toEqual(expect.arrayContaining(seen));
  });
});
