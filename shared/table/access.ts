// Reads by declared access pattern: a get by key, one Query page with an opaque cursor, every page of a partition.
// Unconditional puts of audit entries live here too; changes go through the write set (shared/table/write-set.ts).
import { Invalid } from '../errors.ts';
import type { Page } from '../schema-kit.ts';
import { TABLE } from './definition.ts';
import type { Target } from './patterns.ts';
import type { Db, Item, Key, Scalar } from './port.ts';

export type { Db, Item } from './port.ts';

const KEY_ATTRIBUTES = new Set<string>([TABLE.partitionKey, TABLE.sortKey, ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey]), TABLE.ttlAttribute]);

/** The record without its table keys. */
export function stripKeys<T>(item: Item): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k))) as T;
}

export const getItem = (db: Db, key: Key, consistent = false): Promise<Item | undefined> => db.get(key, consistent);

/** Several items by key in one call (at most 100); missing ones are absent from the answer. */
export const getItems = (db: Db, itemKeys: Key[], consistent = false): Promise<Item[]> => db.getMany(itemKeys, consistent);

export type PageOptions = {
  cursor?: string | undefined;
  /** Items per page; undefined reads up to DynamoDB's 1 MB page. */
  limit: number | undefined;
  descending?: boolean;
  /** Equality on non-key attributes (undefined ones are left out); the page is still filled up to the limit. */
  filter?: Record<string, Scalar | undefined>;
};

/** One Query on a pattern's partition: a page of items and the cursor of the next page (null when this was the last). */
export async function queryPage(db: Db, target: Target, o: PageOptions): Promise<Page<Item>> {
  const index = target.pattern.index;
  const pkName = index ? `${index}pk` : TABLE.partitionKey;
  const filter = Object.fromEntries(Object.entries(o.filter ?? {}).filter((e): e is [string, Scalar] => e[1] !== undefined));
  const filtered = Object.keys(filter).length > 0;
  const query = (startKey: Item | undefined, limit: number | undefined) =>
    db.query({ index, partition: target.partition, sort: target.sort, filter: filtered ? filter : undefined, startKey, limit, descending: o.descending });
  const start = o.cursor ? decodeCursor(o.cursor, pkName, target.partition) : undefined;
  if (!filtered || o.limit === undefined) {
    const out = await query(start, o.limit);
    return { items: out.items, nextCursor: out.lastKey ? encodeCursor(out.lastKey) : null };
  }
  // A filter applies after DynamoDB's limit, so one Query may hold fewer matches than asked, even none. Read on
  // until the page is full or the partition ends; a page that ends inside a Query continues after its last item.
  const limit = o.limit;
  const items: Item[] = [];
  let startKey = start;
  for (let first = true; ; first = false) {
    const out = await query(startKey, first ? Math.max(limit, 50) : undefined);
    for (const item of out.items) {
      if (items.length === limit) return { items, nextCursor: encodeCursor(keyOf(items.at(-1)!, index)) };
      items.push(item);
    }
    startKey = out.lastKey;
    if (!startKey) return { items, nextCursor: null };
    if (items.length === limit) return { items, nextCursor: encodeCursor(startKey) };
  }
}

/** The key DynamoDB continues a Query after: the table key, and on an index the index key too. */
function keyOf(item: Item, index: string | undefined): Item {
  const names = [TABLE.partitionKey, TABLE.sortKey, ...(index ? [`${index}pk`, `${index}sk`] : [])];
  return Object.fromEntries(names.map((n) => [n, item[n]]));
}

/** One partition of a merged list, and the value it is ordered by (newest first), taken from the stored item. */
export type MergeSource = { name: string; target: Target; order: (item: Item) => string };

/**
 * One page of several partitions merged into one list, newest first (a company's timeline). Each source is read
 * from where the cursor says it stands, at most `limit` items; the cursor records, per source, the key after the
 * last item taken, or that it has ended.
 */
