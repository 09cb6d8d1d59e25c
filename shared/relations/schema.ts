// Company relations: what the team does with a company (activities with follow-ups) and the learning-venue
// agreements (Lernortkooperationen) it wins. Company data is open to staff; notes never name a participant.
import * as z from 'zod/mini';
import { kldbCode } from '../cases/schema.ts';
import { id, isoDate, isoDateTime, optionalText, pageQuery, recordMeta } from '../schema-kit.ts';

export const ACTIVITY_KINDS = ['visit', 'call', 'email', 'counselling', 'information_event', 'agreement'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
/** The short list of topics; anything else goes in the free text. */
export const ACTIVITY_TOPICS = [
  'skill_needs',
  'learning_venue',
  'migrant_employment',
  'recognition',
  'funding',
  'survey',
  'placement',
  'intercultural',
] as const;

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS),
  date: isoDate,
  /** The person at the company the team spoke to (a contact, not a participant). */
  contactPerson: optionalText(120),
  topics: z._default(z.array(z.enum(ACTIVITY_TOPICS)).check(z.maxLength(ACTIVITY_TOPICS.length)), []),
  topicsText: optionalText(300),
  outcome: optionalText(1000),
  followUpOn: z.optional(isoDate),
};
const followUpAfterDate = <T extends z.ZodMiniObject<{ date: z.ZodMiniISODate; followUpOn: z.ZodMiniOptional<z.ZodMiniISODate> }>>(s: T): T =>
  s.check(
    z.refine((a: { date: string; followUpOn?: string | undefined }) => !a.followUpOn || a.followUpOn >= a.date, {
      path: ['followUpOn'],
      message: 'die Wiedervorlage liegt vor dem Kontakt',
    }),
  );

export const ActivityInput = followUpAfterDate(z.strictObject(activityFields)).clone().register(z.globalRegistry, { id: 'ActivityInput' });
export type ActivityInput = z.infer<typeof ActivityInput>;
export const ActivityUpdate = followUpAfterDate(z.strictObject({ ...activityFields, version: recordMeta.version }))
  .clone()
  .register(z.globalRegistry, { id: 'ActivityUpdate' });
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

export const Activity = z
  .object({
    ...activityFields,
    topics: z.array(z.enum(ACTIVITY_TOPICS)),
    ...recordMeta,
    companyId: id,
    companyName: z.string(),
    /** The staff member who had the contact and owns its follow-up. */
    staffId: z.string(),
    staffEmail: z.string(),
    /** When the follow-up was done; an open follow-up is in its owner's list. */
    followUpDoneAt: z.optional(isoDateTime),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .clone()
  .register(z.globalRegistry, { id: 'Activity' });
export type Activity = z.infer<typeof Activity>;

export const FollowUpDone = z.strictObject({ version: recordMeta.version }).clone().register(z.globalRegistry, { id: 'FollowUpDone' });

export const FollowUpQuery = z.strictObject({
  /** Follow-ups due on or before this date; absent: every open one. */
  dueBy: z.optional(isoDate),
  ...pageQuery,
});
export type FollowUpQuery = z.infer<typeof FollowUpQuery>;

/** The free text of an activity, checked for the names of participants before it is saved. */
export const NameCheckInput = z
  .strictObject({ text: z.string().check(z.maxLength(2000)) })
  .clone()
  .register(z.globalRegistry, { id: 'NameCheckInput' });
export const NameCheck = z
  .object({
    /** How many names of participants the text contains (the names are not repeated). */
    mentions: z.number().check(z.int()).check(z.gte(0)),
  })
  .clone()
  .register(z.globalRegistry, { id: 'NameCheck' });

// ── Learning-venue agreements ─────────────────────────────────────
const agreementFields = {
  companyId: id,
  /** The occupations the company trains for (KldB 2010 codes). */
  occupationCodes: z.array(kldbCode).check(z.minLength(1, 'mindestens ein Beruf')).check(z.maxLength(10)),
  places: z.number().check(z.int()).check(z.gte(1, 'mindestens ein Platz')).check(z.lte(100)),
  startsOn: isoDate,
  endsOn: z.optional(isoDate),
  contactPerson: optionalText(120),
  notes: optionalText(2000),
};
const datedAgreement = <T extends z.ZodMiniObject<{ startsOn: z.ZodMiniISODate; endsOn: z.ZodMiniOptional<z.ZodMiniISODate> }>>(s: T): T =>
  s.check(
    z.refine((a: { startsOn: string; endsOn?: string | undefined }) => !a.endsOn || a.endsOn >= a.startsOn, {
      path: ['endsOn'],
      message: 'Ende liegt vor dem Beginn',
    }),
  );

export const AgreementInput = datedAgreement(z.strictObject(agreementFields)).clone().register(z.globalRegistry, { id: 'AgreementInput' });
export type AgreementInput = z.infer<typeof AgreementInput>;
export const AgreementUpdate = datedAgreement(z.strictObject({ ...agreementFields, version: recordMeta.version }))
  .clone()
  .register(z.globalRegistry, { id: 'AgreementUpdate' });
export type AgreementUpdate = z.infer<typeof AgreementUpdate>;

export const Agreement = z
  .object({
    ...agreementFields,
    ...recordMeta,
    companyName: z.string(),
    occupationTitles: z.array(z.string()),
    createdBy: z.string(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .clone()
  .register(z.globalRegistry, { id: 'Agreement' });
export type Agreement = z.infer<typeof Agreement>;

export const AgreementListQuery = z.strictObject({
  /** current: not ended today; all: every agreement, newest start first. */
  state: z._default(z.enum(['current', 'all']), 'current'),
  /** The agreements of one company, newest start first (every one, whatever the state). */
  companyId: z.optional(id),
  ...pageQuery,
});
export type AgreementListQuery = z.infer<typeof AgreementListQuery>;

/** Who uses an agreement: the measures at its learning venue, and how many case modules name it. */
export const AgreementView = z
  .extend(Agreement, {
    measures: z.array(z.object({ id, title: z.string(), startDate: isoDate, endDate: isoDate })),
    /**
     * Plan modules of cases that name the agreement. Counsellors and admins get the number; coordinators get it only
     * from 3 on ("<3" below), so a single company's agreement does not point at one person.
     */
    modulesUsing: z.union([z.number().check(z.int()), z.literal('<3')]),
  })
  .clone()
  .register(z.globalRegistry, { id: 'AgreementView' });
export type AgreementView = z.infer<typeof AgreementView>;

// ── The company's timeline ────────────────────────────────────────
export const TimelineEntry = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('activity'), date: z.string(), activity: Activity }),
    z.object({ type: z.literal('agreement'), date: z.string(), agreement: Agreement }),
    z.object({
      type: z.literal('invitation'),
      date: z.string(),
      campaignId: id,
      state: z.string(),
      sentAt: z.optional(isoDateTime),
      submittedAt: z.optional(isoDateTime),
    }),
    z.object({
      type: z.literal('need'),
      date: z.string(),
      needId: z.string(),
      occupationTitle: z.string(),
      headcount: z.number().check(z.int()),
      status: z.string(),
    }),
    /** A proposal of a participant for one of the company's needs: never a name, and only for case roles. */
    z.object({ type: z.literal('proposal'), date: z.string(), needId: z.string(), occupationTitle: z.string(), state: z.string() }),
  ])
  .clone()
  .register(z.globalRegistry, { id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;
