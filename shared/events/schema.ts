// Events with registration (Veranstaltungen): conferences, workshops, counselling days and trainings, with a public
// registration page, a capacity, a waiting list that moves up in order, and attendance. A registration asks for
// nothing more than the event needs: name, organisation, e-mail and the fields the event names.
import * as z from 'zod/mini';
import { berlinDateTime } from '../meetings/schema.ts';
import { httpsUrl, id, isoDate, isoDateTime, optionalText, pageQuery, phone, recordMeta, text } from '../schema-kit.ts';

export const EVENT_KINDS = ['conference', 'workshop', 'counselling_day', 'training'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** public: on the public page and open to anyone; partners: only through the partners' link. */
export const AUDIENCES = ['public', 'partners'] as const;
/** The optional fields an event may ask for, beyond name, organisation and e-mail. */
export const EXTRA_FIELDS = ['phone', 'role', 'dietary', 'accessibility'] as const;
export type ExtraField = (typeof EXTRA_FIELDS)[number];
export const REGISTRATION_STATES = ['registered', 'waiting', 'cancelled'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** The consent text shown under the form and stored with each registration, as it was when the person agreed. */
export const DEFAULT_CONSENT =
  'Ich bin einverstanden, dass das amoN-Projektteam meine Angaben speichert, um die Veranstaltung zu organisieren, mir dazu E-Mails zu schicken und eine Teilnahmeliste zu führen. Bei öffentlichen Veranstaltungen werden die Angaben drei Monate nach der Veranstaltung gelöscht.';

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  title: text(200, 3),
  description: optionalText(5000),
  /** Start and end in Europe/Berlin wall time. */
  startsAt: berlinDateTime,
  endsAt: berlinDateTime,
  place: optionalText(200),
  onlineUrl: z.optional(httpsUrl),
  capacity: z.number().check(z.int()).check(z.gte(1, 'mindestens ein Platz')).check(z.lte(2000)),
  /** The last Berlin day on which people can register themselves. */
  registrationDeadline: isoDate,
  audience: z.enum(AUDIENCES),
  fields: z._default(z.array(z.enum(EXTRA_FIELDS)).check(z.maxLength(EXTRA_FIELDS.length)), []),
  /** Whether the registration page is open (a draft is not yet). */
  published: z._default(z.boolean(), false),
  consentText: z._default(text(2000, 20), DEFAULT_CONSENT),
};
type Times = { startsAt: string; endsAt: string; registrationDeadline: string; place?: string | undefined; onlineUrl?: string | undefined };
const checked = <T extends z.ZodMiniType<Times>>(s: T) =>
  s.check(
    z.refine((e: Times) => e.endsAt > e.startsAt, { path: ['endsAt'], message: 'muss nach dem Beginn liegen' }),
    z.refine((e: Times) => e.registrationDeadline <= e.startsAt.slice(0, 10), { path: ['registrationDeadline'], message: 'liegt nach dem Beginn' }),
    z.refine((e: Times) => Boolean(e.place || e.onlineUrl), { path: ['place'], message: 'Ort oder Online-Link angeben' }),
  );

export const EventInput = checked(z.strictObject(eventFields)).clone().register(z.globalRegistry, { id: 'EventInput' });
export type EventInput = z.infer<typeof EventInput>;
export const EventUpdate = checked(z.strictObject({ ...eventFields, version: recordMeta.version }))
  .clone()
  .register(z.globalRegistry, { id: 'EventUpdate' });
export type EventUpdate = z.infer<typeof EventUpdate>;

const count = z.number().check(z.int()).check(z.gte(0));

export const Event = z
  .object({
    ...eventFields,
    ...recordMeta,
    /** Counters changed only by ADD, with the registrations that change them. */
    registered: count,
    waiting: count,
    attended: count,
    /** Cancelled by staff: registrations were told. */
    cancelledAt: z.optional(isoDateTime),
    /** When the registrations of a public event were deleted (only the counts remain). */
    purgedAt: z.optional(isoDateTime),
    /** The key in the link of a partners-only event (not personal; staff hand the link to the network). */
    partnerKey: z.optional(z.string()),
    createdBy: z.string(),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Event' });
export type Event = z.infer<typeof Event>;

export const EventListQuery = z.strictObject({
  /** upcoming: from today on, soonest first; past: newest first. */
  when: z._default(z.enum(['upcoming', 'past']), 'upcoming'),
  ...pageQuery,
});
export type EventListQuery = z.infer<typeof EventListQuery>;

// ── Registrations ─────────────────────────────────────────────────
const registrationFields = {
  name: text(120, 2),
  organisation: optionalText(200),
  email: z.email().check(z.maxLength(254)),
  phone: z.optional(phone),
  role: optionalText(120),
  dietary: optionalText(300),
  accessibility: optionalText(300),
};

/** What a person sends on the public page; `consent` must be given. */
export const RegistrationInput = z
  .strictObject({
    ...registrationFields,
    consent: z.literal(true, { error: 'Bitte stimmen Sie der Verarbeitung zu.' }),
    language: z._default(z.enum(['de', 'en']), 'de'),
  })
  .clone()
  .register(z.globalRegistry, { id: 'RegistrationInput' });
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** A person staff add (by phone, at the door): consent recorded by staff. */
export const StaffRegistrationInput = z
  .strictObject({ ...registrationFields, notify: z._default(z.boolean(), true) })
  .clone()
  .register(z.globalRegistry, { id: 'StaffRegistrationInput' });
export type StaffRegistrationInput = z.infer<typeof StaffRegistrationInput>;

export const Registration = z
  .object({
    ...registrationFields,
    /** A cancelled registration keeps no name and no address (only its state and times). */
    name: z.optional(z.string()),
    email: z.optional(z.string()),
    id,
    eventId: id,
    state: z.enum(REGISTRATION_STATES),
    language: z.enum(['de', 'en']),
    /** The consent text the person agreed to and when (or that staff added them). */
    consentText: z.string(),
    consentAt: isoDateTime,
    addedBy: z.optional(z.string()),
    attended: z.optional(z.boolean()),
    movedUpAt: z.optional(isoDateTime),
    cancelledAt: z.optional(isoDateTime),
    version: recordMeta.version,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .clone()
  .register(z.globalRegistry, { id: 'Registration' });
export type Registration = z.infer<typeof Registration>;

export const RegistrationListQuery = z.strictObject({ state: z.optional(z.enum(REGISTRATION_STATES)), ...pageQuery });
export type RegistrationListQuery = z.infer<typeof RegistrationListQuery>;

export const AttendanceInput = z
  .strictObject({ attended: z.array(id).check(z.maxLength(2000)), absent: z._default(z.array(id).check(z.maxLength(2000)), []) })
  .clone()
  .register(z.globalRegistry, { id: 'AttendanceInput' });
export type AttendanceInput = z.infer<typeof AttendanceInput>;

// ── The public page ───────────────────────────────────────────────
/** What the public page shows: the event, how many places are left, and whether one can register. */
export const PublicEvent = z
  .object({
    id,
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.optional(z.string()),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.optional(z.string()),
    onlineUrl: z.optional(z.string()),
    registrationDeadline: isoDate,
    fields: z.array(z.enum(EXTRA_FIELDS)),
    consentText: z.string(),
    placesLeft: count,
    /** open: a place is free; waiting_list: full, new registrations wait; closed: past the deadline, cancelled or over. */
    status: z.enum(['open', 'waiting_list', 'closed']),
  })
  .clone()
  .register(z.globalRegistry, { id: 'PublicEvent' });
export type PublicEvent = z.infer<typeof PublicEvent>;

export const PublicEventQuery = z.strictObject({
  /** The partners' key of a partners-only event (in the link staff send to partners). */
  k: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/))),
});

/** What the person is told after registering or cancelling (no personal data beyond the state). */
export const RegistrationResult = z
  .object({ state: z.enum(REGISTRATION_STATES), position: z.optional(z.number().check(z.int()).check(z.gte(1))), eventTitle: z.string() })
  .clone()
  .register(z.globalRegistry, { id: 'RegistrationResult' });
export type RegistrationResult = z.infer<typeof RegistrationResult>;
