// The local scheduler: runs each job at its cron in Europe/Berlin, as EventBridge Scheduler does in AWS.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Cron } from 'croner';
import type { Job } from '#functions/jobs.ts';
import { berlinWall, ZONE } from '#shared/time.ts';

type JobHandler = (event: { job: string; args: string[]; scheduledAt: string }) => Promise<unknown>;

export async function runJob(root: string, job: Job, args: string[] = [], at = new Date()): Promise<unknown> {
  const module = (await import(pathToFileURL(resolve(root, job.entry)).href)) as { handler: JobHandler };
  return module.handler({ job: job.name, args, scheduledAt: at.toISOString() });
}

/**
 * Runs each job at its cron. A run that falls due before `after` has settled (the demo seed, on its scripted clock)
 * waits for it: the seed's history must not meet a retention run or the job retries in the middle.
 */
export function startScheduler(root: string, jobs: Job[], log: (line: string) => void, after: Promise<unknown> = Promise.resolve()) {
  const crons = jobs.map(
    (job) =>
      new Cron(job.cron, { timezone: ZONE, protect: true, name: job.name }, async () => {
        await after.catch(() => undefined);
        if (!job.quiet) log(`job ${job.name} started`);
        try {
          await runJob(root, job);
          if (!job.quiet) log(`job ${job.name} finished`);
        } catch (error) {
          log(`job ${job.name} failed: ${(error as Error).message}`);
        }
      }),
  );
  return {
    /** Each job's next run as Berlin wall-clock time ("2027-01-01 06:00"), as the terminal shows it. */
    next: () =>
      crons.map((c) => {
        const at = c.nextRun();
        return { name: c.name, next: at ? berlinWall(at).replace('T', ' ') : null };
      }),
    stop: () => crons.forEach((c) => c.stop()),
  };
}
