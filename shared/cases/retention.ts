// Retention: cases past their keeping time are anonymised (they keep counting in the statistics), and anonymisations
// a crash left half-done are finished first.
import type { Actor } from '../audit/entry.ts';
import { settingsService } from '../settings/domain.ts';
import type { Db } from '../table/port.ts';
import { systemClock, type Clock } from '../time.ts';
import { consentGiven } from './consent.ts';
import { casesService } from './domain.ts';
import { CLOSED } from './lifecycle.ts';
import { casePrivacy } from './privacy.ts';
import type { CaseRecord, CaseStatus } from './schema.ts';

export const RETENTION_ACTOR: Actor = { id: 'job:retention', email: '', roles: ['admin'] };

const monthsBefore = (now: Date, months: number) => {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff.toISOString();
};

/** What is due: cases in a status since before the cutoff (gsi1 sorts by the time they entered it), and a check on each. */
type Rule = { status: CaseStatus; cutoff: string; due: (c: CaseRecord) => boolean };

export async function applyRetention(db: Db, clock: Clock = systemClock) {
  const now = clock();
  const { retentionMonths, inquiryRetentionMonths } = await settingsService(db).get();
  const cutoff = monthsBefore(now, retentionMonths);
  const inquiryCutoff = monthsBefore(now, inquiryRetentionMonths);
  const rules: Rule[] = [
    ...CLOSED.map((status) => ({ status, cutoff, due: () => true })),
    // An inquiry that never gave consent holds only name and contact: it is kept for a short time.
    { status: 'inquiry', cutoff: inquiryCutoff, due: (c) => !consentGiven(c.consent) },
    // A paused case with no change to it or its children for the retention period.
    { status: 'paused', cutoff, due: (c) => c.updatedAt <= cutoff },
  ];
  const cases = casesService(db, clock);
  const privacy = casePrivacy(cases, clock);

  const pending = await cases.repo.anonymisationsPending();
  for (const c of pending) {
    await privacy.anonymise(await cases.repo.load(c.id), RETENTION_ACTOR, c.anonymising?.reason ?? 'retention');
  }

  let anonymised = 0;
  let checked = 0;
  for (const rule of rules) {
    for (const c of await cases.repo.inStatusSince(rule.status, rule.cutoff)) {
      checked += 1;
      if (c.anonymisedAt || c.anonymising || !rule.due(c)) continue;
      await privacy.anonymise(await cases.repo.load(c.id), RETENTION_ACTOR, 'retention');
      anonymised += 1;
    }
  }
  return { cutoff, inquiryCutoff, retentionMonths, inquiryRetentionMonths, checked, anonymised, finished: pending.length };
}
