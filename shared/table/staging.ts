// The table port's second adapter, in memory: the local demo seed's staging table (local/seed/index.ts; no function
// imports it). The table port (shared/table/port.ts) held in memory, with DynamoDB's semantics for
// what the domain uses (guards, updates, sparse and projected indexes, key order, Limit before filter, start keys).
// The seed plays the real domain services against it in seconds, then writes the items it holds to the table in
// batches; reads of items it does not hold (the users `npm start` created) go to the table beneath.
import { TABLE, type IndexName } from './definition.ts';
import { ConditionFailed, type Db, type Guard, type Item, type Key, type QueryInput, type Write } from './port.ts';
import { TRANSACTION_LIMIT } from './write-set.ts';

type Entry = { sort: string; tie: string; id: string };
/** One partition of the table or of an index, kept in key order (ties on an index in table key order). */
type Partition = Entry[];
type Space = { name: IndexName | undefined; pk: string; sk: string; projection: readonly string[] | undefined; partitions: Map<string, Partition> };

const idOf = (key: Key) => `${key.pk}\u0000${key.sk}`;
const before = (a: Entry, b: Pick<Entry, 'sort' | 'tie'>) => (a.sort < b.sort ? true : a.sort > b.sort ? false : a.tie < b.tie);

/** The first place in `list` whose entry is not before `at`. */
function place(list: Partition, at: Pick<Entry, 'sort' | 'tie'>): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!, at)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A value as the document client stores it: undefined left out at any depth, nothing shared with the caller. */
function stored(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(stored);
  if (value && typeof value === 'object') {
    if (value instanceof Set) return new Set([...value].map(stored));
    if (!(Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
      throw new Error(`${value.constructor.name || 'An object'} cannot be stored (convertClassInstanceToMap is off)`);
    }
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, stored(v)]),
    );
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${value} cannot be stored as a number`);
  return value;
}

/** A fresh copy for a reader, so a caller's change never reaches the staged item. */
const copy = <T>(value: T): T => structuredClone(value);

function checkKey(key: Key, write: number) {
  if (typeof key.pk !== 'string' || !key.pk || typeof key.sk !== 'string' || !key.sk) {
    throw Object.assign(new Error(`write ${write}: the key needs a non-empty pk and sk`), { name: 'ValidationException' });
  }
}

export class StagingTable implements Db {
  private readonly items = new Map<string, Item>();
  /** Items written since the last `drain` (deleted ones as undefined). */
  private dirty = new Map<string, Key>();
  private readonly spaces: Space[] = [
    { name: undefined, pk: TABLE.partitionKey, sk: TABLE.sortKey, projection: undefined, partitions: new Map() },
    ...TABLE.indexes.map((i) => ({ name: i.name, pk: i.partitionKey, sk: i.sortKey, projection: i.projection, partitions: new Map() })),
  ];
  /** Writes applied (puts, updates and deletes, each item of a transaction counted). */
  writes = 0;
  private calls = 0;

  constructor(
    /** The table beneath: a get of an item never staged here reads it (the users, the settings). */
    private readonly beneath: Pick<Db, 'get' | 'getMany'> | undefined,
    readonly tableName = 'staging',
  ) {}

  /**
   * Every few calls the event loop gets a turn: a call here answers at once (a microtask), so a seed playing thousands
   * of changes would otherwise hold up the requests the product answers meanwhile and the batches being written.
   */
  private async turn() {
    this.calls += 1;
    if (this.calls % 8 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  get size(): number {
    return this.items.size;
  }

  /** Items written since the last drain. */
  pendingCount(): number {
    return this.dirty.size;
  }

  async get(key: Key): Promise<Item | undefined> {
    await this.turn();
    const id = idOf(key);
    if (this.items.has(id)) return copy(this.items.get(id));
    if (this.dirty.has(id) || !this.beneath) return undefined;
    return this.beneath.get(key);
  }

  async getMany(keys: Key[]): Promise<Item[]> {
    if (keys.length > 100) throw Object.assign(new Error('BatchGet takes at most 100 keys'), { name: 'ValidationException' });
    const found = await Promise.all(keys.map((k) => this.get(k)));
    return found.filter((i): i is Item => i !== undefined);
  }

  async query(q: QueryInput): Promise<{ items: Item[]; lastKey?: Item }> {
    await this.turn();
    const space = this.spaces.find((s) => s.name === q.index);
    if (!space) throw new Error(`no index ${q.index}`);
    if (space.projection && Object.keys(q.filter ?? {}).some((k) => !space.projection!.includes(k))) {
      throw invalid(`a filter on ${q.index} can only read the attributes it projects`);
    }
    const list = space.partitions.get(q.partition) ?? [];
    let from = 0;
    let to = list.length;
    if (q.sort && 'prefix' in q.sort) {
      from = place(list, { sort: q.sort.prefix, tie: '' });
      // Every key that begins with the prefix sorts before the prefix followed by the last character there is.
      to = place(list, { sort: `${q.sort.prefix}\uffff`, tie: '' });
    } else if (q.sort) {
      from = place(list, { sort: q.sort.between[0], tie: '' });
      to = place(list, { sort: q.sort.between[1], tie: '\uffff' });
    }
    if (q.startKey) {
      const at = { sort: String(q.startKey[space.sk]), tie: space.name ? idOf(q.startKey as Key) : '' };
      const p = place(list, at);
      const exact = p < list.length && list[p]!.sort === at.sort && list[p]!.tie === at.tie;
      if (q.descending) to = Math.min(to, p);
      else from = Math.max(from, exact ? p + 1 : p);
    }
    // Only the entries the page reads are copied out, not the whole range (an audit partition holds thousands).
    const size = Math.max(0, to - from);
    const count = q.limit === undefined ? size : Math.min(q.limit, size);
    const evaluated = q.descending ? list.slice(to - count, to).reverse() : list.slice(from, from + count);
    const items = evaluated
      .map((e) => this.items.get(e.id)!)
      .filter((item) => Object.entries(q.filter ?? {}).every(([k, v]) => item[k] === v))
      .map((item) => copy(this.projected(item, space)));
    const last = evaluated.at(-1);
    // As DynamoDB Local: a start key whenever the limit was reached, unless the last item sits on the range's closing
    // bound (AWS may answer one in either case; the readers take an empty last page).
    const closing = q.sort && 'between' in q.sort ? q.sort.between[q.descending ? 0 : 1] : undefined;
    const stoppedByLimit = last !== undefined && evaluated.length === q.limit && last.sort !== closing;
    return { items, ...(stoppedByLimit ? { lastKey: this.keyIn(this.items.get(last.id)!, space) } : {}) };
  }

  async write(w: Write, o: { returnNew?: boolean } = {}): Promise<Item | undefined> {
    await this.turn();
    const next = this.apply([w]);
    const written = next[0];
    return o.returnNew && 'update' in w && written ? copy(written) : undefined;
  }

  async putMany(items: (Item & Key)[]): Promise<void> {
    await this.turn();
    for (const item of items) this.apply([{ put: item }]);
  }

  async transact(writes: Write[]): Promise<void> {
    await this.turn();
    if (!writes.length) return;
    if (writes.length > TRANSACTION_LIMIT)
      throw Object.assign(new Error(`a transaction takes at most ${TRANSACTION_LIMIT} writes`), { name: 'ValidationException' });
    this.apply(writes);
  }

  /**
   * The items written since the last call, as they stand now (a deleted item is left out: the table beneath never
   * had it, as the seed writes onto a table that holds only the users).
   */
  drain(): Item[] {
    const out: Item[] = [];
    for (const [id] of this.dirty) {
      const item = this.items.get(id);
      if (item) out.push(copy(item));
    }
    this.dirty = new Map();
    return out;
  }

  /** Checks every guard, then applies every write (all or none, as a transaction); answers the items as written. */
  private apply(writes: Write[]): (Item | undefined)[] {
    const targets = writes.map((w, i) => {
      const key = 'put' in w ? { pk: w.put.pk, sk: w.put.sk } : 'update' in w ? w.update : w.delete;
      checkKey(key, i);
      return { pk: key.pk, sk: key.sk };
    });
    const ids = targets.map(idOf);
    if (new Set(ids).size !== ids.length) throw invalid('Transaction request cannot include multiple operations on one item');
    writes.forEach((w) => 'update' in w && checkUpdate(w));
    writes.forEach((w, i) => {
      if (!holds(w.guard, this.items.get(ids[i]!))) throw new ConditionFailed(i);
    });
    return writes.map((w, i) => {
      const id = ids[i]!;
      const old = this.items.get(id);
      let next: Item | undefined;
      if ('put' in w) next = stored(w.put) as Item;
      else if ('delete' in w) next = undefined;
      else next = updated(old, targets[i]!, w);
      this.replace(id, old, next);
      this.dirty.set(id, targets[i]!);
      this.writes += 1;
      return next;
    });
  }

  private replace(id: string, old: Item | undefined, next: Item | undefined) {
    for (const space of this.spaces) {
      const was = old && this.entryIn(old, space, id);
      if (was) {
        const list = space.partitions.get(String(old[space.pk]))!;
        const p = place(list, was);
        list.splice(p, 1);
        if (!list.length) space.partitions.delete(String(old[space.pk]));
      }
      const now = next && this.entryIn(next, space, id);
      if (now) {
        const partition = String(next[space.pk]);
        const list = space.partitions.get(partition) ?? [];
        if (!list.length) space.partitions.set(partition, list);
        list.splice(place(list, now), 0, now);
      }
    }
    if (next) this.items.set(id, next);
    else this.items.delete(id);
  }

  /** The item's place in a key space; none when it lacks the space's keys (a sparse index). */
  private entryIn(item: Item, space: Space, id: string): Entry | undefined {
    const pk = item[space.pk];
    const sk = item[space.sk];
    if (typeof pk !== 'string' || typeof sk !== 'string') return undefined;
    return { sort: sk, tie: space.name ? id : '', id };
  }

  /** What DynamoDB answers as LastEvaluatedKey: the table's key, and on an index the index's key too. */
  private keyIn(item: Item, space: Space): Item {
    const key: Item = { [TABLE.partitionKey]: item[TABLE.partitionKey], [TABLE.sortKey]: item[TABLE.sortKey] };
    if (space.name) Object.assign(key, { [space.pk]: item[space.pk], [space.sk]: item[space.sk] });
    return key;
  }

  /** An index with a projection answers only its keys and the projected attributes. */
  private projected(item: Item, space: Space): Item {
    if (!space.projection) return item;
    const keep = new Set<string>([TABLE.partitionKey, TABLE.sortKey, space.pk, space.sk, ...space.projection]);
    return Object.fromEntries(Object.entries(item).filter(([k]) => keep.has(k)));
  }
}

function holds(guard: Guard | undefined, item: Item | undefined): boolean {
  if (!guard) return true;
  const equal = (values: Record<string, unknown>) => item !== undefined && Object.entries(values).every(([k, v]) => item[k] === v);
  if ('absent' in guard) return item === undefined;
  if ('exists' in guard) return item !== undefined;
  if ('equals' in guard) return equal(guard.equals);
  return item === undefined || equal(guard.absentOrEquals);
}

const invalid = (message: string) => Object.assign(new Error(message), { name: 'ValidationException' });

/** What DynamoDB refuses before it looks at the item: an empty update, a key attribute changed, one path twice. */
function checkUpdate(w: Extract<Write, { update: Key }>) {
  const keyNames = new Set<string>([TABLE.partitionKey, TABLE.sortKey]);
  const paths = [
    ...Object.entries(w.set ?? {})
      .filter(([k, v]) => v !== undefined && !keyNames.has(k))
      .map(([k]) => k),
    ...Object.keys(w.setIfMissing ?? {}),
    ...Object.entries(w.add ?? {})
      .filter(([, d]) => d !== 0)
      .map(([k]) => k),
    ...(w.remove ?? []),
  ];
  if (!paths.length) throw invalid('the update expression is empty');
  if (paths.some((p) => keyNames.has(p))) throw invalid('an update cannot change a key attribute');
  if (new Set(paths).size !== paths.length) throw invalid('two paths of the update expression overlap');
}

/** An update as DynamoDB applies it: on the item or, when there is none, on a new one of just the key. */
function updated(old: Item | undefined, key: Key, w: Extract<Write, { update: Key }>): Item {
  const next: Item = old ? { ...old } : { [TABLE.partitionKey]: key.pk, [TABLE.sortKey]: key.sk };
  const keyNames = new Set<string>([TABLE.partitionKey, TABLE.sortKey]);
  for (const [k, v] of Object.entries(w.set ?? {})) if (v !== undefined && !keyNames.has(k)) next[k] = stored(v);
  for (const [k, v] of Object.entries(w.setIfMissing ?? {})) if (!(k in next)) next[k] = stored(v);
  for (const [k, d] of Object.entries(w.add ?? {})) {
    if (d === 0) continue;
    const current = next[k] ?? 0;
    if (typeof current !== 'number') throw Object.assign(new Error(`ADD to ${k}, which is no number`), { name: 'ValidationException' });
    next[k] = current + d;
  }
  for (const k of w.remove ?? []) delete next[k];
  return next;
}
