// The write set against DynamoDB Local: all or nothing, and a failed condition becomes the failure declared for it.
import { describe, expect, it } from 'vitest';
import { database } from '#functions/clients.ts';
import { Conflict, NotFound, StaleVersion } from '#shared/errors.ts';
import { getItem } from '#shared/table/access.ts';
import { keys } from '#shared/table/keys.ts';
import { writeSet } from '#shared/table/write-set.ts';

const db = database();
const actor = { id: 'tester', email: 't@amon.local', roles: ['admin'] };
const item = (id: string, version: number) => ({ pk: `WSTEST#${id}`, sk: 'ITEM', id, version });

describe('the write set', () => {
  it('commits the change with its audit entry, event and counters as one transaction', async () => {
    const at = new Date('2026-11-15T10:00:00Z');
    const before = Number((await getItem(db, keys.counters(), true))?.wsTest ?? 0);
    await writeSet(db)
      .create(item('a', 1))
      .audit(actor, 'create', 'wstest', 'a', ['id'], at)
      .event({ type: 'ws.test', at, data: { n: 1 } })
      .count({ wsTest: 2, untouched: 0 })
      .commit();
    expect(await getItem(db, { pk: 'WSTEST#a', sk: 'ITEM' }, true)).toMatchObject({ version: 1 });
    expect(Number((await getItem(db, keys.counters(), true))?.wsTest)).toBe(before + 2);
  });

  it('a stale version, an existing item and a missing one each become their own failure, and nothing is written', async () => {
    await writeSet(db).create(item('b', 1)).commit();
    const at = new Date();
    await expect(writeSet(db).replace(item('b', 3), 2).audit(actor, 'update', 'wstest', 'b', ['version'], at).commit()).rejects.toBeInstanceOf(StaleVersion);
    await expect(
      writeSet(db)
        .put(item('c', 1))
        .create(item('b', 1), () => new Conflict('gibt es schon', 'exists_b'))
        .commit(),
    ).rejects.toMatchObject({ code: 'exists_b' });
    expect(await getItem(db, { pk: 'WSTEST#c', sk: 'ITEM' }, true)).toBeUndefined();
    await expect(writeSet(db).remove({ pk: 'WSTEST#nope', sk: 'ITEM' }, true).commit()).rejects.toBeInstanceOf(NotFound);
    await writeSet(db).replace(item('b', 2), 1).commit();
    expect(await getItem(db, { pk: 'WSTEST#b', sk: 'ITEM' }, true)).toMatchObject({ version: 2 });
  });

  it('refuses more than one transaction holds, and writes a large idempotent change in chunks', async () => {
    const big = writeSet(db);
    for (let i = 0; i < 150; i += 1) big.put(item(`big-${i}`, 1));
    await expect(big.commit()).rejects.toThrow('at most 100 items');
    await big.commitInChunks();
    expect(await getItem(db, { pk: 'WSTEST#big-149', sk: 'ITEM' }, true)).toMatchObject({ version: 1 });
  });
});

describe('a filtered list page', () => {
  it('is full: it reads on past DynamoDB’s limit, never answering an empty page with a cursor while matches remain', async () => {
    const { queryPage } = await import('#shared/table/access.ts');
    const { patterns } = await import('#shared/table/patterns.ts');
    const target = patterns.jobItems.of('filltest');
    const change = writeSet(db);
    for (let i = 0; i < 60; i += 1)
      change.put({ ...keys.jobItem('filltest', String(i).padStart(2, '0')), state: [5, 20, 38, 59].includes(i) ? 'failed' : 'done' });
    await change.commitInChunks();
    const first = await queryPage(db, target, { limit: 3, filter: { state: 'failed' } });
    expect(first.items.map((i) => i.sk)).toEqual(['ITEM#05', 'ITEM#20', 'ITEM#38']);
    expect(first.nextCursor).not.toBeNull();
    const second = await queryPage(db, target, { limit: 3, filter: { state: 'failed' }, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.sk)).toEqual(['ITEM#59']);
    expect(second.nextCursor).toBeNull();
    const none = await queryPage(db, target, { limit: 3, filter: { state: 'pending' } });
    expect(none).toEqual({ items: [], nextCursor: null });
  });
});
