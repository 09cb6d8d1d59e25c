// Background jobs on the table: the job item and one item per recipient or row in the job's partition. Items are
// claimed with a guarded write before their work is done, so a redelivered stream record never does it twice.
import { getItem, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { TABLE } from '../table/definition.ts';
import { keys } from '../table/keys.ts';
import { between, patterns } from '../table/patterns.ts';
import { ConditionFailed, Contention, guards } from '../table/port.ts';
import { retryWhileStale, writeSet, type WriteSet } from '../table/write-set.ts';
import { Conflict, StaleVersion } from '../errors.ts';
import type { Page } from '../schema-kit.ts';
import type { ItemState, Job, JobItem, JobSubject } from './schema.ts';

export const jobs = entity<Job>({
  name: 'job',
  key: (j) => keys.job(j.id),
  slots: (j) => [patterns.jobsByTime.slot(`${j.createdAt}#${j.id}`), patterns.jobsOfSubject.slot(`${j.createdAt}#${j.id}`, j.subject.type, j.subject.id)],
});

const retrySlot = (i: Pick<JobItem, 'jobId' | 'key' | 'retryAt'>) => patterns.itemsToRetry.slot(`${i.retryAt}#${i.jobId}#${i.key}`);

/**
 * How long an attempt may take before its item counts as abandoned (the worker was killed or timed out between the
 * claim and the end): the job-retries schedule then puts it back. Far above a Lambda's 60 s and a local stop.
 */
export const LEASE_MS = 10 * 60_000;

/** How long an ended job and its items are kept (they name companies and contacts); then TTL deletes them. */
export const JOB_KEPT_DAYS = 90;
const keptUntil = (now: Date) => ({ [TABLE.ttlAttribute]: Math.floor(now.getTime() / 1000) + JOB_KEPT_DAYS * 86_400 });

/** Items of one write: at most this many items per transaction when a job writes its items. */
const CHUNK = 90;
/** And at most this much of staged payload per transaction (DynamoDB takes 4 MB a transaction). */
const CHUNK_BYTES = 3 * 1024 * 1024;

/** Staged items in transactions of at most CHUNK items and CHUNK_BYTES of payload (an item over it goes alone). */
function chunksOf<T extends { payload: Record<string, unknown> }>(items: T[]): T[][] {
  const utf8 = new TextEncoder();
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = utf8.encode(JSON.stringify(item.payload)).length;
    if (current.length && (current.length === CHUNK || bytes + size > CHUNK_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

export function jobRepository(db: Db) {
  return {
    async get(id: string, consistent = true): Promise<Job | undefined> {
      const item = await getItem(db, keys.job(id), consistent);
      return item ? stripKeys<Job>(item) : undefined;
    },

    /** An item with what it carries (a staged row), for the worker. */
    async rawItem(jobId: string, key: string): Promise<(JobItem & { payload?: Record<string, unknown> }) | undefined> {
      const item = await getItem(db, keys.jobItem(jobId, key), true);
      return item ? stripKeys<JobItem & { payload?: Record<string, unknown> }>(item) : undefined;
    },

    async item(jobId: string, key: string): Promise<JobItem | undefined> {
      const item = await getItem(db, keys.jobItem(jobId, key), true);
      return item ? stripKeys<JobItem>(item) : undefined;
    },

    /** A page of a job's items as the API shows them (without the row a staged item carries). */
    async items(jobId: string, cursor: string | undefined, limit: number, state?: ItemState): Promise<Page<JobItem>> {
      const page = await queryPage(db, patterns.jobItems.of(jobId), { cursor, limit, filter: { state } });
      return { items: page.items.map(({ payload: _payload, ...i }) => stripKeys<JobItem>(i)), nextCursor: page.nextCursor };
    },

    /**
     * Writes the items of a job whose rows come with the request (an import), before the job: they wait as `staged`,
     * which wakes no worker, until the job is written (the commit point) and the worker releases them. Rows of a
     * request that died before its job expire after a day.
     */
    async stage(jobId: string, items: { key: string; label: string; payload: Record<string, unknown> }[], now: Date): Promise<void> {
      const expires = { [TABLE.ttlAttribute]: Math.floor(now.getTime() / 1000) + 86_400 };
      for (const chunk of chunksOf(items)) {
        const change = writeSet(db);
        for (const it of chunk)
          change.put({
            ...keys.jobItem(jobId, it.key),
            jobId,
            key: it.key,
            label: it.label,
            payload: it.payload,
            state: 'staged',
            attempts: 0,
            updatedAt: now.toISOString(),
            ...expires,
          });
        await change.commit();
      }
    },

    /**
     * Hands a written job's staged items to the worker (pending); safe to run again. Answers how many it released.
     * A chunk goes in one transaction; only when another delivery released some of its items meanwhile does that
     * chunk go item by item.
     */
    async release(jobId: string, now: Date): Promise<number> {
      const staged = await queryAll(db, patterns.jobItems.of(jobId), { filter: { state: 'staged' } });
      const releaseOf = (item: Record<string, unknown>) => ({
        update: keys.jobItem(jobId, String(item.key)),
        set: { state: 'pending', updatedAt: now.toISOString(), ...keptUntil(now) },
        guard: guards.equals({ state: 'staged' }),
      });
      let released = 0;
      for (let i = 0; i < staged.length; i += CHUNK) {
        const chunk = staged.slice(i, i + CHUNK);
        try {
          await db.transact(chunk.map(releaseOf));
          released += chunk.length;
          continue;
        } catch (error) {
          if (!(error instanceof ConditionFailed || error instanceof Contention)) throw error;
        }
        for (const item of chunk) {
          try {
            await db.write(releaseOf(item));
            released += 1;
          } catch (error) {
            if (!(error instanceof ConditionFailed)) throw error;
          }
        }
      }
      return released;
    },

    /** Every item of a job (the demo seed runs them in turn). */
    async allItems(jobId: string): Promise<JobItem[]> {
      return (await queryAll(db, patterns.jobItems.of(jobId))).map((i) => stripKeys<JobItem>(i));
    },

    /** Adds a new job to the change that starts the work. */
    start: (job: Job, change: WriteSet) => change.create(jobs.item(job)),

    /**
     * Writes the job's items (idempotent: an item already there keeps its state) and then the total, so a crash in
     * between is finished by writing them again.
     */
    async expand(job: Job, items: { key: string; label: string }[], now: Date): Promise<void> {
      for (let i = 0; i < items.length; i += CHUNK) {
        const change = writeSet(db);
        for (const it of items.slice(i, i + CHUNK)) {
          change.update(keys.jobItem(job.id, it.key), {
            set: { jobId: job.id, key: it.key, label: it.label },
            setIfMissing: { state: 'pending', attempts: 0, updatedAt: now.toISOString() },
          });
        }
        await change.commit();
      }
      // Only the first expansion sets the total: a concurrent second one (the same insert delivered twice) may
      // have seen fewer items still to do.
      try {
        await db.write({ update: keys.job(job.id), set: { total: items.length, expanded: true }, guard: guards.equals({ expanded: false }) });
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
      }
    },

    /**
     * Claims an item for one attempt; false when another delivery has it or it is no longer pending. The claim is a
     * lease: it also waits in the retry index, so an attempt that never ends is picked up again after LEASE_MS.
     */
    async claim(item: JobItem, now: Date): Promise<boolean> {
      const leaseEnd = new Date(now.getTime() + LEASE_MS).toISOString();
      try {
        await db.write({
          update: keys.jobItem(item.jobId, item.key),
          set: { state: 'working', updatedAt: now.toISOString(), retryAt: leaseEnd, ...retrySlot({ ...item, retryAt: leaseEnd }).keys },
          add: { attempts: 1 },
          guard: guards.equals({ state: 'pending' }),
        });
        return true;
      } catch (error) {
        if (error instanceof ConditionFailed) return false;
        throw error;
      }
    },

    /**
     * Ends an item (done, skipped or failed with its reason) and counts it on the job, in one transaction. Items of one
     * job end at the same moment on several workers, and DynamoDB cancels transactions that touch the job's counters
     * together (TransactionConflict): such an end is tried again at once, a few times, rather than the whole attempt.
     */
    async finish(item: JobItem, state: 'done' | 'skipped' | 'failed', now: Date, reason?: string): Promise<void> {
      // The write set reports a cancelled transaction as a stale version; the item's own guard fails otherwise.
      await retryWhileStale(() =>
        writeSet(db)
          .update(
            keys.jobItem(item.jobId, item.key),
            {
              set: { state, updatedAt: now.toISOString(), ...(reason ? { lastError: reason } : {}), ...keptUntil(now) },
              // A row the item carried (an import) goes once it is written; a failed one keeps it to be tried again.
              remove: [...patterns.itemsToRetry.slotAttributes, 'retryAt', ...(reason ? [] : ['lastError']), ...(state === 'failed' ? [] : ['payload'])],
              guard: guards.equals({ state: 'working' }),
            },
            () => new Conflict('Der Posten wurde schon beendet.', 'item_ended'),
          )
          .update(keys.job(item.jobId), { add: { [state]: 1 } })
          .commit(),
      );
    },

    /**
     * Marks that the attempt's mail was handed over, before the attempt ends: an attempt tried again after this (its
     * end was lost) finds the mark and does not mail again.
     */
    async markSent(item: JobItem, now: Date): Promise<void> {
      await db.write({ update: keys.jobItem(item.jobId, item.key), set: { sentAt: now.toISOString() }, guard: guards.equals({ state: 'working' }) });
    },

    /** Whether an earlier attempt of the item handed its mail over (see markSent). */
    async wasSent(item: JobItem): Promise<boolean> {
      return Boolean((await this.item(item.jobId, item.key))?.sentAt);
    },

    /** Puts an item aside for another attempt at `retryAt` (the job-retries schedule puts it back). */
    async retryLater(item: JobItem, retryAt: Date, reason: string, now: Date): Promise<void> {
      const at = retryAt.toISOString();
      await writeSet(db)
        .update(keys.jobItem(item.jobId, item.key), {
          set: { state: 'retry', retryAt: at, lastError: reason, updatedAt: now.toISOString(), ...retrySlot({ ...item, retryAt: at }).keys },
          guard: guards.equals({ state: 'working' }),
        })
        .commit();
    },

    /** Items whose next attempt is due, and attempts whose lease ran out. */
    async dueRetries(now: Date): Promise<JobItem[]> {
      return (await queryAll(db, between(patterns.itemsToRetry.of(), '0', `${now.toISOString()}#~`))).map((i) => stripKeys<JobItem>(i));
    },

    /**
     * Puts a waiting (or abandoned) item back to pending: the stream hands it to the worker again. Only as it was
     * read: an attempt that ended or was claimed again meanwhile is left alone.
     */
    async requeue(item: JobItem, now: Date): Promise<boolean> {
      try {
        await db.write({
          update: keys.jobItem(item.jobId, item.key),
          set: {
            state: 'pending',
            updatedAt: now.toISOString(),
            ...(item.state === 'working' ? { lastError: 'Versuch abgebrochen (Zeitüberschreitung)' } : {}),
          },
          remove: [...patterns.itemsToRetry.slotAttributes, 'retryAt'],
          guard: guards.equals({ state: item.state, retryAt: item.retryAt ?? '' }),
        });
        return true;
      } catch (error) {
        if (error instanceof ConditionFailed) return false;
        throw error;
      }
    },

    /**
     * Sends failed items again (one, or all of the job): each goes back to pending with fresh attempts, and the job
     * runs again until they have ended. Answers how many were put back.
     */
    async retryFailed(jobId: string, now: Date, key?: string): Promise<number> {
      const failed = key
        ? [await this.item(jobId, key)].filter((i): i is JobItem => i?.state === 'failed')
        : (await queryAll(db, patterns.jobItems.of(jobId), { filter: { state: 'failed' } })).map((i) => stripKeys<JobItem>(i));
      let count = 0;
      for (const item of failed) {
        try {
          await writeSet(db)
            .update(keys.jobItem(jobId, item.key), {
              set: { state: 'pending', attempts: 0, updatedAt: now.toISOString() },
              guard: guards.equals({ state: 'failed' }),
            })
            .update(keys.job(jobId), { set: { status: 'running' }, add: { failed: -1 }, remove: ['finishedAt'], guard: guards.exists })
            .commit();
          count += 1;
        } catch (error) {
          if (!(error instanceof StaleVersion)) throw error; // resent by someone else at the same moment
        }
      }
      return count;
    },

    /** Recent jobs, newest first (the jobs page). */
    async recent(cursor: string | undefined, limit: number): Promise<Page<Job>> {
      const page = await queryPage(db, patterns.jobsByTime.of(), { cursor, limit, descending: true });
      return { items: page.items.map((i) => stripKeys<Job>(i)), nextCursor: page.nextCursor };
    },

    /** The jobs of one record, newest first (the progress where the work was started). */
    async ofSubject(subject: JobSubject, cursor: string | undefined, limit: number): Promise<Page<Job>> {
      const page = await queryPage(db, patterns.jobsOfSubject.of(subject.type, subject.id), { cursor, limit, descending: true });
      return { items: page.items.map((i) => stripKeys<Job>(i)), nextCursor: page.nextCursor };
    },

    /**
     * Marks the job finished once every item has ended; a second call (or a concurrent one) changes nothing.
     * `finishedNow` tells the one call that ended it.
     */
    async completeIfFinished(jobId: string, now: Date): Promise<{ job: Job | undefined; finishedNow: boolean }> {
      const job = await this.get(jobId);
      if (!job || job.status !== 'running' || !job.expanded || job.done + job.skipped + job.failed < job.total) return { job, finishedNow: false };
      const status = job.failed ? 'done_with_failures' : 'done';
      try {
        await db.write({
          update: keys.job(jobId),
          set: { status, finishedAt: now.toISOString(), ...keptUntil(now) },
          guard: guards.equals({ status: 'running' }),
        });
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
        return { job: await this.get(jobId), finishedNow: false };
      }
      return { job: { ...job, status, finishedAt: now.toISOString() }, finishedNow: true };
    },
  };
}
export type JobRepository = ReturnType<typeof jobRepository>;
