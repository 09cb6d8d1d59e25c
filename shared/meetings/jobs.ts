// A meeting's e-mails as background work: invitations, updates and cancellations with the calendar entry, one job
// item per invited contact. Each item reads the meeting as it is when it runs: a newer change (a higher SEQUENCE) or
// a cancellation makes the older mails pointless, so they are skipped and the newer job tells everyone. The item is
// marked sent right after its mail is handed over, so an attempt tried again after that does not mail twice.
import { createHash } from 'node:crypto';
import type { Actor } from '../audit/entry.ts';
import type { MailTransport } from '../email/message.ts';
import type { JobKindHandler } from '../jobs/engine.ts';
import { jobRepository } from '../jobs/repository.ts';
import { newJob, type Job, type JobKind } from '../jobs/schema.ts';
import type { Db } from '../table/port.ts';
import type { WriteSet } from '../table/write-set.ts';
import { berlinInstant, type Clock } from '../time.ts';
import type { Person } from './calendar.ts';
import { meetingMail, type MeetingMailKind } from './mail.ts';
import { meetingRepository } from './repository.ts';
import type { Meeting } from './schema.ts';

export type MeetingMailSetup = { transport: MailTransport; organizer: Person };

export type MeetingJobKind = Extract<JobKind, `meeting-${string}`>;

const KIND_OF: Record<MeetingMailKind, MeetingJobKind> = {
  invitation: 'meeting-invitations',
  update: 'meeting-updates',
  cancellation: 'meeting-cancellations',
};
const MAIL_OF: Record<MeetingJobKind, MeetingMailKind> = {
  'meeting-invitations': 'invitation',
  'meeting-updates': 'update',
  'meeting-cancellations': 'cancellation',
};
const TITLE: Record<MeetingMailKind, string> = { invitation: 'Einladungen', update: 'Änderungen', cancellation: 'Absagen' };

/** An item per invited contact: the member and a digest of the address (the key shows in the API, the address does not). */
const contactKey = (memberId: string, email: string) => `${memberId}.${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16)}`;

/**
 * Starts the mails of `kind` to the meeting's invitees (or only to `memberIds`, newly invited), in the change that
 * records the meeting's new state.
 */
export function startMeetingMails(db: Db, m: Meeting, kind: MeetingMailKind, change: WriteSet, actor: Actor, now: Date, memberIds?: string[]): Job {
  const job = newJob({
    kind: KIND_OF[kind],
    subject: { type: 'meeting', id: m.id },
    title: `${TITLE[kind]} zu „${m.title}“`,
    params: { sequence: String(m.sequence), ...(memberIds ? { memberIds } : {}) },
    actor,
    now,
  });
  jobRepository(db).start(job, change);
  return job;
}

/** The meeting's newest job of `kind`, if any (a repeated cancellation answers the first one's job). */
export async function latestMeetingJob(db: Db, meetingId: string, kind: MeetingMailKind): Promise<Job | undefined> {
  const { items } = await jobRepository(db).ofSubject({ type: 'meeting', id: meetingId }, undefined, 20);
  return items.find((j) => j.kind === KIND_OF[kind]);
}

export function meetingJobKinds(db: Db, mail: MeetingMailSetup, clock: Clock): Record<MeetingJobKind, JobKindHandler> {
  const meetings = meetingRepository(db);
  const jobs = jobRepository(db);

  function recipients(m: Meeting, job: Job) {
    const only = Array.isArray(job.params.memberIds) ? new Set(job.params.memberIds) : undefined;
    const seen = new Set<string>();
    return m.invitees
      .filter((i) => !only || only.has(i.memberId))
      .flatMap((i) => i.contacts.map((c) => ({ key: contactKey(i.memberId, c.email), label: `${c.name} (${i.name})`, to: c })))
      .filter((r) => !seen.has(r.key) && seen.add(r.key));
  }

  /** Why the item's mail is no longer wanted, if it is not. */
  function outdated(m: Meeting, job: Job, now: Date): boolean {
    if (job.kind === 'meeting-cancellations') return false;
    if (m.cancelledAt || String(m.sequence) !== job.params.sequence) return true; // a newer job tells everyone
    return berlinInstant(m.endsAt) <= now;
  }

  const kind: JobKindHandler = {
    async items(job) {
      const m = await meetings.get(job.subject.id);
      return m ? recipients(m, job).map(({ key, label }) => ({ key, label })) : [];
    },

    async perform(job, item) {
      const m = await meetings.get(job.subject.id);
      const now = clock();
      if (!m || outdated(m, job, now)) return 'skipped';
      const recipient = recipients(m, job).find((r) => r.key === item.key);
      if (!recipient) return 'skipped'; // no longer invited, or the address changed (the newer job has it)
      if (await jobs.wasSent(item)) return 'done';
      const mailKind = MAIL_OF[job.kind as MeetingJobKind];
      const carriedOver = mailKind === 'cancellation' ? [] : (await meetings.openActions()).filter((a) => a.meetingStartsAt < m.startsAt);
      await mail.transport.send(meetingMail(m, mailKind, recipient.to, mail.organizer, now, carriedOver));
      await jobs.markSent(item, clock());
      return 'done';
    },
  };

  return { 'meeting-invitations': kind, 'meeting-updates': kind, 'meeting-cancellations': kind };
}
