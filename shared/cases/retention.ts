// Retention: cases closed longer than the configured period are anonymised; they keep counting in the statistics.
import type { Actor } from '../audit/entry.ts';
import { settingsService } from '../settings/domain.ts';
import { queryAll, stripKeys, type Db } from '../table/access.ts';
import { keys } from '../table/keys.ts';
import { systemClock, type Clock } from '../time.ts';
import { casesService } from './domain.ts';
import { CLOSED } from './lifecycle.ts';
import { casePrivacy } from './privacy.ts';
import type { CaseRecord } from './schema.ts';

export const RETENTION_ACTOR: Actor = { id: 'job:retention', email: '', roles: ['admin'] };

export async function applyRetention(db: Db, clock: Clock = systemClock) {
  const now = clock();
  const { retentionMonths } = await settingsService(db).get();
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - retentionMonths);
  const cases = casesService(db, clock);
  const privacy = casePrivacy(db, cases, clock);
  let anonymised = 0;
  let checked = 0;
  for (const status of CLOSED) {
    // Closed cases sort by the time they were closed, so the Query stops at the cutoff.
    const due = await queryAll(db, { index: 'gsi1', partition: keys.casesByStatus(status), sortBetween: ['0', `${cutoff.toISOString()}#~`] });
    for (const item of due) {
      checked += 1;
      const c = stripKeys<CaseRecord>(item);
      if (c.anonymisedAt) continue;
      await privacy.anonymise(await cases.repo.load(c.id), RETENTION_ACTOR, 'retention');
      anonymised += 1;
    }
  }
  return { cutoff: cutoff.toISOString(), retentionMonths, checked, anonymised };
}
