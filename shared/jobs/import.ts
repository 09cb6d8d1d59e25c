// Spreadsheet imports as background work, for every list that is imported (companies, a provider's offers): every row
// is checked first and reported with its row number and field; only a file without errors is taken, all or nothing.
// Its rows wait under the job as staged items, and the job, written last, is the commit point: a request that dies
// before it leaves nothing behind (the staged rows expire), and once it is written the worker writes every row.
import type * as z from 'zod/mini';
import type { Actor } from '../audit/entry.ts';
import { Conflict } from '../errors.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { jobRepository } from './repository.ts';
import { newJob, type ImportReport, type Job, type JobKind, type JobSubject } from './schema.ts';

type RowError = ImportReport['errors'][number];

/** Each row checked with the schema: the valid ones parsed, the wrong ones reported (row 2 is the sheet's first data row). */
export function checkRows<S extends z.ZodMiniType>(rows: Record<string, unknown>[], schema: S, extra: Record<string, unknown> = {}) {
  const errors: RowError[] = [];
  const valid: z.infer<S>[] = [];
  rows.forEach((row, i) => {
    const cleaned = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '' && v !== null && v !== undefined));
    const parsed = schema.safeParse({ ...cleaned, ...extra });
    if (parsed.success) valid.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors.push({
          row: i + 2,
          field: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.'),
          reason: issue.code === 'unrecognized_keys' ? 'unbekannte Spalte' : issue.message,
        });
  });
  return { valid, errors };
}

/** Stages the records under a new import job and writes the job with its audit entry (the commit point). */
export async function startImport(
  db: Db,
  spec: {
    kind: JobKind & `${string}-import`;
    title: string;
    records: { key: string; label: string; payload: Record<string, unknown> }[];
    actor: Actor;
    now: Date;
  },
): Promise<string> {
  const { kind, title, records, actor, now } = spec;
  const subjectType = kind as JobSubject['type'];
  const job = newJob({ kind, subject: { type: subjectType, id: '' }, title, actor, now });
  const started: Job = { ...job, subject: { type: subjectType, id: job.id }, total: records.length, expanded: true };
  const jobs = jobRepository(db);
  await jobs.stage(job.id, records, now);
  const change = writeSet(db).audit(actor, 'create', kind, job.id, [`rows:${records.length}`], now);
  jobs.start(started, change);
  await change.commit();
  return job.id;
}

/**
 * The worker's side of an import: the row the item carries is written by `write`, which only a missing record passes
 * (a Conflict means an earlier attempt wrote it). Once written the row goes from the item, so a later attempt finds
 * the record instead.
 */
export async function performImportRow<T>(
  db: Db,
  jobId: string,
  item: { key: string; payload?: unknown },
  write: (row: T) => Promise<unknown>,
  exists: (key: string) => Promise<boolean>,
): Promise<'done' | 'skipped'> {
  const row = (item.payload as T | undefined) ?? ((await jobRepository(db).rawItem(jobId, item.key))?.payload as T | undefined);
  if (!row) return (await exists(item.key)) ? 'done' : 'skipped';
  try {
    await write(row);
  } catch (error) {
    if (error instanceof Conflict) return 'done';
    throw error;
  }
  return 'done';
}
