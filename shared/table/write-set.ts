// One change as one unit of work: what it writes (each item with what a failed condition on it means) and what it
// means (audit entry, report event, counters), committed as one TransactWrite. Cancellations become domain errors here,
// once, instead of in every domain file.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditItem, type Actor, type AuditAction } from '../audit/entry.ts';
import { Conflict, NotFound, StaleVersion, type DomainError } from '../errors.ts';
import { counterUpdate, eventItem, type FeedEvent } from '../feed/events.ts';
import { put, type Db, type Item, type TransactItem } from './access.ts';
import type { ItemKeys } from './keys.ts';

/** What a failed condition on one item means for the caller. */
export type Failure = () => DomainError;

/** DynamoDB's limit of items in one transaction. */
export const TRANSACTION_LIMIT = 100;

export class WriteSet {
  private readonly entries: { item: TransactItem; onFail?: Failure }[] = [];

  constructor(private readonly db: Db) {}

  get size(): number {
    return this.entries.length;
  }

  /** An item written as it is (children rewritten, look-up entries). */
  put(item: Item & ItemKeys): this {
    return this.add(put(this.db, item));
  }

  /** A new item; when one with its key exists already, `onExists` says what that means (default: a 409). */
  create(item: Item & ItemKeys, onExists: Failure = () => new Conflict('Der Eintrag existiert bereits.', 'exists')): this {
    return this.add(put(this.db, item, 'attribute_not_exists(pk)'), onExists);
  }

  /** The item as of the version that was read: if someone saved first, a 409 to read again. */
  replace(item: Item & ItemKeys, expectedVersion: number): this {
    return this.add(put(this.db, item, 'version = :v', { ':v': expectedVersion }), () => new StaleVersion());
  }

  /** Deletes an item; with `mustExist`, a missing item is that failure (default: not found). */
  remove(key: { pk: string; sk: string }, mustExist?: Failure | true): this {
    const onFail = mustExist === true ? () => new NotFound() : mustExist;
    return this.add({ Delete: { TableName: this.db.tableName, Key: key, ...(onFail ? { ConditionExpression: 'attribute_exists(pk)' } : {}) } }, onFail);
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
    return Object.values(deltas).some((d) => d !== 0) ? this.add(counterUpdate(this.db, deltas)) : this;
  }

  /** An item built elsewhere (an update with counters, a repository's guarded put), with what its failure means. */
  add(item: TransactItem, onFail?: Failure): this {
    this.entries.push({ item, onFail });
    return this;
  }

  /** Items built elsewhere whose failed conditions all mean that someone saved first (a 409 to read again). */
  addAll(items: TransactItem[]): this {
    for (const item of items) this.add(item);
    return this;
  }

  /** Writes everything or nothing. A failed condition becomes the failure declared for that item. */
  async commit(): Promise<void> {
    if (!this.entries.length) return;
    if (this.entries.length > TRANSACTION_LIMIT) throw new Error(`A write set holds at most ${TRANSACTION_LIMIT} items, not ${this.entries.length}`);
    try {
      await this.db.doc.send(new TransactWriteCommand({ TransactItems: this.entries.map((e) => e.item) }));
    } catch (error) {
      throw this.failureOf(error);
    }
  }

  /**
   * For changes larger than one transaction whose items can each be written again (rewriting a case's children):
   * commits in chunks, in order. A crash between chunks leaves the earlier ones done; running it again is safe.
   */
  async commitInChunks(size = 90): Promise<void> {
    for (let i = 0; i < this.entries.length; i += size) {
      const chunk = new WriteSet(this.db);
      for (const e of this.entries.slice(i, i + size)) chunk.add(e.item, e.onFail);
      await chunk.commit();
    }
  }

  private failureOf(error: unknown): unknown {
    if (!(error instanceof TransactionCanceledException)) return error;
    const reasons = (error.CancellationReasons ?? []).map((r) => r.Code);
    const failed = reasons.findIndex((code) => code === 'ConditionalCheckFailed');
    if (failed < 0) return error;
    return this.entries[failed]?.onFail?.() ?? new StaleVersion();
  }
}

export const writeSet = (db: Db) => new WriteSet(db);
