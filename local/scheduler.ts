// The local scheduler: runs each job at its cron in Europe/Berlin, as EventBridge Scheduler does in AWS.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Cron } from 'croner';
import type { Job } from '#functions/jobs.ts';
import { ZONE } from '#shared/time.ts';

type JobHandler = (event: { job: string; args: string[]; scheduledAt: string }) => Promise<unknown>;

export async function runJob(root: string, job: Job, args: string[] = [], at = new Date()): Promise<unknown> {
  const module = (await import(pathToFileURL(resolve(root, job.entry)).href)) as { handler: JobHandler };
  return module.handler({ job: job.name, args, scheduledAt: at.toISOString() });
}

export function startScheduler(root: string, jobs: Job[], log: (line: string) => void) {
  const crons = jobs.map(
    (job) =>
      new Cron(job.cron, { timezone: ZONE, protect: true, name: job.name }, async () => {
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
    next: () => crons.map((c) => ({ name: c.name, next: c.nextRun()?.toISOString() ?? null })),
    stop: () => crons.forEach((c) => c.stop()),
  };
}
