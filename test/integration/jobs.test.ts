// Background jobs on the real table stream of DynamoDB Local: a job written in a transaction writes its items, each
// item's work is done exactly once however often the stream delivers it (a restart reads from the checkpoint, a lost
// checkpoint from the start), a failed attempt waits and is tried again, and a job ends with its counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { database } from '#functions/clients.ts';
import { changeOf, matchesJobFilter } from '#functions/jobs/stream.ts';
import { jobEngine, MAX_ATTEMPTS, type JobKindHandler } from '#shared/jobs/engine.ts';
import { JOB_KINDS, newJob, type Job, type JobKind } from '#shared/jobs/schema.ts';
import { writeSet } from '#shared/table/write-set.ts';
import { keys as tableKeys } from '#shared/table/keys.ts';
import { JOB_KEPT_DAYS } from '#shared/jobs/repository.ts';
import { startStreamRunner, type StreamBatch } from '#local/streams.ts';
import { until } from '../support/jobs.ts';

const db = database();
const dir = mkdtempSync(join(tmpdir(), 'amon-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let now = new Date('2026-12-02T09:00:00Z');
const clock = () => now;
const tester = { id: 'tester', email: 'tester@amon.local', roles: [] };

/** A kind whose work is recorded: how often each key was done, and keys that fail their first attempts. */
function recordingKind(keys: string[], failing: Record<string, number> = {}) {
  const done = new Map<string, number>();
  const kind: JobKindHandler = {
    items: async () => keys.map((key) => ({ key, label: `Betrieb ${key}` })),
    perform: async (_job, item) => {
      if ((failing[item.key] ?? 0) >= item.attempts) throw new Error(`Mailserver nicht erreichbar (${item.key})`);
      done.set(item.key, (done.get(item.key) ?? 0) + 1);
      return 'done';
    },
  };
  return { kind, done };
}

/** The test's kind standing in for every kind (the engine wants them all). */
const everyKind = (kind: JobKindHandler) => Object.fromEntries(JOB_KINDS.map((k) => [k, kind])) as Record<JobKind, JobKindHandler>;

const aJob = (id: string): Job => ({
  ...newJob({ kind: 'campaign-invitations', subject: { type: 'campaign', id: `camp-${id}` }, title: 'Einladungen zu „Test“', actor: tester, now }),
  id,
});

function runner(engine: ReturnType<typeof jobEngine>, checkpointPath: string, jobId: string, batchSize = 100) {
  const handle = async (batch: StreamBatch) => {
    const failures: { itemIdentifier: string }[] = [];
    for (const record of batch.Records) {
      const change = changeOf(record);
      // Each runner only works on its own test's job: the stream holds every test file's records of this table.
      const id = change?.type === 'job' ? change.job.id : change?.item.jobId;
      if (!change || id !== jobId) continue;
      try {
        await engine.handle(change);
      } catch {
        failures.push({ itemIdentifier: record.dynamodb!.SequenceNumber! });
        break;
      }
    }
    return { batchItemFailures: failures };
  };
  return startStreamRunner({
    endpoint: inject('dynamoEndpoint'),
    tableName: db.tableName,
    checkpointPath,
    filter: matchesJobFilter,
    handle,
    pollMs: 50,
    batchSize,
  });
}

describe('background jobs on the table stream', () => {
  it('a job written in a transaction writes its 240 items, and each is done exactly once', async () => {
    const keys = Array.from({ length: 240 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const { kind, done } = recordingKind(keys);
    const engine = jobEngine(db, everyKind(kind), clock);
    const job = aJob('J240');
    const r = runner(engine, join(dir, 'a.json'), job.id);
    await engine.repo.start(job, writeSet(db)).commit();
    await until(async () => (await engine.repo.get(job.id))?.status === 'done');
    await r.stop();
    expect(await engine.repo.get(job.id)).toMatchObject({ total: 240, done: 240, failed: 0, skipped: 0, expanded: true, status: 'done' });
    expect(done.size).toBe(240);
    // Ended jobs and their items (which name companies and contacts) expire by TTL after JOB_KEPT_DAYS.
    const expires = (key: { pk: string; sk: string }) => db.get(key, true).then((i) => Number(i?.expiresAt));
    const kept = now.getTime() / 1000 + JOB_KEPT_DAYS * 86_400;
    expect(await expires(tableKeys.job(job.id))).toBeCloseTo(kept, -1);
    expect(await expires(tableKeys.jobItem(job.id, 'c000'))).toBeCloseTo(kept, -1);
    expect([...done.values()].every((n) => n === 1)).toBe(true);
  });

  it('a job reads as ended only after its kind has summed the work up: whoever sees it done finds the summary', async () => {
    const { kind } = recordingKind(['s1', 's2', 's3']);
    let summarized = 0;
    // A summary that takes a while (the digest's recount of its deliveries), written where the job's readers look.
    kind.ended = async () => {
      await new Promise((r) => setTimeout(r, 300));
      summarized += 1;
    };
    const engine = jobEngine(db, everyKind(kind), clock);
    const job = aJob('JSUM');
    await engine.repo.start(job, writeSet(db)).commit();
    const ending = engine.runToEnd(job);
    await until(async () => (await engine.repo.get(job.id))?.status !== 'running', 10_000);
    expect(summarized).toBe(1);
    expect(await ending).toMatchObject({ status: 'done', done: 3 });
  });

  it('stopped half-way and started again from its checkpoint, or from the start when the checkpoint is lost, no item is done twice', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `r${i}`);
    const { kind, done } = recordingKind(keys);
    const engine = jobEngine(db, everyKind(kind), clock);
    const job = aJob('JRESTART');
    // Small batches, so the stop lands in the middle of the job.
    const first = runner(engine, join(dir, 'b.json'), job.id, 5);
    await engine.repo.start(job, writeSet(db)).commit();
    await until(async () => done.size >= 20);
    await first.stop();
    const part = done.size;
    expect(part).toBeLessThan(60);
    // Started again on the same checkpoint: it goes on.
    const second = runner(engine, join(dir, 'b.json'), job.id);
    await until(async () => (await engine.repo.get(job.id))?.status === 'done');
    await second.stop();
    // Started once more without a checkpoint: every record of the stream comes again, and nothing is done again.
    const third = runner(engine, join(dir, 'lost.json'), job.id);
    await third.settled();
    await third.stop();
    expect(done.size).toBe(60);
    expect([...done.values()].every((n) => n === 1)).toBe(true);
  });

  it('a failed attempt waits with its reason and is tried again; one that keeps failing ends failed, with the reason', async () => {
    const { kind, done } = recordingKind(['ok', 'flaky', 'broken'], { flaky: 1, broken: MAX_ATTEMPTS });
    const engine = jobEngine(db, everyKind(kind), clock);
    const job = aJob('JRETRY');
    const r = runner(engine, join(dir, 'c.json'), job.id);
    await engine.repo.start(job, writeSet(db)).commit();
    await until(async () => (await engine.repo.item(job.id, 'flaky'))?.state === 'retry' && (await engine.repo.item(job.id, 'broken'))?.state === 'retry');
    expect(await engine.repo.item(job.id, 'flaky')).toMatchObject({ attempts: 1, lastError: 'Mailserver nicht erreichbar (flaky)' });
    // Nothing is due before the wait is over.
    expect(await engine.requeueDue()).toBe(0);
    for (let round = 0; round < MAX_ATTEMPTS; round += 1) {
      now = new Date(now.getTime() + 3_600_000);
      await engine.requeueDue();
      await until(async () => !['pending', 'working'].includes((await engine.repo.item(job.id, 'broken'))!.state));
    }
    await until(async () => (await engine.repo.get(job.id))?.status !== 'running');
    await r.stop();
    expect(done.get('flaky')).toBe(1);
    expect(done.has('broken')).toBe(false);
    expect(await engine.repo.item(job.id, 'broken')).toMatchObject({
      state: 'failed',
      attempts: MAX_ATTEMPTS,
      lastError: 'Mailserver nicht erreichbar (broken)',
    });
    expect(await engine.repo.get(job.id)).toMatchObject({ total: 3, done: 2, failed: 1, status: 'done_with_failures' });
    expect((await engine.repo.items(job.id, undefined, 10, 'failed')).items.map((i) => i.key)).toEqual(['broken']);
  });

  it('a job the stream delivers again after its work is done keeps its total and its end (items are chosen once)', async () => {
    // Like the invitations kind: the items are what is still to do, so a second look finds fewer.
    const keys = ['x1', 'x2', 'x3', 'x4'];
    const { kind: base, done } = recordingKind(keys);
    const kind: JobKindHandler = { ...base, items: async () => keys.filter((k) => !done.has(k)).map((key) => ({ key, label: key })) };
    const engine = jobEngine(db, everyKind(kind), clock);
    const job = aJob('JREPLAY');
    const r = runner(engine, join(dir, 'replay.json'), job.id);
    await engine.repo.start(job, writeSet(db)).commit();
    await until(async () => (await engine.repo.get(job.id))?.status === 'done');
    await r.stop();
    // The job's insert comes once more (a retried batch, a stream read from its start).
    await engine.handle({ type: 'job', job, isNew: true });
    expect(await engine.repo.get(job.id)).toMatchObject({ total: 4, done: 4, status: 'done' });
    expect(done.size).toBe(4);
  });
});
