// The case lifecycle: inquiry → intake → counselling → plan → qualification → exam → qualified, with the exits paused,
// dropped and referred. Recognition of a foreign qualification is a path beside the external exam: with a recognition
// procedure on the case, "qualified" is offered from counselling on, and reached by full equivalence or by a partial
// one whose substantial differences are all closed by completed adaptation modules.
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
  /** The recognition procedure: its decision and the titles of the differences still open. */
  recognition?: { decision: 'pending' | 'full' | 'partial' | 'none'; openDifferences: string[] };
};

/** How a case reached "qualified": the external exam, full equivalence, or partial equivalence closed by adaptation. */
export type QualificationPath = 'exam' | 'recognition_full' | 'recognition_adapted';

export function qualificationPath(facts: Pick<MoveFacts, 'recognition' | 'finalResult' | 'admission'>): QualificationPath | undefined {
  const r = facts.recognition;
  if (r?.decision === 'full') return 'recognition_full';
  if (r?.decision === 'partial' && r.openDifferences.length === 0) return 'recognition_adapted';
  // The external exam counts only with the chamber's admission (a result recorded without one is not a path).
  if (facts.finalResult === 'passed' && (facts.admission === 'admitted' || facts.admission === 'admitted_with_waiver')) return 'exam';
  return undefined;
}

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

/** Stages from which a case on the recognition path may be qualified directly. */
const RECOGNITION_STAGES: readonly CaseStatus[] = ['counselling', 'plan', 'qualification'];

/** The statuses a case may move to from where it is (before guards); `recognitionPath` when a procedure is on the case. */
export function nextStatuses(status: CaseStatus, pausedFrom?: CaseStatus, recognitionPath = false): CaseStatus[] {
  const stage = (STAGES as readonly CaseStatus[]).indexOf(status);
  if (status === 'qualified') return [];
  if (status === 'paused') return [pausedFrom ?? 'counselling', 'dropped', 'referred'];
  if (status === 'dropped' || status === 'referred') return ['intake'];
  const next = STAGES[stage + 1]!;
  const byRecognition: CaseStatus[] = recognitionPath && RECOGNITION_STAGES.includes(status) ? ['qualified'] : [];
  return [next, ...byRecognition, ...(stage > 0 ? [STAGES[stage - 1]!] : []), ...EXITS];
}

/** Why "qualified" cannot be reached yet, naming what is missing on each path the case is on. */
function qualificationMissing(facts: MoveFacts): MoveVerdict {
  const r = facts.recognition;
  const examMissing =
    facts.admission !== 'admitted' && facts.admission !== 'admitted_with_waiver' ? 'die Zulassung der Kammer' : 'eine bestandene Abschlussprüfung';
  if (!r) {
    return facts.admission !== 'admitted' && facts.admission !== 'admitted_with_waiver'
      ? refuse('admission_missing', 'Es fehlt die Zulassungsentscheidung der Kammer zur Externenprüfung.')
      : refuse('final_exam_missing', 'Es fehlt eine bestandene Abschlussprüfung.');
  }
  const recognitionMissing =
    r.decision === 'pending'
      ? 'Für den Abschluss über die Anerkennung fehlt der Bescheid der zuständigen Stelle'
      : r.decision === 'none'
        ? 'Die Gleichwertigkeit wurde nicht festgestellt'
        : `Für die volle Gleichwertigkeit fehlt noch die abgeschlossene Anpassungsqualifizierung zu: ${r.openDifferences.map((d) => `„${d}“`).join(', ')}`;
  return refuse('recognition_incomplete', `${recognitionMissing}; für den Weg über die Externenprüfung fehlt ${examMissing}.`);
}

/** Whether a move is allowed, and if not, a German reason that names what is missing. */
export function checkMove(facts: MoveFacts, to: CaseStatus): MoveVerdict {
  if (to === facts.status) return refuse('same_status', `Der Fall ist bereits im Status „${STATUS_NAMES[to]}“.`);
  if (!nextStatuses(facts.status, facts.pausedFrom, Boolean(facts.recognition)).includes(to)) {
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
    if (to === 'exam' && facts.admission !== 'admitted' && facts.admission !== 'admitted_with_waiver') {
      return refuse('admission_missing', 'Es fehlt die Zulassungsentscheidung der Kammer zur Externenprüfung.');
    }
    if (to === 'qualified' && !qualificationPath(facts)) return qualificationMissing(facts);
  }
  return { ok: true };
}
