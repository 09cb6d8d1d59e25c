// A case as the matching sees it: the profile the score reads and the candidate index keys.
import { consentCovers } from '../cases/consent.ts';
import type { CaseRecord } from '../cases/schema.ts';
import { MATCH_STAGES, type MatchStage, type Profile } from './score.ts';

export const isMatchStage = (status: string): status is MatchStage => (MATCH_STAGES as readonly string[]).includes(status);

export type NotMatchable = 'consent' | 'stage' | 'occupation' | 'anonymised';

/** The profile of a case that takes part in matching, or why it does not. Without a current `job_placement` consent
 *  nobody ranks, shows or proposes the person. */
export function profileOf(c: CaseRecord): { profile: Profile } | { missing: NotMatchable } {
  if (c.anonymisedAt || c.anonymising) return { missing: 'anonymised' };
  if (!consentCovers(c.consent, 'job_placement')) return { missing: 'consent' };
  if (!isMatchStage(c.status)) return { missing: 'stage' };
  if (!c.targetOccupation) return { missing: 'occupation' };
  const p = c.participant;
  return {
    profile: {
      occupation: c.targetOccupation.code,
      ...(p.district ? { district: p.district } : {}),
      districtsReachable: p.districtsReachable ?? [],
      car: p.car ?? false,
      drivingLicence: p.drivingLicence ?? false,
      ...(p.hoursAvailable !== undefined ? { hoursAvailable: p.hoursAvailable } : {}),
      ...(p.germanLevel ? { germanLevel: p.germanLevel } : {}),
      migrationBackground: p.migrationBackground ?? 'not_stated',
      stage: c.status,
    },
  };
}
