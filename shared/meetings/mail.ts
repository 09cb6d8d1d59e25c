// Meeting invitations, updates and cancellations as e-mails with the calendar entry attached (German).
import { TZDate } from '@date-fns/tz';
import { escapeHtml, type OutgoingMail } from '../email/message.ts';
import { berlinInstant, GERMAN_MONTHS, ZONE } from '../time.ts';
import { agendaText, meetingCalendar, type Person } from './calendar.ts';
import type { Meeting } from './schema.ts';

const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];

/** "Mittwoch, 9. Dezember 2026, 10:00–12:00 Uhr" (Europe/Berlin). */
export function meetingWhen(m: Pick<Meeting, 'startsAt' | 'endsAt'>): string {
  const start = new TZDate(berlinInstant(m.startsAt), ZONE);
  const day = `${WEEKDAYS[start.getDay()]}, ${start.getDate()}. ${GERMAN_MONTHS[start.getMonth()]} ${start.getFullYear()}`;
  const sameDay = m.startsAt.slice(0, 10) === m.endsAt.slice(0, 10);
  return sameDay
    ? `${day}, ${m.startsAt.slice(11)}–${m.endsAt.slice(11)} Uhr`
    : `${day}, ${m.startsAt.slice(11)} Uhr bis ${m.endsAt.slice(8, 10)}.${m.endsAt.slice(5, 7)}., ${m.endsAt.slice(11)} Uhr`;
}

export type MeetingMailKind = 'invitation' | 'update' | 'cancellation';

export type CarriedOver = { title: string; ownerName: string; dueOn: string };

/** The mail of an invitation, update or cancellation; open action items of earlier meetings join the agenda. */
export function meetingMail(m: Meeting, kind: MeetingMailKind, to: Person, organizer: Person, stamp: Date, carriedOver: CarriedOver[] = []): OutgoingMail {
  const when = meetingWhen(m);
  const where = [m.place, m.onlineUrl ? `online: ${m.onlineUrl}` : ''].filter(Boolean).join(' · ');
  const open = carriedOver.map((a) => `– ${a.title} (${a.ownerName}, fällig ${a.dueOn.split('-').reverse().join('.')})`).join('\n');
  const agenda = [agendaText(m), open ? `Offene Aufgaben aus früheren Treffen:\n${open}` : ''].filter(Boolean).join('\n\n');
  const lead =
    kind === 'invitation'
      ? `wir laden Sie herzlich ein zu „${m.title}“.`
      : kind === 'update'
        ? `die Angaben zu „${m.title}“ haben sich geändert. Der Kalendereintrag im Anhang ersetzt den bisherigen.`
        : `„${m.title}“ am ${when} findet nicht statt. Der Kalendereintrag im Anhang entfernt den Termin.`;
  const text = [
    `Guten Tag ${to.name},`,
    '',
    lead,
    ...(kind === 'cancellation' ? [] : ['', `Wann: ${when}`, ...(where ? [`Wo: ${where}`] : []), ...(agenda ? ['', 'Tagesordnung:', agenda] : [])]),
    '',
    'Mit freundlichen Grüßen',
    'Ihr amoN-Projektteam',
  ].join('\n');
  const html = `<p>Guten Tag ${escapeHtml(to.name)},</p>
<p>${escapeHtml(lead)}</p>${
    kind === 'cancellation'
      ? ''
      : `
<table role="presentation" cellpadding="4" style="border-collapse:collapse">
<tr><td style="font-weight:bold;vertical-align:top">Wann</td><td>${escapeHtml(when)}</td></tr>${where ? `\n<tr><td style="font-weight:bold;vertical-align:top">Wo</td><td>${escapeHtml(where)}</td></tr>` : ''}
</table>${m.agenda.length ? `\n<p style="font-weight:bold">Tagesordnung</p>\n<ol>${m.agenda.map((a) => `<li>${escapeHtml(a.title)}${a.presenter ? ` (${escapeHtml(a.presenter)})` : ''}${a.minutes ? ` – ${a.minutes} Min.` : ''}</li>`).join('')}</ol>` : ''}${carriedOver.length ? `\n<p style="font-weight:bold">Offene Aufgaben aus früheren Treffen</p>\n<ul>${carriedOver.map((a) => `<li>${escapeHtml(a.title)} (${escapeHtml(a.ownerName)}, fällig ${a.dueOn.split('-').reverse().join('.')})</li>`).join('')}</ul>` : ''}`
  }
<p>Mit freundlichen Grüßen<br>Ihr amoN-Projektteam</p>`;
  const method = kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  return {
    to: to.email,
    // Calendar programs send the accept or decline to the ORGANIZER, mail programs a reply to Reply-To: both reach the
    // organizer's mailbox, never the no-reply sender.
    replyTo: organizer.email,
    subject: `${kind === 'invitation' ? 'Einladung' : kind === 'update' ? 'Geändert' : 'Abgesagt'}: ${m.title}, ${when}`,
    text,
    html,
    calendar: {
      method,
      content: meetingCalendar(m, { method, organizer, attendee: to, stamp, extra: open ? `Offene Aufgaben aus früheren Treffen:\n${open}` : '' }),
      filename: 'termin.ics',
    },
    kind: `meeting-${kind}`,
  };
}
