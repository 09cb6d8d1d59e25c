// Background jobs as the API shows them: one job per piece of bulk work (a campaign's invitations, a digest), with
// one item per recipient or row, and the counts people watch ("Einladungen: 180 von 240 versendet, 2 fehlgeschlagen").
import { ulid } from '../ids.ts';
import * as z from 'zod';
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

const count = z.number().int().min(0);

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
    finishedAt: isoDateTime.optional(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof Job>;

export const JobItem = z
  .object({
    jobId: z.string(),
    /** The recipient or row the item stands for (a company id). */
    key: z.string(),
    label: z.string(),
    state: z.enum(ITEM_STATES),
    attempts: count,
    lastError: z.string().optional(),
    retryAt: isoDateTime.optional(),
    /** When the item's mail was handed over (kinds without a record of their own mark it here, so a retry does not mail twice). */
    sentAt: isoDateTime.optional(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'JobItem' });
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
    subjectType: JobSubject.shape.type.optional(),
    subjectId: z
      .string()
      .max(40)
      .regex(/^[0-9A-Za-z-]+$/, 'keine gültige ID')
      .optional(),
    ...pageQuery,
  })
  .refine((q) => Boolean(q.subjectType) === Boolean(q.subjectId), { path: ['subjectId'], message: 'Art und ID des Eintrags gehören zusammen' })
  .meta({ id: 'JobListQuery' });
export type JobListQuery = z.infer<typeof JobListQuery>;

export const JobItemListQuery = z.strictObject({ state: z.enum(ITEM_STATES).optional(), ...pageQuery }).meta({ id: 'JobItemListQuery' });
export type JobItemListQuery = z.infer<typeof JobItemListQuery>;

/** A job's id in a path. */
export const JobId = id;

/** The answer to a spreadsheet import: what was read, what is wrong per row, and the job that writes it. */
export const ImportReport = z
  .object({
    rows: z.number().int().min(0),
    valid: z.number().int().min(0),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string() })),
    /** Rows taken for import (0 for a dry run or a file with errors); the job writes them. */
    imported: z.number().int().min(0),
    jobId: z.string().optional().describe('der Auftrag, der die Zeilen im Hintergrund schreibt'),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;
