// Where an event stands, as staff read it on the list and its page: draft, open, full, closed, called off or over.
import type { Event } from '#shared/events/schema.ts';

export type EventState = 'draft' | 'open' | 'full' | 'closed' | 'cancelled' | 'over';

/** The Berlin wall-clock time now ("2026-12-06T10:15"), to compare with an event's times. */
export const berlinNow = () => new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' }).replace(' ', 'T').slice(0, 16);

export function eventState(e: Event, now = berlinNow()): EventState {
  if (e.cancelledAt) return 'cancelled';
  if (e.startsAt <= now) return 'over';
  if (!e.published) return 'draft';
  if (now.slice(0, 10) > e.registrationDeadline) return 'closed';
  return e.registered < e.capacity && !e.waiting ? 'open' : 'full';
}

export const STATE_COLOR: Record<EventState, 'default' | 'primary' | 'success' | 'warning'> = {
  draft: 'default',
  open: 'success',
  full: 'warning',
  closed: 'default',
  cancelled: 'warning',
  over: 'primary',
};

/** "20.01.2027, 10:00–15:00" from Berlin wall times. */
export function eventWhen(e: Pick<Event, 'startsAt' | 'endsAt'>): string {
  const day = (wall: string) => `${wall.slice(8, 10)}.${wall.slice(5, 7)}.${wall.slice(0, 4)}`;
  return e.startsAt.slice(0, 10) === e.endsAt.slice(0, 10)
    ? `${day(e.startsAt)}, ${e.startsAt.slice(11)}–${e.endsAt.slice(11)}`
    : `${day(e.startsAt)}, ${e.startsAt.slice(11)} – ${day(e.endsAt)}, ${e.endsAt.slice(11)}`;
}
