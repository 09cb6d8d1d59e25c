// Survey campaigns, invitations and responses: one schema for API, question builder, hosted form and OpenAPI.
import * as z from 'zod/mini';
import { SIZE_CLASSES } from '../companies/schema.ts';
import { WZ_CODES } from '../companies/wz.ts';
import { DISTRICTS } from '../regions.ts';
import { id, isoDate, isoDateTime, pageQuery, recordMeta, text } from '../schema-kit.ts';
import { Label, Questions } from './questions.ts';

export const CAMPAIGN_KINDS = ['qualificationNeeds', 'migrantEmployment', 'custom'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const INVITATION_STATES = ['created', 'sent', 'opened', 'draft', 'submitted'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

const dates = <T extends { opensOn: string; closesOn: string }>(c: T) => c.opensOn <= c.closesOn;
const datesIssue = { path: ['closesOn'], message: 'darf nicht vor dem Beginn liegen' };

const campaignFields = {
  title: text(160, 3),
  kind: z.enum(CAMPAIGN_KINDS),
  /** First and last day of answering, Europe/Berlin (the last day counts until midnight). */
  opensOn: isoDate,
  closesOn: isoDate,
  intro: z.optional(Label),
  /** Days before closing on which non-responders get an automatic reminder. */
  reminderDaysBefore: z._default(z.array(z.number().check(z.int()).check(z.gte(1)).check(z.lte(60))).check(z.maxLength(3)), [7, 2]),
  questions: z._default(Questions, []),
};

export const CampaignInput = z.strictObject(campaignFields).check(z.refine(dates, datesIssue)).clone().register(z.globalRegistry, { id: 'CampaignInput' });
export type CampaignInput = z.infer<typeof CampaignInput>;

export const CampaignUpdate = z
  .strictObject({ ...campaignFields, version: recordMeta.version })
  .check(z.refine(dates, datesIssue))
  .clone()
  .register(z.globalRegistry, { id: 'CampaignUpdate' });
export type CampaignUpdate = z.infer<typeof CampaignUpdate>;

/** An occupation companies can name, frozen into the campaign when it opens. */
export const OccupationChoice = z.object({ code: z.string(), title: z.string() });
export type OccupationChoice = z.infer<typeof OccupationChoice>;

export const CampaignCounts = z.object({ invited: z.number(), sent: z.number(), opened: z.number(), submitted: z.number() });
export type CampaignCounts = z.infer<typeof CampaignCounts>;

export const Campaign = z
  .object({
    ...recordMeta,
    ...campaignFields,
    reminderDaysBefore: z.array(z.number()),
    questions: Questions,
    status: z.enum(CAMPAIGN_STATUSES),
    /** The campaign this one was created from as a new wave. */
    previousWaveId: z.optional(id),
    occupations: z.array(OccupationChoice),
    counts: CampaignCounts,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    openedAt: z.optional(isoDateTime),
    closedAt: z.optional(isoDateTime),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Campaign' });
export type Campaign = z.infer<typeof Campaign>;

export const CampaignListQuery = z.strictObject({ kind: z.optional(z.enum(CAMPAIGN_KINDS)), ...pageQuery });
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;

export const WaveInput = z
  .strictObject({ title: text(160, 3), opensOn: isoDate, closesOn: isoDate })
  .check(z.refine(dates, datesIssue))
  .clone()
  .register(z.globalRegistry, { id: 'WaveInput' });
export type WaveInput = z.infer<typeof WaveInput>;

/** Which companies to invite: named ones, or all that match a filter (all filters optional; at least one way). */
export const CompanyFilter = z.strictObject({
  wzSection: z.optional(z.enum(WZ_CODES as [string, ...string[]])),
  district: z.optional(z.enum(DISTRICTS)),
  sizeClass: z.optional(z.enum(SIZE_CLASSES)),
});
export type CompanyFilter = z.infer<typeof CompanyFilter>;

export const InviteInput = z
  .strictObject({ companyIds: z.optional(z.array(id).check(z.minLength(1)).check(z.maxLength(500))), filter: z.optional(CompanyFilter) })
  .check(
    z.refine((i) => Boolean(i.companyIds) !== Boolean(i.filter), { path: ['companyIds'], message: 'entweder Betriebe auswählen oder einen Filter angeben' }),
  )
  .clone()
  .register(z.globalRegistry, { id: 'InviteInput' });
export type InviteInput = z.infer<typeof InviteInput>;

export const InviteResult = z.object({
  invited: z.number(),
  skipped: z.array(z.object({ companyId: z.string(), name: z.string(), reason: z.string() })),
  /** The job that mails the invitations (only in an open campaign; a draft mails them when it opens). */
  jobId: z.optional(z.string()),
});
export type InviteResult = z.infer<typeof InviteResult>;

export const RemindInput = z
  .strictObject({ companyIds: z.optional(z.array(id).check(z.minLength(1)).check(z.maxLength(500))) })
  .clone()
  .register(z.globalRegistry, { id: 'RemindInput' });
export type RemindInput = z.infer<typeof RemindInput>;

/** What staff see of an invitation: the company snapshot and its state, never a token. */
export const Invitation = z
  .object({
    id: z.string(),
    campaignId: id,
    companyId: id,
    companyName: z.string(),
    email: z.string(),
    contactPerson: z.optional(z.string()),
    wzSection: z.string(),
    district: z.string(),
    sizeClass: z.string(),
    state: z.enum(INVITATION_STATES),
    createdAt: isoDateTime,
    sentAt: z.optional(isoDateTime),
    openedAt: z.optional(isoDateTime),
    draftSavedAt: z.optional(isoDateTime),
    submittedAt: z.optional(isoDateTime),
    remindedAt: z.array(isoDateTime),
    /** How many times the answers were submitted (1 on first submission). */
    version: z.number(),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export const InvitationListQuery = z.strictObject({ state: z.optional(z.enum(INVITATION_STATES)), ...pageQuery });
export type InvitationListQuery = z.infer<typeof InvitationListQuery>;

export const ResultsQuery = CompanyFilter.clone().register(z.globalRegistry, { id: 'ResultsQuery' });
export type ResultsQuery = z.infer<typeof ResultsQuery>;

export const ComparisonQuery = z.strictObject({ with: id, question: z.string().check(z.maxLength(20)) });
export type ComparisonQuery = z.infer<typeof ComparisonQuery>;

/** The public form's draft and submission bodies: answers by question id, checked against the campaign. */
export const AnswersBody = z
  .strictObject({ answers: z.record(z.string().check(z.maxLength(20)), z.unknown()) })
  .clone()
  .register(z.globalRegistry, { id: 'SurveyAnswers' });
export type AnswersBody = z.infer<typeof AnswersBody>;

/** What the hosted form receives for a valid link: the campaign's questions and this company's answers. */
export const SurveyForm = z
  .object({
    campaign: z.object({
      title: z.string(),
      kind: z.enum(CAMPAIGN_KINDS),
      intro: z.optional(Label),
      opensOn: isoDate,
      closesOn: isoDate,
      questions: Questions,
      occupations: z.array(OccupationChoice),
    }),
    company: z.object({ name: z.string() }),
    /** open: answers can be saved; notYet: before the first day; closed: read-only. */
    accepting: z.enum(['open', 'notYet', 'closed']),
    state: z.enum(INVITATION_STATES),
    answers: z.record(z.string(), z.unknown()),
    /** True when `answers` is an unsent draft. */
    isDraft: z.boolean(),
    version: z.number(),
    submittedAt: z.optional(isoDateTime),
    draftSavedAt: z.optional(isoDateTime),
  })
  .clone()
  .register(z.globalRegistry, { id: 'SurveyForm' });
export type SurveyForm = z.infer<typeof SurveyForm>;
