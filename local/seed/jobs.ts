// The demo seed's background work: the seed writes months of history on a scripted clock before anything runs, so
// it does each job it starts at once, with the worker's own kinds (the stream later finds every item ended).
import { jobKinds } from '#functions/jobs/worker/kinds.ts';
import { digestSetup, reportStore } from '#functions/reports/store.ts';
import type { MailTransport } from '#shared/email/message.ts';
import { jobEngine } from '#shared/jobs/engine.ts';
import { jobRepository } from '#shared/jobs/repository.ts';
import type { Db } from '#shared/table/access.ts';
import type { Clock } from '#shared/time.ts';

/**
 * The jobs the seed runs itself. The local stream runner holds the stream's job records while the seed runs (the
 * product answers meanwhile) and then leaves these out, so the worker neither races the seed for their items nor spends
 * a claim on each of them.
 */
export const SEED_JOBS = new Set<string>();

/** Who the demo's meeting mails come from. */
export const DEMO_ORGANIZER = { name: 'amoN Koordination', email: 'koordination@amon.local' };

/** Runs a job (by id, as the command answered it) to its end, mailing through `transport`. */
export function seedJobRunner(db: Db, transport: MailTransport, siteUrl: string, clock: Clock) {
  const deps = {
    surveyMail: { transport, siteUrl },
    meetingMail: { transport, organizer: DEMO_ORGANIZER },
    digest: { store: reportStore(), setup: () => digestSetup(transport) },
  };
  const engine = jobEngine(db, jobKinds(db, deps, clock), clock);
  return async (id: string | undefined): Promise<void> => {
    if (id) SEED_JOBS.add(id);
    const job = id && (await jobRepository(db).get(id));
    if (job) await engine.runToEnd(job);
  };
}
