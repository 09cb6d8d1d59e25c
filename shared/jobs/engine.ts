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
};

/** A change the table stream reports: a job or a job item, as it is now. */
export type JobChange = { type: 'job'; job: Job; isNew: boolean } | { type: 'item'; item: JobItem };

/** The error of an attempt that should not be tried again (the data is wrong, not the weather). */
export class Permanent extends Error {}

export function jobEngine(db: Db, kinds: Record<JobKind, JobKindHandler>, clock: Clock = systemClock) {
  const repo = jobRepository(db);

  async function runItem(item: JobItem): Promise<void> {
    if (item.state !== 'pending') return;
    if (!(await repo.claim(item, clock()))) return;
    const job = await repo.get(item.jobId);
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
    await repo.completeIfFinished(item.jobId, clock());
  }

  return {
    repo,

    /** Handles one change from the stream; safe to run again for the same change. */
    async handle(change: JobChange): Promise<void> {
      if (change.type === 'job') {
        if (change.isNew || !change.job.expanded) {
          await repo.expand(change.job, await kinds[change.job.kind].items(change.job), clock());
          await repo.completeIfFinished(change.job.id, clock());
        }
        return;
      }
      await runItem(change.item);
    },

    /** The job-retries schedule: items whose wait is over go back to pending, and the stream runs them again. */
    async requeueDue(): Promise<number> {
      const due = await repo.dueRetries(clock());
      for (const item of due) await repo.requeue(item, clock());
      return due.length;
    },
  };
}
export type JobEngine = ReturnType<typeof jobEngine>;
