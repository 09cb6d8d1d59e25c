// The case as counsellors see it: the stored aggregate plus eligibility, due bonuses and the moves it allows.
import { eligibility, type Eligibility } from './eligibility.ts';
import { checkMove, nextStatuses } from './lifecycle.ts';
import { consentGiven } from './consent.ts';
import { openDifferences, recognitionView } from './recognition.ts';
import type { CaseAggregate } from './repository.ts';
import type { CaseRecord, CaseStatus } from './schema.ts';

const BONUS_SOURCES = ['voucher_81_sgb3', 'job_centre_16_sgb2', 'qcg_82_sgb3'];

export type CaseView = CaseAggregate['case'] &
  Omit<CaseAggregate, 'case' | 'recognition'> & {
    recognition?: ReturnType<typeof recognitionView>;
    eligibility: Eligibility;
    bonuses: { intermediateDue: boolean; finalDue: boolean; amountEuro: number };
    moves: { to: CaseStatus; allowed: boolean; reason?: string }[];
  };

export function moveFacts(agg: CaseAggregate) {
  return {
    status: agg.case.status,
    pausedFrom: agg.case.pausedFrom,
    consentGiven: consentGiven(agg.case.consent),
    consentWithdrawn: Boolean(agg.case.consent.withdrawnOn),
    hasTargetOccupation: Boolean(agg.case.targetOccupation),
    admission: agg.exam?.admission,
    finalResult: agg.exam?.finalResult,
    ...(agg.recognition
      ? { recognition: { decision: agg.recognition.decision, openDifferences: openDifferences(agg.recognition, agg.modules).map((d) => d.title) } }
      : {}),
  };
}

export function caseView(agg: CaseAggregate, today: Date): CaseView {
  const c = agg.case;
  const facts = moveFacts(agg);
  const funded = agg.fundings.some((f) => BONUS_SOURCES.includes(f.source));
  const intermediateDue = funded && agg.exam?.part1Result === 'passed';
  const finalDue = funded && agg.exam?.finalResult === 'passed';
  return {
    ...c,
    sessions: agg.sessions,
    modules: agg.modules,
    fundings: agg.fundings,
    qualifications: agg.qualifications,
    ...(agg.exam ? { exam: agg.exam } : {}),
    ...(agg.outcome ? { outcome: agg.outcome } : {}),
    ...(agg.recognition ? { recognition: recognitionView(agg.recognition, agg.modules, today) } : {}),
    history: agg.history,
    eligibility: eligibility({
      targetCode: c.targetOccupation?.code,
      trainingMonths: c.targetOccupation?.months,
      experience: c.participant.workExperience ?? [],
      waiverRequested: agg.exam?.waiverRequested ?? false,
      hoursPerWeek: c.participant.hoursAvailable ?? c.participant.workExperience?.at(-1)?.weeklyHours,
      today,
    }),
    bonuses: { intermediateDue, finalDue, amountEuro: (intermediateDue ? 1000 : 0) + (finalDue ? 1500 : 0) },
    moves: nextStatuses(c.status, c.pausedFrom, Boolean(agg.recognition)).map((to) => {
      const verdict = checkMove(facts, to);
      return verdict.ok ? { to, allowed: true } : { to, allowed: false, reason: verdict.reason };
    }),
  };
}

/** A list row: what a list shows, no more. */
export function caseSummary(c: CaseRecord) {
  return {
    id: c.id,
    number: c.number,
    firstName: c.participant.firstName,
    lastName: c.participant.lastName,
    status: c.status,
    counsellorId: c.counsellorId,
    targetOccupation: c.targetOccupation?.title,
    nextFollowUp: c.nextFollowUp,
    updatedAt: c.updatedAt,
    anonymised: Boolean(c.anonymisedAt),
  };
}
