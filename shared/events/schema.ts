// Events with registration (Veranstaltungen): conferences, workshops, counselling days and trainings, with a public
// registration page, a capacity, a waiting list that moves up in order, and attendance. A registration asks for
// nothing more than the event needs: name, organisation, e-mail and the fields the event names.
import * as z from 'zod';
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
  onlineUrl: httpsUrl.optional(),
  capacity: z.number().int().min(1, 'mindestens ein Platz').max(2000),
  /** The last Berlin day on which people can register themselves. */
  registrationDeadline: isoDate,
  audience: z.enum(AUDIENCES),
  fields: z.array(z.enum(EXTRA_FIELDS)).max(EXTRA_FIELDS.length).default([]),
  /** Whether the registration page is open (a draft is not yet). */
  published: z.boolean().default(false),
  consentText: text(2000, 20).default(DEFAULT_CONSENT),
};
type Times = { startsAt: string; endsAt: string; registrationDeadline: string; place?: string | undefined; onlineUrl?: string | undefined };
const checked = <T extends z.ZodType<Times>>(s: T) =>
  s
    .refine((e) => e.endsAt > e.startsAt, { path: ['endsAt'], message: 'muss nach dem Beginn liegen' })
    .refine((e) => e.registrationDeadline <= e.startsAt.slice(0, 10), { path: ['registrationDeadline'], message: 'liegt nach dem Beginn' })
    .refine((e) => Boolean(e.place || e.onlineUrl), { path: ['place'], message: 'Ort oder Online-Link angeben' });

export const EventInput = checked(z.strictObject(eventFields)).meta({ id: 'EventInput' });
export type EventInput = z.infer<typeof EventInput>;
export const EventUpdate = checked(z.strictObject({ ...eventFields, version: recordMeta.version })).meta({ id: 'EventUpdate' });
export type EventUpdate = z.infer<typeof EventUpdate>;

const count = z.number().int().min(0);

export const Event = z
  .object({
    ...eventFields,
    ...recordMeta,
    /** Counters changed only by ADD, with the registrations that change them. */
    registered: count,
    waiting: count,
    attended: count,
    /** Cancelled by staff: registrations were told. */
    cancelledAt: isoDateTime.optional(),
    /** When the registrations of a public event were deleted (only the counts remain). */
    purgedAt: isoDateTime.optional(),
    /** The key in the link of a partners-only event (not personal; staff hand the link to the network). */
    partnerKey: z.string().optional(),
    createdBy: z.string(),
  })
  .meta({ id: 'Event' });
export type Event = z.infer<typeof Event>;

export const EventListQuery = z.strictObject({
  /** upcoming: from today on, soonest first; past: newest first. */
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  ...pageQuery,
});
export type EventListQuery = z.infer<typeof EventListQuery>;

// ── Registrations ─────────────────────────────────────────────────
const registrationFields = {
  name: text(120, 2),
  organisation: optionalText(200),
  email: z.email().max(254),
  phone: phone.optional(),
  role: optionalText(120),
  dietary: optionalText(300),
  accessibility: optionalText(300),
};

/** What a person sends on the public page; `consent` must be given. */
export const RegistrationInput = z
  .strictObject({
    ...registrationFields,
    consent: z.literal(true, { error: 'Bitte stimmen Sie der Verarbeitung zu.' }),
    language: z.enum(['de', 'en']).default('de'),
  })
  .meta({ id: 'RegistrationInput' });
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** A person staff add (by phone, at the door): consent recorded by staff. */
export const StaffRegistrationInput = z.strictObject({ ...registrationFields, notify: z.boolean().default(true) }).meta({ id: 'StaffRegistrationInput' });
export type StaffRegistrationInput = z.infer<typeof StaffRegistrationInput>;

export const Registration = z
  .object({
    ...registrationFields,
    /** A cancelled registration keeps no name and no address (only its state and times). */
    name: z.string().optional(),
    email: z.string().optional(),
    id,
    eventId: id,
    state: z.enum(REGISTRATION_STATES),
    language: z.enum(['de', 'en']),
    /** The consent text the person agreed to and when (or that staff added them). */
    consentText: z.string(),
    consentAt: isoDateTime,
    addedBy: z.string().optional(),
    attended: z.boolean().optional(),
    movedUpAt: isoDateTime.optional(),
    cancelledAt: isoDateTime.optional(),
    version: recordMeta.version,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Registration' });
export type Registration = z.infer<typeof Registration>;

export const RegistrationListQuery = z.strictObject({ state: z.enum(REGISTRATION_STATES).optional(), ...pageQuery });
export type RegistrationListQuery = z.infer<typeof RegistrationListQuery>;

export const AttendanceInput = z.strictObject({ attended: z.array(id).max(2000), absent: z.array(id).max(2000).default([]) }).meta({ id: 'AttendanceInput' });
export type AttendanceInput = z.infer<typeof AttendanceInput>;

// ── The public page ───────────────────────────────────────────────
/** What the public page shows: the event, how many places are left, and whether one can register. */
export const PublicEvent = z
  .object({
    id,
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.string().optional(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string().optional(),
    onlineUrl: z.string().optional(),
    registrationDeadline: isoDate,
    fields: z.array(z.enum(EXTRA_FIELDS)),
    consentText: z.string(),
    placesLeft: count,
    /** open: a place is free; waiting_list: full, new registrations wait; closed: past the deadline, cancelled or over. */
    status: z.enum(['open', 'waiting_list', 'closed']),
  })
  .meta({ id: 'PublicEvent' });
export type PublicEvent = z.infer<typeof PublicEvent>;

export const PublicEventQuery = z.strictObject({
  /** The partners' key of a partners-only event (in the link staff send to partners). */
  k: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
});

/** What the person is told after registering or cancelling (no personal data beyond the state). */
export const RegistrationResult = z
  .object({ state: z.enum(REGISTRATION_STATES), position: z.number().int().min(1).optional(), eventTitle: z.string() })
  .meta({ id: 'RegistrationResult' });
export type RegistrationResult = z.infer<typeof RegistrationResult>;
