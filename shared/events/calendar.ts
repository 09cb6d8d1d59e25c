// An event as an iCalendar entry for the people registered: METHOD:PUBLISH (a calendar entry, no RSVP: the
// registration is the answer) and CANCEL when the event is called off. One UID per event, so a calendar replaces it.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { TZDate } from '@date-fns/tz';
import { vtimezone } from '../email/calendar-zone.ts';
import { berlinInstant, ZONE } from '../time.ts';
import type { Event } from './schema.ts';

export const eventUid = (e: Pick<Event, 'id'>) => `${e.id}@amon-veranstaltungen`;

export function eventCalendar(e: Event, o: { method: 'PUBLISH' | 'CANCEL'; organizer: { name: string; email: string }; stamp: Date; note?: string }): string {
  const cal = ical({
    prodId: { company: 'amoN', product: 'Veranstaltungen', language: 'DE' },
    method: o.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: vtimezone },
  });
  cal.createEvent({
    id: eventUid(e),
    sequence: e.version,
    stamp: o.stamp,
    start: new TZDate(berlinInstant(e.startsAt), ZONE),
    end: new TZDate(berlinInstant(e.endsAt), ZONE),
    timezone: ZONE,
    summary: e.title,
    description: [e.description ?? '', e.onlineUrl ? `Online: ${e.onlineUrl}` : '', o.note ?? ''].filter(Boolean).join('\n\n') || null,
    location: e.place ?? e.onlineUrl ?? null,
    ...(e.onlineUrl ? { url: e.onlineUrl } : {}),
    organizer: { name: o.organizer.name, email: o.organizer.email },
    status: o.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}
