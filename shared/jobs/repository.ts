// Background jobs on the table: the job item and one item per recipient or row in the job's partition. Items are
// claimed with a guarded write before their work is done, so a redelivered stream record never does it twice.
import { getItem, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { keys } from '../table/keys.ts';
import { between, patterns } from '../table/patterns.ts';
import { ConditionFailed, guards } from '../table/port.ts';
import { writeSet, type WriteSet } from '../table/write-set.ts';
import type { Page } from '../schema-kit.ts';
import type { ItemState, Job, JobItem } from './schema.ts';

export const jobs = entity<Job>({
  name: 'job',
  key: (j) => keys.job(j.id),
  slots: (j) => [patterns.jobsByTime.slot(`${j.createdAt}#${j.id}`), patterns.jobsOfSubject.slot(`${j.createdAt}#${j.id}`, j.subject.type, j.subject.id)],
});

const retrySlot = (i: Pick<JobItem, 'jobId' | 'key' | 'retryAt'>) => patterns.itemsToRetry.slot(`${i.retryAt}#${i.jobId}#${i.key}`);

/** Items of one write: at most this many items per transaction when a job writes its items. */
const CHUNK = 90;

export function jobRepository(db: Db) {
  return {
    async get(id: string, consistent = true): Promise<Job | undefined> {
      const item = await getItem(db, keys.job(id), consistent);
      return item ? stripKeys<Job>(item) : undefined;
    },

    async item(jobId: string, key: string): Promise<JobItem | undefined> {
      const item = await getItem(db, keys.jobItem(jobId, key), true);
      return item ? stripKeys<JobItem>(item) : undefined;
    },

    async items(jobId: string, cursor: string | undefined, limit: number, state?: ItemState): Promise<Page<JobItem>> {
      const page = await queryPage(db, patterns.jobItems.of(jobId), { cursor, limit, filter: { state } });
      return { items: page.items.map((i) => stripKeys<JobItem>(i)), nextCursor: page.nextCursor };
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
      await writeSet(db)
        .update(keys.job(job.id), { set: { total: items.length, expanded: true } })
        .commit();
    },

    /** Claims an item for one attempt; false when another delivery has it or it is no longer pending. */
    async claim(item: JobItem, now: Date): Promise<boolean> {
      try {
        await db.write({
          update: keys.jobItem(item.jobId, item.key),
          set: { state: 'working', updatedAt: now.toISOString() },
          add: { attempts: 1 },
          guard: guards.equals({ state: 'pending' }),
        });
        return true;
      } catch (error) {
        if (error instanceof ConditionFailed) return false;
        throw error;
      }
    },

    /** Ends an item (done, skipped or failed with its reason) and counts it on the job, in one transaction. */
    async finish(item: JobItem, state: 'done' | 'skipped' | 'failed', now: Date, reason?: string): Promise<void> {
      await writeSet(db)
        .update(keys.jobItem(item.jobId, item.key), {
          set: { state, updatedAt: now.toISOString(), ...(reason ? { lastError: reason } : {}) },
          remove: [...patterns.itemsToRetry.slotAttributes, 'retryAt', ...(reason ? [] : ['lastError'])],
          guard: guards.equals({ state: 'working' }),
        })
        .update(keys.job(item.jobId), { add: { [state]: 1 } })
        .commit();
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

    /** Items whose next attempt is due. */
    async dueRetries(now: Date): Promise<JobItem[]> {
      return (await queryAll(db, between(patterns.itemsToRetry.of(), '0', `${now.toISOString()}#~`))).map((i) => stripKeys<JobItem>(i));
    },

    /** Puts a waiting item back to pending: the stream hands it to the worker again. */
    async requeue(item: JobItem, now: Date): Promise<void> {
      await writeSet(db)
        .update(keys.jobItem(item.jobId, item.key), {
          set: { state: 'pending', updatedAt: now.toISOString() },
          remove: [...patterns.itemsToRetry.slotAttributes, 'retryAt'],
          guard: guards.equals({ state: item.state }),
        })
        .commit()
        .catch(() => undefined);
    },

    /** Marks the job finished once every item has ended; a second call (or a concurrent one) changes nothing. */
    async completeIfFinished(jobId: string, now: Date): Promise<Job | undefined> {
      const job = await this.get(jobId);
      if (!job || job.status !== 'running' || !job.expanded || job.done + job.skipped + job.failed < job.total) return job;
      const status = job.failed ? 'done_with_failures' : 'done';
      try {
        await db.write({ update: keys.job(jobId), set: { status, finishedAt: now.toISOString() }, guard: guards.equals({ status: 'running' }) });
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
      }
      return { ...job, status, finishedAt: now.toISOString() };
    },
  };
}
export type JobRepository = ReturnType<typeof jobRepository>;
