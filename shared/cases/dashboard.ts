// The counselling dashboard: funnel by status, KPIs against the programme targets, cases, qualifications and placements per month. Aggregates only.
import { feedRepository } from '../feed/repository.ts';
import type { Db } from '../table/port.ts';
import { berlinMonth } from '../time.ts';
import { settingsService } from '../settings/domain.ts';
import { ACTIVE } from './lifecycle.ts';
import { CASE_STATUSES } from './schema.ts';
import { ACTIVITY_KINDS } from '../relations/schema.ts';

/** The last `n` Berlin months, oldest first: ["2025-12", …, "2026-11"]. */
export function lastMonths(n: number, now: Date): string[] {
  const [y, m] = berlinMonth(now).split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const total = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

export async function dashboard(db: Db, now = new Date()) {
  const [counters, settings] = await Promise.all([feedRepository(db).counters(), settingsService(db).get()]);
  const n = (name: string) => Number(counters?.[name] ?? 0);
  const months = lastMonths(12, now);
  const everOpened = Object.entries(counters ?? {})
    .filter(([k]) => k.startsWith('opened_'))
    .reduce((s, [, v]) => s + Number(v), 0);
  return {
    funnel: CASE_STATUSES.map((status) => ({ status, count: n(`status_${status}`) })),
    kpis: {
      counselled: everOpened,
      targetCounselled: settings.targetCounselled,
      qualified: n('qualified'),
      targetQualified: settings.targetQualified,
      active: ACTIVE.reduce((sum, s) => sum + n(`status_${s}`), 0),
      placed: n('placements'),
    },
    /** Recognition of foreign qualifications: applications, first decisions by result, qualifications reached that way. */
    recognition: {
      applied: n('recognition_applied'),
      full: n('recognition_full'),
      partial: n('recognition_partial'),
      none: n('recognition_none'),
      qualified: n('qualified_by_recognition'),
    },
    /** Company relations: contacts by kind since the start, agreements in all. */
    companies: {
      contactsByKind: Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, n(`contacts_${k}`)])),
      agreements: n('agreements'),
    },
    perMonth: months.map((month) => ({
      month,
      opened: n(`opened_${month}`),
      qualified: n(`qualified_${month}`),
      placed: n(`placements_${month}`),
      contacts: n(`contacts_${month}`),
      agreements: n(`agreements_${month}`),
    })),
  };
}
