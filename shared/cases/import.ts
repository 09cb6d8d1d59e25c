// Adopting an old database: cases with their counselling sessions and plan modules from a spreadsheet. Every row of
// every table is checked first and each problem reported by table, row and field; a person who already has a case
// (same name and birth date) is named by that case's number. Only a file without problems is taken, all or nothing:
// the request reserves the case numbers and stages one job item per case, and the worker writes each case with its
// history, sessions, modules and exam, its audit entry and the counters in one transaction.
import type { Actor } from '../audit/entry.ts';
import { Invalid } from '../errors.ts';
import { ulid } from '../ids.ts';
import { startImport } from '../jobs/import.ts';
import { SHIPPED_OCCUPATIONS } from '../occupations/catalogue.ts';
import { occupationId } from '../occupations/domain.ts';
import type { Db, Item } from '../table/port.ts';
import { berlinDate, berlinInstant, berlinMonth, systemClock, type Clock } from '../time.ts';
import { foldForSearch } from '../text.ts';
import { assertAllowedWithoutConsent, consentGiven } from './consent.ts';
import { casesService } from './domain.ts';
import { statusCounterDeltas } from './facts.ts';
import {
  CASE_IMPORT_LIMITS,
  fold,
  IMPORT_FIELDS,
  readBoolean,
  readDate,
  readEnum,
  readInteger,
  readScopes,
  type Cell,
  type ImportField,
  type ImportSheet,
  type Read,
} from './import-columns.ts';
import type { CaseImportInput, CaseImportProblem, CaseImportReport } from './import-schema.ts';
import { checkMove, CLOSED, STAGES } from './lifecycle.ts';
import { nextFollowUp } from './children.ts';
import type { CaseAggregate, HistoryEntry } from './repository.ts';
import { ModuleInput, Participant, SessionInput, type CaseRecord, type CaseStatus, type Consent, type TargetOccupation } from './schema.ts';

/** What the worker writes for one case: everything of it, ready to go into one transaction. */
export type ImportedCase = {
  record: CaseRecord;
  history: HistoryEntry & { id: string };
  sessions: Item[];
  modules: Item[];
  exam?: Item;
  counts: Record<string, number>;
  /** The fields the audit entry names. */
  fields: string[];
  actor: Actor;
};

type Row = Record<string, Cell>;
/** A case row as read: the values by field, and its row in the file. */
type ReadRow = { row: number; values: Record<string, unknown> };

const SHOWN_PROBLEMS = 500;

/** Each cell of a row read into its field's value; a cell that cannot be read is a problem of that field. */
function readRow(sheet: ImportSheet, row: Row, problem: (field: string, reason: string) => void): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of IMPORT_FIELDS[sheet]) {
    const raw = row[field.field];
    const cell = typeof raw === 'string' ? raw.trim() : raw;
    if (cell === undefined || cell === '') {
      if (field.required) problem(field.field, 'fehlt');
      continue;
    }
    const read = readCell(field, cell);
    if ('reason' in read) problem(field.field, read.reason);
    else values[field.field] = read.value;
  }
  return values;
}

function readCell(field: ImportField, cell: Cell): Read<unknown> {
  switch (field.kind) {
    case 'date':
      return readDate(cell);
    case 'integer':
      return readInteger(cell);
    case 'boolean':
      return readBoolean(cell);
    case 'enum':
      return readEnum(field, cell);
    case 'scopes':
      return readScopes(field, cell);
    default:
      return { value: String(cell).trim() };
  }
}

/** The occupation a cell names: its id in the list, a five-digit KldB code with one occupation, a code with a title, or a title. */
function occupationIdOf(cell: string): Read<string> {
  const text = cell.trim();
  const code = /^(\d{5})\b\s*[-–:]?\s*(.*)$/.exec(text);
  // "Koch/Köchin", "Fachlagerist/in": the title as listed, or its first form ("Koch", "Fachlagerist").
  const forms = (title: string) => new Set([fold(title), fold(title.split('/')[0]!)]);
  const byTitle = (title: string, among = SHIPPED_OCCUPATIONS) => among.filter((o) => forms(o.title).has(fold(title)));
  if (code) {
    const withCode = SHIPPED_OCCUPATIONS.filter((o) => o.code === code[1]);
    const found = code[2] ? byTitle(code[2], withCode) : withCode;
    if (found.length === 1) return { value: occupationId(found[0]!.code, found[0]!.title) };
    if (found.length > 1)
      return { reason: `KldB ${code[1]} nennt mehrere Berufe (${found.map((o) => `„${o.title}“`).join(', ')}): bitte den Titel dazuschreiben` };
    return { value: text.replace(/\s+/g, '-') };
  }
  const found = byTitle(text);
  if (found.length === 1) return { value: occupationId(found[0]!.code, found[0]!.title) };
  return { value: text };
}

