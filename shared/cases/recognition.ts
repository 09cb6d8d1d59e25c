// Recognition of foreign qualifications (Anerkennungsgesetz, BQFG): the competent body, the decision due, and which
// substantial differences of a partial decision are still open. Rules only: the case's children write it.
import { ulid } from '../ids.ts';
import { Invalid } from '../errors.ts';
import { addMonthsToDate, berlinDate } from '../time.ts';
import type { Child, ModuleInput, RecognitionInput, RecognitionRecord } from './schema.ts';

/** § 6 Abs. 3 BQFG: the competent body decides within three months of the complete file. */
export const DECISION_MONTHS = 3;

export const COMPETENT_BODIES = { ihk: 'IHK FOSA (Foreign Skills Approval)', hwk: 'Handwerkskammer' } as const;

/** The body a procedure goes to when none is named: IHK FOSA for IHK occupations, the Handwerkskammer for crafts, otherwise the occupation's own. */
export function competentBodyFor(occupation: { chamber: string; competentBody?: string }): string {
  if (occupation.chamber === 'ihk') return COMPETENT_BODIES.ihk;
  if (occupation.chamber === 'hwk') return COMPETENT_BODIES.hwk;
  return occupation.competentBody ?? 'zuständige Stelle nach Berufsrecht';
}

type Occupation = { id: string; code: string; title: string; chamber: string; competentBody?: string };

/** The record to store: the occupation and body resolved, each new difference with an id, known ids kept. */
export function recognitionRecord(input: RecognitionInput, occupation: Occupation, now: Date): RecognitionRecord {
  const { referenceOccupationId: _o, competentBody, differences, ...rest } = input;
  return {
    ...rest,
    referenceOccupation: { id: occupation.id, code: occupation.code, title: occupation.title, chamber: occupation.chamber },
    competentBody: competentBody ?? competentBodyFor(occupation),
    differences: differences.map((d) => ({ ...d, id: d.id ?? ulid(now.getTime()) })),
  };
}

/** The adaptation modules naming a difference, in the given states: completed ones close it, planned and running ones work on it. */
function answering(modules: Child<ModuleInput>[], differenceId: string, states: ModuleInput['status'][]): string[] {
  return modules.filter((m) => m.kind === 'adaptation' && states.includes(m.status) && m.closesDifferences?.includes(differenceId)).map((m) => m.id);
}
const closers = (modules: Child<ModuleInput>[], differenceId: string) => answering(modules, differenceId, ['completed']);

/** The differences not yet closed by a completed adaptation module (a partial decision's only). */
export function openDifferences(r: RecognitionRecord, modules: Child<ModuleInput>[]) {
  return r.decision === 'partial' ? r.differences.filter((d) => closers(modules, d.id).length === 0) : [];
}

/** The procedure as the case shows it: when the decision is due, whether that has passed, and what each difference is answered by. */
export function recognitionView(r: Child<RecognitionRecord>, modules: Child<ModuleInput>[], today: Date) {
  const decisionDue = r.fileCompleteOn ? addMonthsToDate(r.fileCompleteOn, DECISION_MONTHS) : undefined;
  const open = new Set(openDifferences(r, modules).map((d) => d.id));
  return {
    ...r,
    ...(decisionDue ? { decisionDue } : {}),
    overdue: Boolean(decisionDue && r.decision === 'pending' && decisionDue < berlinDate(today)),
    differences: r.differences.map((d) => ({
      ...d,
      closedBy: closers(modules, d.id),
      inProgressBy: answering(modules, d.id, ['planned', 'running']),
      open: open.has(d.id),
    })),
    openDifferences: [...open],
  };
}

/** An adaptation module may only close differences the decision lists. */
export function assertKnownDifferences(module: ModuleInput, recognition: RecognitionRecord | undefined) {
  const known = new Set((recognition?.differences ?? []).map((d) => d.id));
  const unknown = module.closesDifferences.findIndex((d) => !known.has(d));
  if (unknown >= 0) throw new Invalid([{ path: `closesDifferences.${unknown}`, message: 'kein wesentlicher Unterschied des Bescheids' }]);
}
