// How background work runs: a new job writes its items, and each pending item is claimed, done once, and ended
// as done, skipped or failed; a failed attempt waits with backoff and tries again, up to MAX_ATTEMPTS.
import type { Db } from '../table/port.ts';
import { systemClock, type Clock } from '../time.ts';
import { jobRepository } from './repository.ts';
import type { Job, JobItem, JobKind } from './schema.ts';

/** Attempts of one item before it is failed with its reason. */
export const MAX_ATTEMPTS = 5;

/** Waits before the next attempt: 30 s, 2 min, 8 min, 32 min (capped at an hour). */
export const backoffMs = (attempts: number) => Math.min(3_600_000, 30_000 * 4 ** Math.max(0, attempts - 1));

/** What one kind of job does: which items it has, and the work of one item. */
export type JobKindHandler = {
  items(job: Job): Promise<{ key: string; label: string }[]>;
  /** Does the item's work once; 'skipped' when there is nothing to do any more (answered meanwhile, removed). */
  perform(job: Job, item: JobItem): Promise<'done' | 'skipped'>;
  /**
   * When the last item has ended (again, after failed items were sent again), before the job reads as ended: sums the
   * work up on its record. It may run twice for one end (two workers ending the last items together): a recount.
   */
  ended?(job: Job): Promise<void>;
};

/** A change the table stream reports: a job or a job item, as it is now. */
export type JobChange = { type: 'job'; job: Job; isNew: boolean } | { type: 'item'; item: JobItem };

/** The error of an attempt that should not be tried again (the data is wrong, not the weather). */
export class Permanent extends Error {}

/** Jobs whose unchanging part (kind, subject, payload, who started it) a worker keeps between items. */
const JOBS_KEPT = 50;

export function jobEngine(db: Db, kinds: Record<JobKind, JobKindHandler>, clock: Clock = systemClock) {
  const repo = jobRepository(db);
  const known = new Map<string, Job>();

  /**
   * The job an item belongs to, read once per worker: what an item's work uses of it never changes after the job is
   * written (its counters and status do, and are read fresh where they count).
   */
  async function jobOf(id: string): Promise<Job | undefined> {
    const kept = known.get(id);
    if (kept) return kept;
    const job = await repo.get(id);
    if (!job) return undefined;
    if (known.size >= JOBS_KEPT) known.delete(known.keys().next().value!);
    known.set(id, job);
    return job;
  }

  async function runItem(item: JobItem): Promise<void> {
    if (item.state !== 'pending') return;
    if (!(await repo.claim(item, clock()))) return;
    const job = await jobOf(item.jobId);
    if (!job) return;
    const attempt = { ...item, state: 'working' as const, attempts: item.attempts + 1 };
    try {
      const outcome = await kinds[job.kind].perform(job, attempt);
      await repo.finish(attempt, outcome, clock());
    } catch (error) {
      const reason = (error as Error).message.slice(0, 300) || 'unbekannter Fehler';
      if (error instanceof Permanent || attempt.attempts >= MAX_ATTEMPTS) await repo.finish(attempt, 'failed', clock(), reason);
      else await repo.retryLater(attempt, new Date(clock().getTime() + backoffMs(attempt.attempts)), reason, clock());
    }
    await complete(item.jobId);
  }

  /**
   * Ends the job if its last item has ended. Its kind sums the work up first, so whoever sees the job ended (the
   * admin's progress, a test) finds the summary; two workers ending the last items together may both sum up, which is
   * why a summary is a recount.
   */
  async function complete(jobId: string): Promise<Job | undefined> {
    const current = await repo.get(jobId);
    if (!current || current.status !== 'running' || !current.expanded || current.done + current.skipped + current.failed < current.total) return current;
    await kinds[current.kind].ended?.(current);
    return (await repo.completeIfFinished(jobId, clock())).job;
  }

  return {
    repo,

    /** Handles one change from the stream; safe to run again for the same change. */
    async handle(change: JobChange): Promise<void> {
      if (change.type === 'job') {
        if (!change.isNew && change.job.expanded) return;
        // The stream may bring the insert again after the work is done; the items are chosen once, by the first.
        const current = await repo.get(change.job.id);
        if (!current) return;
        // A job written with its items (an import) hands them to the worker now.
        if (current.expanded) return void (change.isNew && (await repo.release(current.id, clock())));
        await repo.expand(current, await kinds[current.kind].items(current), clock());
        await complete(current.id);
        return;
      }
      await runItem(change.item);
    },

    requeueDue: () => requeueDue(db, clock),

    /**
     * Does a job to its end here and now, without the stream: only for the demo seed, which writes months of history
     * before anything runs (the stream then finds every item ended and does nothing).
     */
    async runToEnd(job: Job): Promise<Job | undefined> {
      await this.handle({ type: 'job', job, isNew: true });
      for (const item of await repo.allItems(job.id)) await runItem(item);
      return complete(job.id);
    },
  };
}
export type JobEngine = ReturnType<typeof jobEngine>;

/**
 * The job-retries schedule: items whose wait is over, and attempts whose lease ran out (a killed worker), go back to
 * pending, and the stream hands them to the worker again. Answers how many were put back.
 */
export async function requeueDue(db: Db, clock: Clock = systemClock): Promise<number> {
  const repo = jobRepository(db);
  let requeued = 0;
  for (const item of await repo.dueRetries(clock())) if (await repo.requeue(item, clock())) requeued += 1;
  return requeued;
}
