// The table as the persistence layer sees it: items, keys, guarded writes and queries, declared as data. The one
// adapter that speaks DynamoDB (shared/table/dynamodb.ts) turns them into commands; nothing else builds expressions.
import type { IndexName } from './definition.ts';

export type Item = Record<string, unknown>;
export type Key = { pk: string; sk: string };
/** Keys of one item on the table (pk/sk) and on the GSIs it is projected into. */
export type ItemKeys = Key & Partial<Record<`gsi${1 | 2 | 3 | 4 | 5 | 6 | 7}${'pk' | 'sk'}`, string>>;
export type Scalar = string | number | boolean;

/** A condition on the item as stored, checked by the write. */
export type Guard =
  /** No item has this key yet. */
  | { absent: true }
  /** The item exists. */
  | { exists: true }
  /** The item exists and each named attribute has the value given (a version, a revision, a status). */
  | { equals: Record<string, Scalar> }
  /** No item yet, or one whose named attributes have these values (a delivery that failed may be claimed again). */
  | { absentOrEquals: Record<string, Scalar> };

export const guards = {
  absent: { absent: true } as Guard,
  exists: { exists: true } as Guard,
  version: (version: number): Guard => ({ equals: { version } }),
  equals: (values: Record<string, Scalar>): Guard => ({ equals: values }),
  absentOrEquals: (values: Record<string, Scalar>): Guard => ({ absentOrEquals: values }),
};

export type Put = { put: Item & ItemKeys; guard?: Guard };
/** Sets the given attributes, adds to the counters, removes the named ones; all others stay as they are. */
export type Update = { update: Key; set?: Item; setIfMissing?: Item; add?: Record<string, number>; remove?: string[]; guard?: Guard };
export type Delete = { delete: Key; guard?: Guard };
export type Write = Put | Update | Delete;

export type QueryInput = {
  /** Absent: the table itself. */
  index?: IndexName;
  partition: string;
  sort?: { prefix: string } | { between: readonly [string, string] };
  /** Equality on non-key attributes: the page may hold fewer items than the limit. */
  filter?: Record<string, Scalar>;
  startKey?: Item;
  /** Items per page; undefined reads up to DynamoDB's 1 MB page. */
  limit?: number;
  descending?: boolean;
};

/** A guarded write failed: `index` is the write's place in the transaction (0 for a single write). */
export class ConditionFailed extends Error {
  constructor(readonly index: number) {
    super(`condition of write ${index} failed`);
    this.name = 'ConditionFailed';
  }
}

/** A transaction was cancelled because another one wrote the same items at the same moment: read again and retry. */
export class Contention extends Error {
  constructor() {
    super('transaction conflict');
    this.name = 'Contention';
  }
}

/** What the persistence layer needs of the table; the DynamoDB adapter provides it, tests may wrap it. */
export interface Db {
  readonly tableName: string;
  get(key: Key, consistent?: boolean): Promise<Item | undefined>;
  /** Several items by key in one call (at most 100); missing ones are absent from the answer. */
  getMany(keys: Key[], consistent?: boolean): Promise<Item[]>;
  query(q: QueryInput): Promise<{ items: Item[]; lastKey?: Item }>;
  /** One write on its own; with `returnNew`, the item as written. A failed guard throws ConditionFailed(0). */
  write(w: Write, o?: { returnNew?: boolean }): Promise<Item | undefined>;
  /** Unconditional puts in batches (audit entries of a list read). */
  putMany(items: (Item & Key)[]): Promise<void>;
  /** All writes or none. A failed guard throws ConditionFailed with the write's index. */
  transact(writes: Write[]): Promise<void>;
}
