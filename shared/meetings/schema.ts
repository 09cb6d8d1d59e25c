// Network meetings (steering committee, working meetings, conferences, workshops), their attendance and action items.
import * as z from 'zod/mini';
import { httpsUrl, id, isoDate, isoDateTime, optionalText, pageQuery, recordMeta, text } from '../schema-kit.ts';

export const MEETING_KINDS = ['steering_committee', 'working_meeting', 'conference', 'workshop'] as const;
export const ATTENDANCE = ['present', 'excused', 'absent'] as const;
export const ACTION_STATES = ['open', 'done'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** A wall-clock time in Europe/Berlin, minutes precision: "2026-12-09T10:00". */
export const berlinDateTime = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, 'Datum und Uhrzeit (JJJJ-MM-TTThh:mm)'));

export const AgendaItem = z.strictObject({
  title: text(200),
  presenter: optionalText(120),
  minutes: z.optional(z.number().check(z.int()).check(z.gte(0)).check(z.lte(600))),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

const meetingFields = {
  kind: z.enum(MEETING_KINDS),
  title: text(200, 3),
  /** Start and end in Europe/Berlin wall time. */
  startsAt: berlinDateTime,
  endsAt: berlinDateTime,
  place: optionalText(200),
  onlineUrl: z.optional(httpsUrl),
  agenda: z._default(z.array(AgendaItem).check(z.maxLength(30)), []),
  /** Invited network members; their contacts with an e-mail address get the invitation. */
  inviteeIds: z._default(z.array(id).check(z.maxLength(100)), []),
};
const timesInOrder = (m: { startsAt: string; endsAt: string }) => m.endsAt > m.startsAt;
const timesIssue = { path: ['endsAt'], message: 'muss nach dem Beginn liegen' };

export const MeetingInput = z.strictObject(meetingFields).check(z.refine(timesInOrder, timesIssue)).clone().register(z.globalRegistry, { id: 'MeetingInput' });
export type MeetingInput = z.infer<typeof MeetingInput>;

export const MeetingUpdate = z
  .strictObject({
    ...meetingFields,
    minutes: optionalText(20_000),
    decisions: z._default(z.array(text(1000)).check(z.maxLength(50)), []),
    version: recordMeta.version,
  })
  .check(z.refine(timesInOrder, timesIssue))
  .clone()
  .register(z.globalRegistry, { id: 'MeetingUpdate' });
export type MeetingUpdate = z.infer<typeof MeetingUpdate>;

export const Invitee = z.object({
  memberId: id,
  name: z.string(),
  contacts: z.array(z.object({ name: z.string(), email: z.string() })),
  attendance: z.optional(z.enum(ATTENDANCE)),
});
export type Invitee = z.infer<typeof Invitee>;

export const Meeting = z
  .object({
    ...recordMeta,
    kind: z.enum(MEETING_KINDS),
    title: z.string(),
    startsAt: berlinDateTime,
    endsAt: berlinDateTime,
    place: z.optional(z.string()),
    onlineUrl: z.optional(z.string()),
    agenda: z.array(AgendaItem),
    inviteeIds: z.array(id),
    invitees: z.array(Invitee),
    minutes: z.optional(z.string()),
    decisions: z.array(z.string()),
    /** Raised with every change invitees were told about; the calendar UID stays the meeting id. */
    sequence: z.number().check(z.int()),
    invitationsSentAt: z.optional(isoDateTime),
    cancelledAt: z.optional(isoDateTime),
    seriesId: z.optional(id),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Meeting' });
export type Meeting = z.infer<typeof Meeting>;

export const MeetingListQuery = z.strictObject({
  /** Berlin dates, inclusive: the calendar asks for one month at a time. */
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  kind: z.optional(z.enum(MEETING_KINDS)),
  ...pageQuery,
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

export const AttendanceInput = z
  .strictObject({
    version: recordMeta.version,
    entries: z
      .array(z.strictObject({ memberId: id, attendance: z.enum(ATTENDANCE) }))
      .check(z.minLength(1))
      .check(z.maxLength(100)),
  })
  .clone()
  .register(z.globalRegistry, { id: 'AttendanceInput' });
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const SeriesInput = z
  .strictObject({
    /** How many further monthly occurrences to create, on the same weekday of the month at the same time. */
    count: z.number().check(z.int()).check(z.gte(1)).check(z.lte(12)),
  })
  .clone()
  .register(z.globalRegistry, { id: 'SeriesInput' });
export type SeriesInput = z.infer<typeof SeriesInput>;

export const ActionInput = z
  .strictObject({
    title: text(300, 3),
    ownerId: id,
    dueOn: isoDate,
    status: z._default(z.enum(ACTION_STATES), 'open'),
    notes: optionalText(2000),
  })
  .clone()
  .register(z.globalRegistry, { id: 'ActionInput' });
export type ActionInput = z.infer<typeof ActionInput>;

export const ActionUpdate = z
  .strictObject({ ...ActionInput.shape, version: recordMeta.version })
  .clone()
  .register(z.globalRegistry, { id: 'ActionUpdate' });
export type ActionUpdate = z.infer<typeof ActionUpdate>;

export const ActionItem = z
  .object({
    ...recordMeta,
    meetingId: id,
    meetingTitle: z.string(),
    meetingStartsAt: berlinDateTime,
    title: z.string(),
    ownerId: id,
    ownerName: z.string(),
    dueOn: isoDate,
    status: z.enum(ACTION_STATES),
    notes: z.optional(z.string()),
    doneAt: z.optional(isoDateTime),
  })
  .clone()
  .register(z.globalRegistry, { id: 'ActionItem' });
export type ActionItem = z.infer<typeof ActionItem>;

export const ActionListQuery = z.strictObject({
  status: z.optional(z.enum(ACTION_STATES)),
  ownerId: z.optional(id),
  ...pageQuery,
});
export type ActionListQuery = z.infer<typeof ActionListQuery>;

export const AttendanceRate = z.object({
  memberId: id,
  name: z.string(),
  invited: z.number(),
  present: z.number(),
  excused: z.number(),
  absent: z.number(),
  rate: z.nullable(z.number()),
});
export type AttendanceRate = z.infer<typeof AttendanceRate>;
export const AttendanceQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .check(z.refine((q) => q.from <= q.to, { path: ['to'], message: 'darf nicht vor dem Beginn liegen' }));
