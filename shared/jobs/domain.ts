// Jobs for staff: the recent ones, those of one record, one job with its items, and sending failed items again.
import type { Actor } from '../audit/entry.ts';
import { NotFound } from '../errors.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { systemClock, type Clock } from '../time.ts';
import { jobRepository } from './repository.ts';
import type { Job, JobItemListQuery, JobListQuery } from './schema.ts';

export function jobsService(db: Db, clock: Clock = systemClock) {
  const repo = jobRepository(db);

  async function get(id: string): Promise<Job> {
    const job = await repo.get(id, false);
    if (!job) throw new NotFound('Der Auftrag wurde nicht gefunden.');
    return job;
  }

  return {
    get,

    list: (q: JobListQuery) =>
      q.subjectType && q.subjectId ? repo.ofSubject({ type: q.subjectType, id: q.subjectId }, q.cursor, q.limit) : repo.recent(q.cursor, q.limit),

    async items(id: string, q: JobItemListQuery) {
      await get(id);
      return repo.items(id, q.cursor, q.limit, q.state);
    },

    /** Sends the failed items again (all, or the one named): they run as new, with fresh attempts. */
    async retry(id: string, key: string | undefined, actor: Actor): Promise<Job> {
      await get(id);
      const now = clock();
      const count = await repo.retryFailed(id, now, key);
      if (count)
        await writeSet(db)
          .audit(actor, 'update', 'job', id, [`retried:${count}`], now)
          .commit();
      return (await repo.get(id))!;
    },
  };
}
