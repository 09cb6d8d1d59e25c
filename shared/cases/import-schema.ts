// The case import's request and answer, for API, admin and OpenAPI: three tables of cells keyed by field (the admin
// maps the file's columns and status words first), and a report per table, row and field.
import * as z from 'zod';
import { CASE_IMPORT_LIMITS, IMPORT_FIELDS, IMPORT_SHEETS, type ImportSheet } from './import-columns.ts';

const cell = z.union([z.string().max(4000, 'höchstens 4000 Zeichen'), z.number(), z.boolean()]);
const fieldsOf = (sheet: ImportSheet) => IMPORT_FIELDS[sheet].map((f) => f.field) as [string, ...string[]];
/** One row: a cell per mapped field; a field the table does not have is refused by name. */
const row = (sheet: ImportSheet) => z.partialRecord(z.enum(fieldsOf(sheet)), cell);

export const CaseImportInput = z
  .strictObject({
    dryRun: z.boolean(),
    /** Rows whose person already has a case (same name and birth date) are left out instead of stopping the import. */
    skipDuplicates: z.boolean().default(false),
    /** The counsellor of every case whose row names none. */
    counsellorId: z.string().min(1).max(64),
    cases: z.array(row('cases')).min(1, 'die Fall-Tabelle ist leer').max(CASE_IMPORT_LIMITS.cases, `höchstens ${CASE_IMPORT_LIMITS.cases} Fälle je Import`),
    sessions: z.array(row('sessions')).max(CASE_IMPORT_LIMITS.sessions, `höchstens ${CASE_IMPORT_LIMITS.sessions} Beratungstermine je Import`).default([]),
    modules: z.array(row('modules')).max(CASE_IMPORT_LIMITS.modules, `höchstens ${CASE_IMPORT_LIMITS.modules} Bausteine je Import`).default([]),
  })
  .meta({ id: 'CaseImportInput' });
export type CaseImportInput = z.infer<typeof CaseImportInput>;

export const CaseImportProblem = z.object({
  sheet: z.enum(IMPORT_SHEETS),
  /** The row in the file (the first data row is 2, under the heads). */
  row: z.number().int(),
  field: z.string(),
  reason: z.string(),
});
export type CaseImportProblem = z.infer<typeof CaseImportProblem>;

export const CaseImportReport = z
  .object({
    rows: z.object({ cases: z.number().int(), sessions: z.number().int(), modules: z.number().int() }),
    /** Case rows without a problem (their sessions and modules included). */
    valid: z.number().int(),
    /** The first 500 problems; `problems` counts them all. */
    errors: z.array(CaseImportProblem),
    problems: z.number().int(),
    /** Case rows whose person already has a case: the row and that case's number (never the name). */
    duplicates: z.array(z.object({ row: z.number().int(), number: z.string() })),
    /** Cases taken for import (0 for a dry run or a file with problems); the job writes them. */
    imported: z.number().int(),
    /** Duplicate rows left out. */
    skipped: z.number().int(),
    jobId: z.string().optional().describe('der Auftrag, der die Fälle im Hintergrund schreibt'),
  })
  .meta({ id: 'CaseImportReport' });
export type CaseImportReport = z.infer<typeof CaseImportReport>;
