// The case lifecycle: inquiry → intake → counselling → plan → qualification → exam → qualified, with the exits paused, dropped and referred.
import type { CaseStatus } from './schema.ts';

export const STAGES = ['inquiry', 'intake', 'counselling', 'plan', 'qualification', 'exam', 'qualified'] as const satisfies readonly CaseStatus[];
export const EXITS = ['paused', 'dropped', 'referred'] as const satisfies readonly CaseStatus[];
export const CLOSED: readonly CaseStatus[] = ['qualified', 'dropped', 'referred'];
/** Stages in which a case is worked on (counted as active). */
export const ACTIVE: readonly CaseStatus[] = ['inquiry', 'intake', 'counselling', 'plan', 'qualification', 'exam', 'paused'];

/** What the guards look at. */
export type MoveFacts = {
  status: CaseStatus;
  pausedFrom?: CaseStatus;
  consentGiven: boolean;
  consentWithdrawn: boolean;
  hasTargetOccupation: boolean;
  admission?: 'pending' | 'admitted' | 'refused' | 'admitted_with_waiver';
  finalResult?: 'passed' | 'failed';
};

export type MoveVerdict = { ok: true } | { ok: false; reason: string; code: string };

const refuse = (code: string, reason: string): MoveVerdict => ({ ok: false, code, reason });

/** German status names: the server's refusal messages and the admin's labels use the same words. */
export const STATUS_NAMES: Record<CaseStatus, string> = {
  inquiry: 'Anfrage',
  intake: 'Aufnahme',
  counselling: 'Beratung',
  plan: 'Qualifizierungsplan',
  qualification: 'Qualifizierung',
  exam: 'Prüfung',
  qualified: 'Abschluss erreicht',
  paused: 'pausiert',
  dropped: 'abgebrochen',
  referred: 'weitervermittelt',
};
export const statusName = (s: CaseStatus) => STATUS_NAMES[s];

/** The statuses a case may move to from where it is (before guards). */
export function nextStatuses(status: CaseStatus, pausedFrom?: CaseStatus): CaseStatus[] {
  const stage = (STAGES as readonly CaseStatus[]).indexOf(status);
  if (status === 'qualified') return [];
  if (status === 'paused') return [pausedFrom ?? 'counselling', 'dropped', 'referred'];
  if (status === 'dropped' || status === 'referred') return ['intake'];
  return [STAGES[stage + 1]!, ...(stage > 0 ? [STAGES[stage - 1]!] : []), ...EXITS];
}

/** Whether a move is allowed, and if not, a German reason that names what is missing. */
export function checkMove(facts: MoveFacts, to: CaseStatus): MoveVerdict {
  if (to === facts.status) return refuse('same_status', `Der Fall ist bereits im Status „${STATUS_NAMES[to]}“.`);
  if (!nextStatuses(facts.status, facts.pausedFrom).includes(to)) {
    return refuse('illegal_transition', `Von „${STATUS_NAMES[facts.status]}“ geht es nicht direkt zu „${STATUS_NAMES[to]}“.`);
  }
  const forward = (STAGES as readonly CaseStatus[]).indexOf(to) > (STAGES as readonly CaseStatus[]).indexOf(facts.status);
  if (facts.consentWithdrawn && to !== 'dropped' && to !== 'referred') {
    return refuse('consent_withdrawn', 'Die Einwilligung wurde widerrufen; der Fall kann nur noch beendet werden.');
  }
  if (forward || facts.status === 'paused') {
    const reachesPlan = ['plan', 'qualification', 'exam', 'qualified'].includes(to);
    if ((to === 'counselling' || reachesPlan) && !facts.consentGiven) {
      return refuse('consent_missing', 'Es fehlt die Einwilligung der Person in die Beratung (Datum und Umfang „Beratung“).');
    }
    if (reachesPlan && !facts.hasTargetOccupation) return refuse('occupation_missing', 'Es fehlt der Zielberuf.');
    if ((to === 'exam' || to === 'qualified') && facts.admission !== 'admitted' && facts.admission !== 'admitted_with_waiver') {
      return refuse('admission_missing', 'Es fehlt die Zulassungsentscheidung der Kammer zur Externenprüfung.');
    }
    if (to === 'qualified' && facts.finalResult !== 'passed') return refuse('final_exam_missing', 'Es fehlt eine bestandene Abschlussprüfung.');
  }
  return { ok: true };
}
