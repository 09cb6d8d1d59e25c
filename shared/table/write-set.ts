// One change as one unit of work: what it writes (puts, guarded updates, deletes, each with what a failed guard on it
// means) and what it means (audit entry, report event, counters), committed as one TransactWrite. A failed guard
// becomes the domain error declared for its write here, once, instead of in every domain file.
import { auditItem, type Actor, type AuditAction } from '../audit/entry.ts';
import { Conflict, NotFound, StaleVersion, type DomainError } from '../errors.ts';
import { counterUpdate, eventItem, type FeedEvent } from '../feed/events.ts';
import { ConditionFailed, Contention, guards, type Db, type Guard, type Item, type ItemKeys, type Key, type Update, type Write } from './port.ts';

/** What a failed guard on one write means for the caller. */
export type Failure = () => DomainError;

/** DynamoDB's limit of items in one transaction. */
export const TRANSACTION_LIMIT = 100;

const staleVersion: Failure = () => new StaleVersion();

export class WriteSet {
  private readonly entries: { write: Write; onFail?: Failure }[] = [];

  constructor(private readonly db: Db) {}

  get size(): number {
    return this.entries.length;
  }

  /** An item written as it is (children rewritten, look-up entries). */
  put(item: Item & ItemKeys): this {
    return this.add({ put: item });
  }

  /** A new item; when one with its key exists already, `onExists` says what that means (default: a 409). */
  create(item: Item & ItemKeys, onExists: Failure = () => new Conflict('Der Eintrag existiert bereits.', 'exists')): this {
    return this.add({ put: item, guard: guards.absent }, onExists);
  }

  /** The item as of the version that was read: if someone saved first, a 409 to read again. */
  replace(item: Item & ItemKeys, expectedVersion: number): this {
    return this.add({ put: item, guard: guards.version(expectedVersion) }, staleVersion);
  }

  /** The item replaced only while it exists (a child change whose case must still be there). */
  overwrite(item: Item & ItemKeys, onMissing: Failure = () => new NotFound()): this {
    return this.add({ put: item, guard: guards.exists }, onMissing);
  }

  /** Sets, adds and removes attributes; with a guard, its failure means `onFail` (default: someone saved first). */
  update(key: Key, change: Omit<Update, 'update'>, onFail: Failure = staleVersion): this {
    return this.add({ update: key, ...change }, change.guard ? onFail : undefined);
  }

  /** Deletes an item; with `mustExist`, a missing item is that failure (default: not found). */
  remove(key: Key, mustExist?: Failure | true): this {
    const onFail = mustExist === true ? () => new NotFound() : mustExist;
    return this.add({ delete: key, ...(onFail ? { guard: guards.exists } : {}) }, onFail);
  }

  /** Deletes an item as of the version (or other values) that was read: if someone saved first, a 409 to read again. */
  removeGuarded(key: Key, guard: Guard, onFail: Failure = staleVersion): this {
    return this.add({ delete: key, guard }, onFail);
  }

  /** Who read or changed which record, which fields (never the values). */
  audit(actor: Actor, action: AuditAction, recordType: string, recordId: string, fields: string[], at: Date): this {
    return this.put(auditItem(actor, action, recordType, recordId, fields, at));
  }

  /** A counted fact for the monthly report. */
  event(event: FeedEvent): this {
    return this.put(eventItem(event));
  }

  /** Adds to the current counters (zero deltas are left out). */
  count(deltas: Record<string, number>): this {
    return Object.values(deltas).some((d) => d !== 0) ? this.add(counterUpdate(deltas)) : this;
  }

  /** A write built elsewhere (a repository's guarded put), with what its failure means (default: someone saved first). */
  add(write: Write, onFail?: Failure): this {
    this.entries.push({ write, onFail: onFail ?? (write.guard ? staleVersion : undefined) });
    return this;
  }

  /** Writes built elsewhere whose failed guards all mean that someone saved first (a 409 to read again). */
  addAll(writes: Write[]): this {
    for (const w of writes) this.add(w);
    return this;
  }

  /** Everything of another write set, with the failures it declared. */
  include(other: WriteSet): this {
    this.entries.push(...other.entries);
    return this;
  }

  /** Writes everything or nothing. A failed guard becomes the failure declared for that write. */
  async commit(): Promise<void> {
    if (!this.entries.length) return;
    if (this.entries.length > TRANSACTION_LIMIT) throw new Error(`A write set holds at most ${TRANSACTION_LIMIT} items, not ${this.entries.length}`);
    try {
      await this.db.transact(this.entries.map((e) => e.write));
    } catch (error) {
      // Another transaction on the same items at the same moment: as if it had saved first.
      if (error instanceof Contention) throw staleVersion();
      if (!(error instanceof ConditionFailed)) throw error;
      throw (this.entries[error.index]?.onFail ?? staleVersion)();
    }
  }

  /**
   * For changes larger than one transaction whose writes can each be made again (rewriting a case's children):
   * commits in chunks, in order. A crash between chunks leaves the earlier ones done; running it again is safe.
   */
  async commitInChunks(size = 90): Promise<void> {
    for (let i = 0; i < this.entries.length; i += size) {
      const chunk = new WriteSet(this.db);
      chunk.entries.push(...this.entries.slice(i, i + size));
      await chunk.commit();
    }
  }
}

export const writeSet = (db: Db) => new WriteSet(db);

/**
 * Runs a change again while someone else saved the same items first (a stale version, or a transaction DynamoDB
 * cancelled because another touched the same items at the same moment), after a short random pause; `attempt` gets
 * the attempt's number (1 first) so it can read again. Other failures, and the last attempt's, go to the caller.
 */
export async function retryWhileStale<T>(change: (attempt: number) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await change(attempt);
    } catch (error) {
      if (!(error instanceof StaleVersion) || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 30));
    }
  }
}
