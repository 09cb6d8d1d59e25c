// A meeting as an iCalendar object (ical-generator) with the Europe/Berlin VTIMEZONE: one UID per meeting, a
// rising SEQUENCE for every change invitees were told about, METHOD:REQUEST to invite and CANCEL to call off.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { TZDate } from '@date-fns/tz';
import { vtimezone } from '../email/calendar-zone.ts';
import { berlinInstant, ZONE } from '../time.ts';
import type { Meeting } from './schema.ts';

export type Person = { name: string; email: string };

/** The calendar UID of a meeting: stable across updates, so calendars replace the entry instead of adding one. */
export const meetingUid = (m: Pick<Meeting, 'id'>) => `${m.id}@amon-nachqualifizierung`;

export function agendaText(m: Pick<Meeting, 'agenda'>): string {
  return m.agenda.map((a, i) => `${i + 1}. ${a.title}${a.presenter ? ` (${a.presenter})` : ''}${a.minutes ? ` – ${a.minutes} Min.` : ''}`).join('\n');
}

export function meetingCalendar(m: Meeting, o: { method: 'REQUEST' | 'CANCEL'; organizer: Person; attendee: Person; stamp: Date; extra?: string }): string {
  const cal = ical({
    prodId: { company: 'amoN', product: 'Netzwerktreffen', language: 'DE' },
    method: o.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone (DTSTAMP stays UTC); the generator adds the VTIMEZONE for the event's TZID.
    timezone: { name: null, generator: vtimezone },
  });
  const agenda = agendaText(m);
  cal.createEvent({
    id: meetingUid(m),
    sequence: m.sequence,
    stamp: o.stamp,
    // TZDate (date-fns/tz) is what ical-generator formats as Berlin wall time under TZID=Europe/Berlin.
    start: new TZDate(berlinInstant(m.startsAt), ZONE),
    end: new TZDate(berlinInstant(m.endsAt), ZONE),
    timezone: ZONE,
    summary: m.title,
    description: [agenda ? `Tagesordnung:\n${agenda}` : '', o.extra ?? '', m.onlineUrl ? `Online: ${m.onlineUrl}` : ''].filter(Boolean).join('\n\n') || null,
    location: m.place ?? m.onlineUrl ?? null,
    ...(m.onlineUrl ? { url: m.onlineUrl } : {}),
    organizer: { name: o.organizer.name, email: o.organizer.email },
    attendees: [{ name: o.attendee.name, email: o.attendee.email, rsvp: true, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION }],
    status: o.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}
