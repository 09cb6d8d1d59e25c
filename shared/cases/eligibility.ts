// Admission to the external exam (§45(2) BBiG, §37(2) HwO): work in the occupation of at least 1.5 × the training period, part-time pro rata.
import { addMonths, format } from 'date-fns';

export const FULL_TIME_HOURS = 40;

export type Eligibility = {
  monthsRequired: number;
  monthsCounted: number;
  /** Of the months counted, those worked abroad (they count like work here). */
  monthsAbroad: number;
  state: 'eligible' | 'missing' | 'waiver_requested' | 'no_target';
  monthsMissing: number;
  /** The date on which the person becomes eligible working at `hoursPerWeek`, from `today`. */
  eligibleOn?: string;
};

type Experience = { occupationCode: string; months: number; weeklyHours: number; abroad?: boolean };

/** Experience counts when it is in the target occupation's four-digit KldB group (same occupation, any skill level). */
export function countsFor(targetCode: string, experienceCode: string): boolean {
  return targetCode.slice(0, 4) === experienceCode.slice(0, 4);
}

export function eligibility(o: {
  targetCode?: string;
  trainingMonths?: number;
  experience: Experience[];
  waiverRequested: boolean;
  hoursPerWeek?: number;
  today: Date;
}): Eligibility {
  if (!o.targetCode || !o.trainingMonths) return { monthsRequired: 0, monthsCounted: 0, monthsAbroad: 0, monthsMissing: 0, state: 'no_target' };
  const monthsRequired = o.trainingMonths * 1.5;
  const relevant = o.experience.filter((e) => countsFor(o.targetCode!, e.occupationCode));
  const sum = (list: Experience[]) => list.reduce((total, e) => total + e.months * Math.min(1, e.weeklyHours / FULL_TIME_HOURS), 0);
  const counted = sum(relevant);
  const monthsCounted = Math.round(counted * 10) / 10;
  const monthsAbroad = Math.round(sum(relevant.filter((e) => e.abroad)) * 10) / 10;
  const monthsMissing = Math.max(0, Math.round((monthsRequired - counted) * 10) / 10);
  if (monthsMissing === 0) return { monthsRequired, monthsCounted, monthsAbroad, monthsMissing, state: 'eligible' };
  const rate = Math.min(1, (o.hoursPerWeek ?? 0) / FULL_TIME_HOURS);
  const eligibleOn = rate > 0 ? format(addMonths(o.today, Math.ceil(monthsMissing / rate)), 'yyyy-MM-dd') : undefined;
  return {
    monthsRequired,
    monthsCounted,
    monthsAbroad,
    monthsMissing,
    state: o.waiverRequested ? 'waiver_requested' : 'missing',
    ...(eligibleOn ? { eligibleOn } : {}),
  };
}
