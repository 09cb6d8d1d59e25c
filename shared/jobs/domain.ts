// Jobs for staff: the recent ones, those of one record, one job with its items, and sending failed items again.
import type { Actor } from '../audit/entry.ts';
import { Forbidden, NotFound } from '../errors.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { systemClock, type Clock } from '../time.ts';
import { jobRepository } from './repository.ts';
import type { Job, JobItemListQuery, JobListQuery, JobSubject } from './schema.ts';

/** Counsellors see the jobs of group measures only (they run them); admins and coordinators see every job. */
const COUNSELLOR_SUBJECTS: readonly JobSubject['type'][] = ['measure'];
const seesAll = (actor: Actor) => actor.roles.some((r) => r === 'admin' || r === 'coordinator');

export function jobsService(db: Db, clock: Clock = systemClock) {
  const repo = jobRepository(db);

  async function get(id: string, actor: Actor): Promise<Job> {
    const job = await repo.get(id, false);
    if (!job || (!seesAll(actor) && !COUNSELLOR_SUBJECTS.includes(job.subject.type))) throw new NotFound('Der Auftrag wurde nicht gefunden.');
    return job;
  }

  return {
    get,

    list: (q: JobListQuery, actor: Actor) => {
      if (!seesAll(actor) && !(q.subjectType && q.subjectId && COUNSELLOR_SUBJECTS.includes(q.subjectType))) {
        throw new Forbidden('Aufträge sehen Sie bei der Gruppenmaßnahme, die Sie führen.');
      }
      return q.subjectType && q.subjectId ? repo.ofSubject({ type: q.subjectType, id: q.subjectId }, q.cursor, q.limit) : repo.recent(q.cursor, q.limit);
    },

    async items(id: string, q: JobItemListQuery, actor: Actor) {
      await get(id, actor);
      return repo.items(id, q.cursor, q.limit, q.state);
    },

    /** Sends the failed items again (all, or the one named): they run as new, with fresh attempts. */
    async retry(id: string, key: string | undefined, actor: Actor): Promise<Job> {
      await get(id, actor);
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
