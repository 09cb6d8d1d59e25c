// The e-mails of an event registration, in the language the person registered in: the confirmation with the calendar
// entry, the place on the waiting list, moving up from it, and the cancellation of the event. Each but the last
// carries the personal link to cancel.
import { escapeHtml, type OutgoingMail } from '../email/message.ts';
import { berlinInstant } from '../time.ts';
import { eventCalendar } from './calendar.ts';
import type { Event, Registration } from './schema.ts';

export type EventMailKind = 'confirmation' | 'waiting' | 'moved_up' | 'event_cancelled';
type Lang = 'de' | 'en';

/** "Mittwoch, 20. Januar 2027, 10:00–15:00 Uhr" or "Wednesday, 20 January 2027, 10:00–15:00" (Europe/Berlin). */
export function eventWhen(e: Pick<Event, 'startsAt' | 'endsAt'>, lang: Lang): string {
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  const day = (wall: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(berlinInstant(wall));
  const time = (wall: string) => wall.slice(11);
  const suffix = lang === 'de' ? ' Uhr' : '';
  return e.startsAt.slice(0, 10) === e.endsAt.slice(0, 10)
    ? `${day(e.startsAt)}, ${time(e.startsAt)}–${time(e.endsAt)}${suffix}`
    : `${day(e.startsAt)}, ${time(e.startsAt)}${suffix} – ${day(e.endsAt)}, ${time(e.endsAt)}${suffix}`;
}

const TEXT = {
  de: {
    hello: (name: string) => `Guten Tag ${name},`,
    subject: { confirmation: 'Anmeldung bestätigt', waiting: 'Warteliste', moved_up: 'Ihr Platz ist frei', event_cancelled: 'Abgesagt' },
    lead: {
      confirmation: (t: string) => `vielen Dank für Ihre Anmeldung zu „${t}“. Ihr Platz ist reserviert; den Termin finden Sie im Anhang für Ihren Kalender.`,
      waiting: (t: string, p?: number) =>
        `„${t}“ ist ausgebucht. Sie stehen auf der Warteliste${p ? ` (Platz ${p})` : ''}. Wird ein Platz frei, rücken Sie der Reihe nach nach und bekommen eine E-Mail.`,
      moved_up: (t: string) =>
        `für „${t}“ ist ein Platz frei geworden, und Sie sind von der Warteliste nachgerückt. Ihr Platz ist reserviert; den Termin finden Sie im Anhang.`,
      event_cancelled: (t: string) => `„${t}“ muss leider ausfallen. Ihre Anmeldung ist damit erledigt; der Kalendereintrag im Anhang entfernt den Termin.`,
    },
    when: 'Wann',
    where: 'Wo',
    cancel: 'Falls Sie nicht kommen können, melden Sie sich bitte hier ab, damit jemand von der Warteliste nachrücken kann:',
    bye: ['Mit freundlichen Grüßen', 'Ihr amoN-Projektteam'],
  },
  en: {
    hello: (name: string) => `Dear ${name},`,
    subject: { confirmation: 'Registration confirmed', waiting: 'Waiting list', moved_up: 'A place for you', event_cancelled: 'Cancelled' },
    lead: {
      confirmation: (t: string) => `thank you for registering for “${t}”. Your place is reserved; the attached entry adds it to your calendar.`,
      waiting: (t: string, p?: number) =>
        `“${t}” is fully booked. You are on the waiting list${p ? ` (number ${p})` : ''}. When a place frees up, people move up in order and get an e-mail.`,
      moved_up: (t: string) =>
        `a place at “${t}” has become free and you have moved up from the waiting list. Your place is reserved; the attached entry adds it to your calendar.`,
      event_cancelled: (t: string) =>
        `unfortunately “${t}” has been cancelled. Your registration ends with it; the attached entry removes it from your calendar.`,
    },
    when: 'When',
    where: 'Where',
    cancel: 'If you cannot come, please cancel here so that someone on the waiting list can move up:',
    bye: ['Kind regards', 'The amoN project team'],
  },
} as const;

export function eventMail(
  e: Event,
  r: Registration & { name: string; email: string },
  kind: EventMailKind,
  o: { cancelUrl?: string | undefined; position?: number | undefined; organizer: { name: string; email: string }; stamp: Date },
): OutgoingMail {
  const t = TEXT[r.language];
  const when = eventWhen(e, r.language);
  const where = [e.place, e.onlineUrl].filter(Boolean).join(' · ');
  const lead = kind === 'waiting' ? t.lead.waiting(e.title, o.position) : t.lead[kind](e.title);
  const facts = kind === 'event_cancelled' ? [] : [`${t.when}: ${when}`, ...(where ? [`${t.where}: ${where}`] : [])];
  const text = [t.hello(r.name), '', lead, '', ...facts, ...(o.cancelUrl ? ['', t.cancel, o.cancelUrl] : []), '', ...t.bye].join('\n');
  const html = `<p>${escapeHtml(t.hello(r.name))}</p>
<p>${escapeHtml(lead)}</p>${
    facts.length
      ? `\n<table role="presentation" cellpadding="4" style="border-collapse:collapse">
<tr><td style="font-weight:bold;vertical-align:top">${t.when}</td><td>${escapeHtml(when)}</td></tr>${where ? `\n<tr><td style="font-weight:bold;vertical-align:top">${t.where}</td><td>${escapeHtml(where)}</td></tr>` : ''}
</table>`
      : ''
  }${o.cancelUrl ? `\n<p>${escapeHtml(t.cancel)}<br><a href="${escapeHtml(o.cancelUrl)}">${escapeHtml(o.cancelUrl)}</a></p>` : ''}
<p>${t.bye.map(escapeHtml).join('<br>')}</p>`;
  const calendar =
    kind === 'waiting'
      ? undefined
      : {
          method: kind === 'event_cancelled' ? ('CANCEL' as const) : ('PUBLISH' as const),
          content: eventCalendar(e, { method: kind === 'event_cancelled' ? 'CANCEL' : 'PUBLISH', organizer: o.organizer, stamp: o.stamp }),
          filename: 'veranstaltung.ics',
        };
  return {
    to: r.email,
    replyTo: o.organizer.email,
    subject: `${t.subject[kind]}: ${e.title}, ${when}`,
    text,
    html,
    ...(calendar ? { calendar } : {}),
    kind: `event-${kind}`,
  };
}
