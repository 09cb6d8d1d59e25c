// The job worker on this test file's table: the real table stream of DynamoDB Local, read by the local stream runner
// and handed to the worker Lambda's code, as `npm start` does. Tests wait for a job to end before they look at its mail.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { matchesJobFilter } from '#functions/jobs/stream.ts';
import { jobRepository } from '#shared/jobs/repository.ts';
import type { Job } from '#shared/jobs/schema.ts';
import { database } from '#functions/clients.ts';
import { startStreamRunner } from '#local/streams.ts';

let runner: ReturnType<typeof startStreamRunner> | undefined;
afterAll(() => runner?.stop());
/** One checkpoint per test file: a worker started again goes on where the last one stopped. */
let checkpointPath: string | undefined;

/** Starts the worker once per test file (stopped after the file). */
export async function startJobWorker() {
  if (runner) return runner;
  const { processBatch } = await import('#functions/jobs/worker/handler.ts');
  runner = startStreamRunner({
    endpoint: inject('dynamoEndpoint'),
    tableName: database().tableName,
    checkpointPath: (checkpointPath ??= join(mkdtempSync(join(tmpdir(), 'amon-worker-')), 'checkpoints.json')),
    filter: matchesJobFilter,
    handle: (batch, signal) => processBatch(batch, signal),
    pollMs: 50,
  });
  return runner;
}

/**
 * Stops the worker (the next jobEnded starts it again from its checkpoint). For tests that load the table hard: in
 * AWS the worker runs in a Lambda of its own, not on the same two cores as the requests under test.
 */
export async function stopJobWorker() {
  const stopping = runner;
  runner = undefined;
  await stopping?.stop();
}

/** Waits until the job has ended (the worker did every item) and answers it. */
export async function jobEnded(id: string, timeoutMs = 60_000): Promise<Job> {
  await startJobWorker();
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobRepository(database()).get(id);
    if (job && job.status !== 'running') return job;
    if (Date.now() > end) throw new Error(`job ${id} did not end: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `check` holds (polling every 50 ms), or fails after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
