// Time in the programme's zone: months and dates are Europe/Berlin, stored instants are ISO UTC.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const ZONE = 'Europe/Berlin';

/** "2026-11" for the Berlin month an instant falls in. */
export function berlinMonth(instant: Date): string {
  return format(new TZDate(instant, ZONE), 'yyyy-MM');
}

/** "2026-11-26" for the Berlin day an instant falls in. */
export function berlinDate(instant: Date): string {
  return format(new TZDate(instant, ZONE), 'yyyy-MM-dd');
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
