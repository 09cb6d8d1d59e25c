// Time in the programme's zone: months and dates are Europe/Berlin, stored instants are ISO UTC.
import { TZDate } from '@date-fns/tz';

export const ZONE = 'Europe/Berlin';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11" for the Berlin month an instant falls in. */
export function berlinMonth(instant: Date): string {
  const d = new TZDate(instant, ZONE);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** "2026-11-26" for the Berlin day an instant falls in. */
export function berlinDate(instant: Date): string {
  const d = new TZDate(instant, ZONE);
  return `${berlinMonth(instant)}-${pad(d.getDate())}`;
}

export const GERMAN_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** "Oktober 2026" for "2026-10". */
export const germanMonth = (month: string) => `${GERMAN_MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** "2026-11-26" plus `days` calendar days (a date, not an instant: no zone involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A wall-clock time in Berlin, "2026-12-09T10:00", as the instant it names (DST handled by the zone rules). */
export function berlinInstant(wall: string): Date {
  const [date, time] = wall.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, h, min, ZONE).getTime());
}

/** The Berlin wall-clock time of an instant, "2026-12-09T10:00". */
export function berlinWall(instant: Date): string {
  const d = new TZDate(instant, ZONE);
  return `${berlinDate(instant)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A calendar date `months` later; a day the month does not have becomes its last day (31 Aug + 3 months = 30 Nov, § 188 BGB). */
export function addMonthsToDate(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const [year, month] = [Math.floor(total / 12), (total % 12) + 1];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
