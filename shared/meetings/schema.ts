// Network meetings (steering committee, working meetings, conferences, workshops), their attendance and action items.
import * as z from 'zod';
import { httpsUrl, id, isoDate, isoDateTime, optionalText, pageQuery, recordMeta, text } from '../schema-kit.ts';

export const MEETING_KINDS = ['steering_committee', 'working_meeting', 'conference', 'workshop'] as const;
export const ATTENDANCE = ['present', 'excused', 'absent'] as const;
export const ACTION_STATES = ['open', 'done'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** A wall-clock time in Europe/Berlin, minutes precision: "2026-12-09T10:00". */
export const berlinDateTime = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, 'Datum und Uhrzeit (JJJJ-MM-TTThh:mm)');

export const AgendaItem = z.strictObject({
  title: text(200),
  presenter: optionalText(120),
  minutes: z.number().int().min(0).max(600).optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

const meetingFields = {
  kind: z.enum(MEETING_KINDS),
  title: text(200, 3),
  /** Start and end in Europe/Berlin wall time. */
  startsAt: berlinDateTime,
  endsAt: berlinDateTime,
  place: optionalText(200),
  onlineUrl: httpsUrl.optional(),
  agenda: z.array(AgendaItem).max(30).default([]),
  /** Invited network members; their contacts with an e-mail address get the invitation. */
  inviteeIds: z.array(id).max(100).default([]),
};
const timesInOrder = (m: { startsAt: string; endsAt: string }) => m.endsAt > m.startsAt;
const timesIssue = { path: ['endsAt'], message: 'muss nach dem Beginn liegen' };

export const MeetingInput = z.strictObject(meetingFields).refine(timesInOrder, timesIssue).meta({ id: 'MeetingInput' });
export type MeetingInput = z.infer<typeof MeetingInput>;

export const MeetingUpdate = z
  .strictObject({
    ...meetingFields,
    minutes: optionalText(20_000),
    decisions: z.array(text(1000)).max(50).default([]),
    version: recordMeta.version,
  })
  .refine(timesInOrder, timesIssue)
  .meta({ id: 'MeetingUpdate' });
export type MeetingUpdate = z.infer<typeof MeetingUpdate>;

export const Invitee = z.object({
  memberId: id,
  name: z.string(),
  contacts: z.array(z.object({ name: z.string(), email: z.string() })),
  attendance: z.enum(ATTENDANCE).optional(),
});
export type Invitee = z.infer<typeof Invitee>;

export const Meeting = z
  .object({
    ...recordMeta,
    kind: z.enum(MEETING_KINDS),
    title: z.string(),
    startsAt: berlinDateTime,
    endsAt: berlinDateTime,
    place: z.string().optional(),
    onlineUrl: z.string().optional(),
    agenda: z.array(AgendaItem),
    inviteeIds: z.array(id),
    invitees: z.array(Invitee),
    minutes: z.string().optional(),
    decisions: z.array(z.string()),
    /** Raised with every change invitees were told about; the calendar UID stays the meeting id. */
    sequence: z.number().int(),
    invitationsSentAt: isoDateTime.optional(),
    cancelledAt: isoDateTime.optional(),
    seriesId: id.optional(),
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof Meeting>;

export const MeetingListQuery = z.strictObject({
  /** Berlin dates, inclusive: the calendar asks for one month at a time. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  ...pageQuery,
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

export const AttendanceInput = z
  .strictObject({
    version: recordMeta.version,
    entries: z
      .array(z.strictObject({ memberId: id, attendance: z.enum(ATTENDANCE) }))
      .min(1)
      .max(100),
  })
  .meta({ id: 'AttendanceInput' });
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const SeriesInput = z
  .strictObject({
    /** How many further monthly occurrences to create, on the same weekday of the month at the same time. */
    count: z.number().int().min(1).max(12),
  })
  .meta({ id: 'SeriesInput' });
export type SeriesInput = z.infer<typeof SeriesInput>;

export const ActionInput = z
  .strictObject({
    title: text(300, 3),
    ownerId: id,
    dueOn: isoDate,
    status: z.enum(ACTION_STATES).default('open'),
    notes: optionalText(2000),
  })
  .meta({ id: 'ActionInput' });
export type ActionInput = z.infer<typeof ActionInput>;

export const ActionUpdate = z.strictObject({ ...ActionInput.shape, version: recordMeta.version }).meta({ id: 'ActionUpdate' });
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
    notes: z.string().optional(),
    doneAt: isoDateTime.optional(),
  })
  .meta({ id: 'ActionItem' });
export type ActionItem = z.infer<typeof ActionItem>;

export const ActionListQuery = z.strictObject({
  status: z.enum(ACTION_STATES).optional(),
  ownerId: id.optional(),
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
  rate: z.number().nullable(),
});
export type AttendanceRate = z.infer<typeof AttendanceRate>;
export const AttendanceQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'darf nicht vor dem Beginn liegen' });