export function caseImport(db: Db, clock: Clock = systemClock) {
  const cases = casesService(db, clock);
  const { repo } = cases;

  /** The occupations the rows name, each read once: id → occupation (undefined: not in the list). */
  async function occupations(ids: string[]): Promise<Map<string, TargetOccupation | undefined>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => repo.occupation(id)));
    return new Map(unique.map((id, i) => [id, found[i]]));
  }

  /** Existing cases of the people named (name and birth date), eight look-ups at a time; each case found is an audited read. */
  async function existing(people: { row: number; firstName: string; lastName: string; birthDate: string }[], actor: Actor) {
    const out: { row: number; number: string }[] = [];
    for (let i = 0; i < people.length; i += 8) {
      const found = await Promise.all(people.slice(i, i + 8).map((p) => cases.duplicates(p, actor)));
      found.forEach((hits, j) => hits[0] && out.push({ row: people[i + j]!.row, number: hits[0].number }));
    }
    return out;
  }

  return {
    /**
     * Checks every table; with `dryRun`, or when anything is wrong, only reports. Otherwise reserves the case numbers
     * and starts the job that writes every case (duplicates left out when `skipDuplicates`).
     */
    async run(input: CaseImportInput, actor: Actor): Promise<CaseImportReport> {
      const now = clock();
      const today = berlinDate(now);
      const problems: CaseImportProblem[] = [];
      const problem = (sheet: ImportSheet, row: number, field: string, reason: string) => problems.push({ sheet, row, field, reason });

      // ── The case rows, each on its own.
      const read: ReadRow[] = input.cases.map((r, i) => ({
        row: i + 2,
        values: readRow('cases', r as Row, (field, reason) => problem('cases', i + 2, field, reason)),
      }));
      const occupationIds = read.map((r) => (typeof r.values.targetOccupation === 'string' ? occupationIdOf(r.values.targetOccupation) : undefined));
      const known = await occupations(occupationIds.flatMap((o) => (o && 'value' in o ? [o.value] : [])));
      const byNumber = new Map<string, number>();
      const people = new Map<string, number>();
      const built = read.map(({ row, values: v }, index) => {
        const bad = (field: string, reason: string) => problem('cases', row, field, reason);
        const occupationRead = occupationIds[index];
        let target: TargetOccupation | undefined;
        if (occupationRead && 'reason' in occupationRead) bad('targetOccupation', occupationRead.reason);
        else if (occupationRead) {
          target = known.get(occupationRead.value);
          if (!target) bad('targetOccupation', `unbekannter Beruf „${String(v.targetOccupation).slice(0, 60)}“ (KldB-Code, Titel oder ID der Berufsliste)`);
        }
        const former = v.formerNumber as string | undefined;
        if (former) {
          if (byNumber.has(former)) bad('formerNumber', `dieselbe Nummer wie in Zeile ${byNumber.get(former)}`);
          else byNumber.set(former, row);
        }
        // The person as the case schema checks it (its messages name the field).
        const participantInput = Object.fromEntries(Object.entries(v).filter(([k]) => k in Participant.shape));
        const parsed = Participant.safeParse(participantInput);
        if (!parsed.success) for (const issue of parsed.error.issues) bad(String(issue.path[0] ?? 'participant'), issue.message);
        // Consent: a date and what it covers, both or neither.
        const givenOn = v.consentGivenOn as string | undefined;
        const scope = (v.consentScope as Consent['scope'] | undefined) ?? [];
        if (givenOn && scope.length === 0) bad('consentScope', 'fehlt: wozu die Person eingewilligt hat (z. B. „Beratung“)');
        if (!givenOn && scope.length > 0) bad('consentGivenOn', 'fehlt: wann die Person eingewilligt hat');
        const consent: Consent = { ...(givenOn ? { givenOn } : {}), scope };
        // Dates in order, none in the future.
        const opened = (v.openedOn as string | undefined) ?? (v.statusSince as string | undefined) ?? today;
        const since = (v.statusSince as string | undefined) ?? opened;
        for (const [field, date] of Object.entries({ birthDate: v.birthDate, openedOn: v.openedOn, statusSince: v.statusSince, consentGivenOn: givenOn }))
          if (typeof date === 'string' && date > today) bad(field, 'liegt in der Zukunft');
        if (since < opened) bad('statusSince', 'liegt vor dem Aufnahmedatum');
        // The status as far as the case could have come: consent, target occupation, admission, passed exam.
        const status = v.status as CaseStatus | undefined;
        const admissionDate = v.admissionDate as string | undefined;
        const passedOn = v.examPassedOn as string | undefined;
        if (passedOn && !admissionDate) bad('examPassedOn', 'ohne Datum der Zulassung zur Prüfung');
        if (passedOn && admissionDate && passedOn < admissionDate) bad('examPassedOn', 'liegt vor der Zulassung');
        if (parsed.success) {
          try {
            assertAllowedWithoutConsent({ participant: parsed.data, consent, ...(target ? { targetOccupationId: target.id } : {}) });
          } catch (error) {
            if (!(error instanceof Invalid)) throw error;
            for (const f of error.fields) bad(f.path.replace(/^participant\./, '').replace('targetOccupationId', 'targetOccupation'), f.message);
          }
        }
        const stage = status ? (STAGES as readonly CaseStatus[]).indexOf(status) : -1;
        if (status && stage > 0) {
          const verdict = checkMove(
            {
              status: STAGES[stage - 1]!,
              consentGiven: consentGiven(consent),
              consentWithdrawn: false,
              // A target named but not found is reported on its own column, not again as missing.
              hasTargetOccupation: Boolean(target ?? occupationRead),
              ...(admissionDate ? { admission: 'admitted' as const } : {}),
              ...(passedOn ? { finalResult: 'passed' as const } : {}),
            },
            status,
          );
          if (!verdict.ok) bad('status', verdict.reason);
        }
        if (parsed.success && parsed.data.birthDate) {
          const person = `${foldForSearch(`${parsed.data.lastName} ${parsed.data.firstName}`)}#${parsed.data.birthDate}`;
          if (people.has(person)) bad('lastName', `dieselbe Person (Name und Geburtsdatum) wie in Zeile ${people.get(person)}`);
          else people.set(person, row);
        }
        const counsellorId = typeof v.counsellorId === 'string' ? v.counsellorId : input.counsellorId;
        return {
          row,
          former,
          participant: parsed.success ? parsed.data : undefined,
          consent,
          target,
          status,
          opened,
          since,
          admissionDate,
          passedOn,
          counsellorId,
        };
      });

      // ── Sessions and modules, each under the case its former number names.
      const children = (sheet: 'sessions' | 'modules', rows: Row[], schema: typeof SessionInput | typeof ModuleInput, perCase: number) => {
        const byCase = new Map<number, Record<string, unknown>[]>();
        rows.forEach((r, i) => {
          const row = i + 2;
          const values = readRow(sheet, r, (field, reason) => problem(sheet, row, field, reason));
          const { formerNumber, ...fields } = values;
          const caseRow = typeof formerNumber === 'string' ? byNumber.get(formerNumber) : undefined;
          if (typeof formerNumber === 'string' && caseRow === undefined)
            problem(sheet, row, 'formerNumber', `kein Fall mit der Nummer „${formerNumber.slice(0, 40)}“ in der Fall-Tabelle`);
          const parsed = schema.safeParse(fields);
          if (!parsed.success) {
            for (const issue of parsed.error.issues) problem(sheet, row, String(issue.path[0] ?? sheet), issue.message);
            return;
          }
          for (const [field, date] of Object.entries(fields))
            if (['date', 'certificateDate'].includes(field) && typeof date === 'string' && date > today) problem(sheet, row, field, 'liegt in der Zukunft');
          if (caseRow === undefined) return;
          const list = byCase.get(caseRow) ?? byCase.set(caseRow, []).get(caseRow)!;
          list.push(parsed.data);
          if (list.length === perCase + 1)
            problem('cases', caseRow, 'formerNumber', `höchstens ${perCase} ${sheet === 'sessions' ? 'Beratungstermine' : 'Bausteine'} je Fall`);
        });
        return byCase;
      };
      const sessions = children('sessions', input.sessions as Row[], SessionInput, CASE_IMPORT_LIMITS.sessionsPerCase);
      const modules = children('modules', input.modules as Row[], ModuleInput, CASE_IMPORT_LIMITS.modulesPerCase);

      // ── What one case brings must fit one item of the job (DynamoDB: 400 KB an item) with room to spare.
      const utf8 = new TextEncoder();
      for (const b of built) {
        const kb = utf8.encode(JSON.stringify({ p: b.participant, s: sessions.get(b.row), m: modules.get(b.row) })).length / 1024;
        if (kb > CASE_IMPORT_LIMITS.kilobytesPerCase)
          problem(
            'cases',
            b.row,
            'formerNumber',
            `zu viel Text für einen Fall (${Math.round(kb)} KB mit Terminen und Bausteinen, höchstens ${CASE_IMPORT_LIMITS.kilobytesPerCase} KB)`,
          );
      }

      // ── People who already have a case.
      const named = built.flatMap((b) =>
        b.participant?.birthDate
          ? [{ row: b.row, firstName: b.participant.firstName, lastName: b.participant.lastName, birthDate: b.participant.birthDate }]
          : [],
      );
      const duplicates = await existing(named, actor);
      const duplicateRows = new Set(duplicates.map((d) => d.row));

      problems.sort((a, b) => IMPORT_SHEET_ORDER[a.sheet] - IMPORT_SHEET_ORDER[b.sheet] || a.row - b.row);
      const wrongRows = new Set(problems.filter((p) => p.sheet === 'cases').map((p) => p.row));
      const report: CaseImportReport = {
        rows: { cases: input.cases.length, sessions: input.sessions.length, modules: input.modules.length },
        valid: built.filter((b) => !wrongRows.has(b.row)).length,
        errors: problems.slice(0, SHOWN_PROBLEMS),
        problems: problems.length,
        duplicates,
        imported: 0,
        skipped: 0,
      };
      if (input.dryRun || problems.length > 0 || (duplicates.length > 0 && !input.skipDuplicates)) return report;

      // ── All of it, as one job: numbers reserved in one step, one staged item per case.
      const taken = built.filter((b) => !duplicateRows.has(b.row));
      if (taken.length === 0) return { ...report, skipped: duplicates.length };
      const numbers = await repo.reserveNumbers(berlinMonth(now).slice(0, 4), taken.length);
      const records = taken.map((b, i) => {
        const imported = importedCase(b, numbers[i]!, sessions.get(b.row) ?? [], modules.get(b.row) ?? [], actor, now);
        // The label is the row in the file: it means something to the admin who has the file, and nothing to anyone else
        // who sees the jobs (coordinators see no case, so neither its number nor its former one).
        return { key: imported.record.id, label: `Fall aus Zeile ${b.row}`, payload: imported };
      });
      const jobId = await startImport(db, {
        kind: 'case-import',
        title: records.length === 1 ? 'Import eines Falls' : `Import von ${records.length} Fällen`,
        records: records,
        actor,
        now,
      });
      return { ...report, imported: records.length, skipped: duplicates.length, jobId };
    },
  };
}

