// Background jobs as the API shows them: one job per piece of bulk work (a campaign's invitations, a digest), with
// one item per recipient or row, and the counts people watch ("Einladungen: 180 von 240 versendet, 2 fehlgeschlagen").
import { ulid } from '../ids.ts';
import * as z from 'zod/mini';
import type { Actor } from '../audit/entry.ts';
import { id, isoDateTime, pageQuery } from '../schema-kit.ts';

export const JOB_KINDS = [
  'campaign-invitations',
  'campaign-reminders',
  'meeting-invitations',
  'meeting-updates',
  'meeting-cancellations',
  'report-digest',
  'report-resend',
  'company-import',
  'case-import',
  'offer-import',
  'measure-step',
  'measure-plan',
  'event-mails',
  'newsletter-mails',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['running', 'done', 'done_with_failures'] as const;
/** `staged`: written by the request before its job (a job whose rows come with the request, like an import). */
export const ITEM_STATES = ['staged', 'pending', 'working', 'retry', 'done', 'skipped', 'failed'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** What the job is about: the record where it was started and where its progress shows. */
export const JobSubject = z.object({
  type: z.enum(['campaign', 'meeting', 'report', 'company-import', 'case-import', 'offer-import', 'measure', 'event', 'newsletter']),
  id: z.string(),
});
export type JobSubject = z.infer<typeof JobSubject>;

const count = z.number().check(z.int()).check(z.gte(0));

export const Job = z
  .object({
    id: z.string(),
    kind: z.enum(JOB_KINDS),
    subject: JobSubject,
    /** A German line for lists: "Einladungen zu „Fachkräftebedarf Herbst 2026“". */
    title: z.string(),
    status: z.enum(JOB_STATUSES),
    /** Items written so far; the job is complete when done + skipped + failed reaches it and `expanded` is set. */
    total: count,
    done: count,
    skipped: count,
    failed: count,
    /** Whether every item has been written (large jobs write their items in chunks after the start). */
    expanded: z.boolean(),
    /** What the kind needs to find its items (company ids to remind, a day not to remind twice). */
    params: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    createdAt: isoDateTime,
    createdBy: z.string(),
    finishedAt: z.optional(isoDateTime),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Job' });
export type Job = z.infer<typeof Job>;

export const JobItem = z
  .object({
    jobId: z.string(),
    /** The recipient or row the item stands for (a company id). */
    key: z.string(),
    label: z.string(),
    state: z.enum(ITEM_STATES),
    attempts: count,
    lastError: z.optional(z.string()),
    retryAt: z.optional(isoDateTime),
    /** When the item's mail was handed over (kinds without a record of their own mark it here, so a retry does not mail twice). */
    sentAt: z.optional(isoDateTime),
    updatedAt: isoDateTime,
  })
  .clone()
  .register(z.globalRegistry, { id: 'JobItem' });
export type JobItem = z.infer<typeof JobItem>;

/** A new job as the request that starts the work writes it (its items follow from the stream). */
export function newJob(o: { kind: JobKind; subject: JobSubject; title: string; params?: Job['params']; actor: Actor; now: Date }): Job {
  return {
    id: ulid(o.now.getTime()),
    kind: o.kind,
    subject: o.subject,
    title: o.title,
    status: 'running',
    total: 0,
    done: 0,
    skipped: 0,
    failed: 0,
    expanded: false,
    params: o.params ?? {},
    createdAt: o.now.toISOString(),
    createdBy: o.actor.email || o.actor.id,
  };
}

export const JobListQuery = z
  .strictObject({
    subjectType: z.optional(JobSubject.shape.type),
    subjectId: z.optional(
      z
        .string()
        .check(z.maxLength(40))
        .check(z.regex(/^[0-9A-Za-z-]+$/, 'keine gültige ID')),
    ),
    ...pageQuery,
  })
  .check(z.refine((q) => Boolean(q.subjectType) === Boolean(q.subjectId), { path: ['subjectId'], message: 'Art und ID des Eintrags gehören zusammen' }))
  .clone()
  .register(z.globalRegistry, { id: 'JobListQuery' });
export type JobListQuery = z.infer<typeof JobListQuery>;

export const JobItemListQuery = z
  .strictObject({ state: z.optional(z.enum(ITEM_STATES)), ...pageQuery })
  .clone()
  .register(z.globalRegistry, { id: 'JobItemListQuery' });
export type JobItemListQuery = z.infer<typeof JobItemListQuery>;

/** A job's id in a path. */
export const JobId = id;

/** The answer to a spreadsheet import: what was read, what is wrong per row, and the job that writes it. */
export const ImportReport = z
  .object({
    rows: z.number().check(z.int()).check(z.gte(0)),
    valid: z.number().check(z.int()).check(z.gte(0)),
    errors: z.array(z.object({ row: z.number().check(z.int()), field: z.string(), reason: z.string() })),
    /** Rows taken for import (0 for a dry run or a file with errors); the job writes them. */
    imported: z.number().check(z.int()).check(z.gte(0)),
    jobId: z.optional(z.string()).clone().register(z.globalRegistry, { description: 'der Auftrag, der die Zeilen im Hintergrund schreibt' }),
  })
  .clone()
  .register(z.globalRegistry, { id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;
