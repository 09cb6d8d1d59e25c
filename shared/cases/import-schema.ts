// The case import's request and answer, for API, admin and OpenAPI: three tables of cells keyed by field (the admin
// maps the file's columns and status words first), and a report per table, row and field.
import * as z from 'zod/mini';
import { CASE_IMPORT_LIMITS, IMPORT_FIELDS, IMPORT_SHEETS, type ImportSheet } from './import-columns.ts';

const cell = z.union([z.string().check(z.maxLength(4000, 'höchstens 4000 Zeichen')), z.number(), z.boolean()]);
const fieldsOf = (sheet: ImportSheet) => IMPORT_FIELDS[sheet].map((f) => f.field) as [string, ...string[]];
/** One row: a cell per mapped field; a field the table does not have is refused by name. */
const row = (sheet: ImportSheet) => z.partialRecord(z.enum(fieldsOf(sheet)), cell);

export const CaseImportInput = z
  .strictObject({
    dryRun: z.boolean(),
    /** Rows whose person already has a case (same name and birth date) are left out instead of stopping the import. */
    skipDuplicates: z._default(z.boolean(), false),
    /** The counsellor of every case whose row names none. */
    counsellorId: z.string().check(z.minLength(1)).check(z.maxLength(64)),
    cases: z
      .array(row('cases'))
      .check(z.minLength(1, 'die Fall-Tabelle ist leer'))
      .check(z.maxLength(CASE_IMPORT_LIMITS.cases, `höchstens ${CASE_IMPORT_LIMITS.cases} Fälle je Import`)),
    sessions: z._default(
      z.array(row('sessions')).check(z.maxLength(CASE_IMPORT_LIMITS.sessions, `höchstens ${CASE_IMPORT_LIMITS.sessions} Beratungstermine je Import`)),
      [],
    ),
    modules: z._default(
      z.array(row('modules')).check(z.maxLength(CASE_IMPORT_LIMITS.modules, `höchstens ${CASE_IMPORT_LIMITS.modules} Bausteine je Import`)),
      [],
    ),
  })
  .clone()
  .register(z.globalRegistry, { id: 'CaseImportInput' });
export type CaseImportInput = z.infer<typeof CaseImportInput>;

export const CaseImportProblem = z.object({
  sheet: z.enum(IMPORT_SHEETS),
  /** The row in the file (the first data row is 2, under the heads). */
  row: z.number().check(z.int()),
  field: z.string(),
  reason: z.string(),
});
export type CaseImportProblem = z.infer<typeof CaseImportProblem>;

export const CaseImportReport = z
  .object({
    rows: z.object({ cases: z.number().check(z.int()), sessions: z.number().check(z.int()), modules: z.number().check(z.int()) }),
    /** Case rows without a problem (their sessions and modules included). */
    valid: z.number().check(z.int()),
    /** The first 500 problems; `problems` counts them all. */
    errors: z.array(CaseImportProblem),
    problems: z.number().check(z.int()),
    /** Case rows whose person already has a case: the row and that case's number (never the name). */
    duplicates: z.array(z.object({ row: z.number().check(z.int()), number: z.string() })),
    /** Cases taken for import (0 for a dry run or a file with problems); the job writes them. */
    imported: z.number().check(z.int()),
    /** Duplicate rows left out. */
    skipped: z.number().check(z.int()),
    jobId: z.optional(z.string()).clone().register(z.globalRegistry, { description: 'der Auftrag, der die Fälle im Hintergrund schreibt' }),
  })
  .clone()
  .register(z.globalRegistry, { id: 'CaseImportReport' });
export type CaseImportReport = z.infer<typeof CaseImportReport>;