const IMPORT_SHEET_ORDER: Record<ImportSheet, number> = { cases: 0, sessions: 1, modules: 2 };

/** The start of a Berlin day as an instant. */
const dayStart = (date: string) => berlinInstant(`${date}T00:00`).toISOString();

/** One case of a checked row, with everything that goes into its transaction. */
function importedCase(
  b: {
    former?: string;
    participant?: Participant;
    consent: Consent;
    target?: TargetOccupation;
    status?: CaseStatus;
    opened: string;
    since: string;
    admissionDate?: string;
    passedOn?: string;
    counsellorId: string;
  },
  number: string,
  sessions: Record<string, unknown>[],
  modules: Record<string, unknown>[],
  actor: Actor,
  now: Date,
): ImportedCase {
  const status = b.status!;
  const at = now.toISOString();
  const record: CaseRecord = {
    id: ulid(now.getTime()),
    version: 1,
    createdAt: dayStart(b.opened),
    updatedAt: at,
    number,
    participant: b.participant!,
    consent: b.consent,
    counsellorId: b.counsellorId,
    status,
    statusSince: dayStart(b.since),
    ...(b.target ? { targetOccupation: b.target } : {}),
    ...(CLOSED.includes(status) ? { closedAt: dayStart(b.since) } : {}),
  };
  const child = (fields: Record<string, unknown>): Item & { id: string } => ({ ...fields, id: ulid(now.getTime()), version: 1, createdAt: at, updatedAt: at });
  const sessionItems = sessions.map(child);
  const next = nextFollowUp(sessionItems as unknown as CaseAggregate['sessions']);
  if (next) record.nextFollowUp = next;
  const exam = b.admissionDate
    ? {
        admission: 'admitted',
        admissionDate: b.admissionDate,
        waiverRequested: false,
        ...(b.passedOn ? { finalDate: b.passedOn, finalResult: 'passed' } : {}),
        id: 'exam',
        version: 1,
        createdAt: at,
        updatedAt: at,
      }
    : undefined;
  // The stock counters count the case where it stands; the month's report counts what happens from now on, so the
  // old database's past is not counted as this month's activity (a qualification counts in its own month).
  const counts = { cases: 1, ...statusCounterDeltas(undefined, status, b.since.slice(0, 7)) };
  return {
    record,
    history: { id: ulid(now.getTime()), at: record.statusSince, actorId: actor.id, to: status, reason: 'Übernommen aus dem bisherigen Bestand (Import)' },
    sessions: sessionItems,
    modules: modules.map(child),
    ...(exam ? { exam } : {}),
    counts,
    fields: [
      ...Object.keys(b.participant!).map((k) => `participant.${k}`),
      'import',
      ...(sessionItems.length ? ['sessions'] : []),
      ...(modules.length ? ['modules'] : []),
      ...(exam ? ['exam'] : []),
    ].sort(),
    actor,
  };
}
