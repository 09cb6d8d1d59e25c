// The statistical facts of a case for the report feed and counters: never a name, a date of birth or an id of the person.
import type { CaseRecord, CaseStatus } from './schema.ts';

export const AGE_GROUPS = ['under_25', '25_34', '35_44', '45_54', '55_plus', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export function ageGroup(birthDate: string | undefined, at: Date): AgeGroup {
  if (!birthDate) return 'unknown';
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d)) age -= 1;
  if (age < 25) return 'under_25';
  if (age < 35) return '25_34';
  if (age < 45) return '35_44';
  if (age < 55) return '45_54';
  return '55_plus';
}

/** The fields every case event carries: enough for every breakdown of the monthly report, nothing that identifies a person. */
export function caseFacts(c: CaseRecord, at: Date) {
  return {
    gender: c.participant.gender ?? 'not_stated',
    ageGroup: ageGroup(c.participant.birthDate, at),
    migrationBackground: c.participant.migrationBackground ?? 'not_stated',
    occupation: c.targetOccupation?.code ?? null,
    counsellorId: c.counsellorId,
  };
}

/** The counter deltas of a status change. */
export function statusCounterDeltas(from: CaseStatus | undefined, to: CaseStatus, month: string): Record<string, number> {
  const deltas: Record<string, number> = { [`status_${to}`]: 1 };
  if (from) deltas[`status_${from}`] = -1;
  if (to === 'qualified') {
    deltas.qualified = 1;
    deltas[`qualified_${month}`] = 1;
  }
  return deltas;
}