export async function mergedPage(
  db: Db,
  sources: MergeSource[],
  o: { cursor?: string | undefined; limit: number },
): Promise<Page<{ source: string; item: Item }>> {
  const state = o.cursor ? decodeMergedCursor(o.cursor, sources) : {};
  const reads = await Promise.all(
    sources.map(async (s) => {
      const at = state[s.name];
      if (at === null) return { s, items: [] as Item[], lastKey: undefined };
      const out = await db.query({
        index: s.target.pattern.index,
        partition: s.target.partition,
        sort: s.target.sort,
        startKey: at,
        limit: o.limit,
        descending: true,
      });
      return { s, items: out.items, lastKey: out.lastKey };
    }),
  );
  const taken = reads.map(() => 0);
  const items: { source: string; item: Item }[] = [];
  while (items.length < o.limit) {
    let best = -1;
    for (let i = 0; i < reads.length; i++) {
      const next = reads[i]!.items[taken[i]!];
      if (next && (best < 0 || reads[i]!.s.order(next) > reads[best]!.s.order(reads[best]!.items[taken[best]!]!))) best = i;
    }
    if (best < 0) break;
    items.push({ source: reads[best]!.s.name, item: reads[best]!.items[taken[best]!]! });
    taken[best]!++;
    // A source read to the end of its page may hold older items than the others' next ones: stop here.
    if (taken[best] === reads[best]!.items.length && reads[best]!.lastKey) break;
  }
  const next: Record<string, Item | null> = {};
  let more = false;
  reads.forEach((r, i) => {
    const name = r.s.name;
    if (state[name] === null) next[name] = null;
    else if (taken[i]! < r.items.length) {
      more = true;
      const from = taken[i] ? keyOf(r.items[taken[i] - 1]!, r.s.target.pattern.index) : state[name];
      if (from) next[name] = from;
    } else if (r.lastKey) {
      more = true;
      next[name] = r.lastKey;
    } else next[name] = null;
  });
  return { items, nextCursor: more ? encodeCursor(next) : null };
}

function decodeMergedCursor(cursor: string, sources: MergeSource[]): Record<string, Item | null | undefined> {
  const invalid = new Invalid([{ path: 'cursor', message: 'ungültiger Cursor' }]);
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) throw invalid;
  const out: Record<string, Item | null | undefined> = {};
  for (const [name, at] of Object.entries(state as Record<string, unknown>)) {
    const source = sources.find((s) => s.name === name);
    if (!source) throw invalid;
    if (at === null) out[name] = null;
    else {
      const pkName = source.target.pattern.index ? `${source.target.pattern.index}pk` : TABLE.partitionKey;
      out[name] = decodeCursor(Buffer.from(JSON.stringify(at), 'utf8').toString('base64url'), pkName, source.target.partition);
    }
  }
  return out;
}

/** Reads every page of a partition: for jobs and bounded partitions, never for a request path with open size. */
export async function queryAll(db: Db, target: Target, o: Omit<PageOptions, 'cursor' | 'limit'> = {}, pageSize: number | 'up-to-1MB' = 1000): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(db, target, { ...o, cursor, limit: pageSize === 'up-to-1MB' ? undefined : pageSize });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export function encodeCursor(key: Item): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A cursor is only accepted for the partition it came from, so it cannot open another list. */
export function decodeCursor(cursor: string, pkName: string, partition: string): Item {
  const invalid = new Invalid([{ path: 'cursor', message: 'ungültiger Cursor' }]);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof key !== 'object' || key === null || (key as Item)[pkName] !== partition) throw invalid;
  const values = Object.values(key as Item);
  if (values.length > 6 || values.some((v) => typeof v !== 'string')) throw invalid;
  return key as Item;
}

/** Writes one item unconditionally (the audit entry of a read). */
export async function putItem(db: Db, item: Item & Key): Promise<void> {
  await db.write({ put: item });
}

/** Writes unconditional items (audit entries of a list read) in batches, retrying what DynamoDB leaves unprocessed. */
export const putItems = (db: Db, items: (Item & Key)[]): Promise<void> => db.putMany(items);
