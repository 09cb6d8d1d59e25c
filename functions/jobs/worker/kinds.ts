// What each kind of job does, put together from the capabilities that own the work (the composition root of the worker).
import { caseImportKind } from '#shared/cases/jobs.ts';
import { companyImportKind } from '#shared/companies/jobs.ts';
import { eventJobKinds } from '#shared/events/jobs.ts';
import type { JobKindHandler } from '#shared/jobs/engine.ts';
import type { JobKind } from '#shared/jobs/schema.ts';
import { newsletterJobKinds } from '#shared/newsletters/jobs.ts';
import { offerImportKind } from '#shared/offers/domain.ts';
import { measureJobKinds } from '#shared/measures/jobs.ts';
import { meetingJobKinds, type MeetingMailSetup } from '#shared/meetings/jobs.ts';
import type { ReportStore } from '#shared/reports/domain.ts';
import { reportJobKinds, type DigestSetup } from '#shared/reports/jobs.ts';
import { surveyJobKinds, type MailSetup } from '#shared/surveys/jobs.ts';
import type { Db } from '#shared/table/port.ts';
import type { Clock } from '#shared/time.ts';

export type JobDependencies = { surveyMail: MailSetup; meetingMail: MeetingMailSetup; digest: { store: ReportStore; setup: () => DigestSetup } };

export function jobKinds(db: Db, deps: JobDependencies, clock: Clock): Record<JobKind, JobKindHandler> {
  return {
    ...surveyJobKinds(db, deps.surveyMail, clock),
    ...meetingJobKinds(db, deps.meetingMail, clock),
    ...reportJobKinds(db, deps.digest.store, deps.digest.setup, clock),
    ...companyImportKind(db),
    ...caseImportKind(db),
    ...offerImportKind(db),
    ...measureJobKinds(db, clock),
    // Event mails go out like survey mails (site links) from the meetings' organizer, who can receive replies.
    ...eventJobKinds(db, { transport: deps.surveyMail.transport, siteUrl: deps.surveyMail.siteUrl, organizer: deps.meetingMail.organizer }, clock),
    // Newsletters carry the digest's kind of one-click unsubscribe, signed with the same secret.
    ...newsletterJobKinds(db, deps.digest.setup, clock),
  };
}
