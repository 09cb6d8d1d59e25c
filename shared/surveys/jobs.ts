// The survey's background work: invitation and reminder e-mails, one job item per company. Each item mails one new
// link: its hash is stored first (a link only leaves once it works), then the e-mail goes out, then the invitation is
// marked sent (or reminded) by this job, so an item tried again after it got through never mails twice.
import type { Actor } from '../audit/entry.ts';
import type { JobKindHandler } from '../jobs/engine.ts';
import { jobRepository } from '../jobs/repository.ts';
import { newJob, type Job } from '../jobs/schema.ts';
import { StaleVersion } from '../errors.ts';
import type { Db } from '../table/port.ts';
import { writeSet, type WriteSet } from '../table/write-set.ts';
import { berlinDate, type Clock } from '../time.ts';
import { surveyLink, surveyMail } from './mail.ts';
import { campaignCounts, invitationChange, surveyRepository, type InvitationRecord } from './repository.ts';
import type { Campaign } from './schema.ts';
import { hashSecret, newSecret, tokenOf } from './token.ts';
import type { MailTransport } from '../email/message.ts';

export type MailSetup = { transport: MailTransport; siteUrl: string };

/** Links stay valid after a reminder; only the newest few are kept. */
const KEPT_LINKS = 5;
/** Reminder jobs remembered on an invitation (to know that a job's reminder went out). */
const KEPT_REMINDER_JOBS = 5;
const REMINDABLE: InvitationRecord['state'][] = ['sent', 'opened', 'draft'];

/** Starts the invitation e-mails of an open campaign, in the change that opens it or invites into it. */
export function startInvitations(db: Db, campaign: Pick<Campaign, 'id' | 'title'>, change: WriteSet, actor: Actor, now: Date): Job {
  const job = newJob({ kind: 'campaign-invitations', subject: { type: 'campaign', id: campaign.id }, title: `Einladungen zu „${campaign.title}“`, actor, now });
  jobRepository(db).start(job, change);
  return job;
}

/** Starts reminder e-mails: to the named companies, or to every one that has not submitted (the daily run: not twice a day). */
export function startReminders(
  db: Db,
  campaign: Pick<Campaign, 'id' | 'title'>,
  change: WriteSet,
  actor: Actor,
  now: Date,
  o: { companyIds?: string[]; notRemindedOn?: string } = {},
): Job {
  const params: Job['params'] = { ...(o.companyIds ? { companyIds: o.companyIds } : {}), ...(o.notRemindedOn ? { notRemindedOn: o.notRemindedOn } : {}) };
  const job = newJob({
    kind: 'campaign-reminders',
    subject: { type: 'campaign', id: campaign.id },
    title: `Erinnerungen zu „${campaign.title}“`,
    params,
    actor,
    now,
  });
  jobRepository(db).start(job, change);
  return job;
}

export function surveyJobKinds(db: Db, mail: MailSetup, clock: Clock): Record<'campaign-invitations' | 'campaign-reminders', JobKindHandler> {
  const repo = surveyRepository(db);

  /** Reads the invitation again and applies `change` as of its revision, a few times if the company wrote meanwhile. */
  async function changeInvitation(campaignId: string, companyId: string, change: (inv: InvitationRecord) => WriteSet | undefined): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const inv = await repo.invitation(campaignId, companyId);
      const ws = inv && change(inv);
      if (!ws) return;
      try {
        return await ws.commit();
      } catch (error) {
        if (!(error instanceof StaleVersion) || attempt >= 5) throw error;
      }
    }
  }

  /** Stores a new link's hash on the invitation (marking it as this job's) and answers the link. */
  async function newLink(campaign: Campaign, inv: InvitationRecord, job: Job): Promise<string> {
    const secret = newSecret();
    const hashes = [...inv.tokenHashes, hashSecret(secret)].slice(-KEPT_LINKS);
    await writeSet(db)
      .add(invitationChange(inv, { tokenHashes: hashes, ...(job.kind === 'campaign-invitations' ? { sendingBy: job.id } : {}) }))
      .commit();
    return surveyLink(mail.siteUrl, tokenOf(campaign.id, inv.companyId, secret));
  }

  async function send(campaign: Campaign, inv: InvitationRecord, link: string, reminder: boolean) {
    await mail.transport.send(
      surveyMail({
        campaign,
        to: inv.email,
        companyName: inv.companyName,
        ...(inv.contactPerson ? { contactPerson: inv.contactPerson } : {}),
        link,
        reminder,
      }),
    );
  }

  const invitations: JobKindHandler = {
    async items(job) {
      const all = await repo.allInvitations(job.subject.id);
      return all.filter((i) => i.state === 'created').map((i) => ({ key: i.companyId, label: i.companyName }));
    },

    async perform(job, item) {
      const { campaign, invitation: inv } = await repo.campaignWithInvitation(job.subject.id, item.key);
      if (!campaign || !inv || campaign.status !== 'open') return 'skipped';
      if (inv.sentBy === job.id) return 'done'; // an earlier attempt got through
      if (inv.state !== 'created' || (inv.sendingBy && inv.sendingBy !== job.id)) return 'skipped'; // sent by another job
      const link = await newLink(campaign, inv, job);
      await send(campaign, inv, link, false);
      const at = clock().toISOString();
      await changeInvitation(campaign.id, inv.companyId, (now) => {
        // The company may have opened the link already; the counters count the mail once either way.
        const set = now.state === 'created' ? { state: 'sent', sentAt: at, sentBy: job.id } : { sentAt: now.sentAt ?? at, sentBy: job.id };
        return writeSet(db)
          .add(invitationChange(now, set, ['sendingBy']))
          .add(campaignCounts(campaign.id, { sent: 1 }));
      });
      return 'done';
    },
  };

  const reminders: JobKindHandler = {
    async items(job) {
      const wanted = Array.isArray(job.params.companyIds) ? new Set(job.params.companyIds) : undefined;
      const day = typeof job.params.notRemindedOn === 'string' ? job.params.notRemindedOn : undefined;
      const all = await repo.allInvitations(job.subject.id);
      return all
        .filter((i) => REMINDABLE.includes(i.state) && (!wanted || wanted.has(i.companyId)) && !(day && remindedOn(i, day)))
        .map((i) => ({ key: i.companyId, label: i.companyName }));
    },

    async perform(job, item) {
      const { campaign, invitation: inv } = await repo.campaignWithInvitation(job.subject.id, item.key);
      if (!campaign || !inv || campaign.status !== 'open') return 'skipped';
      if (inv.remindedBy?.includes(job.id)) return 'done';
      const day = typeof job.params.notRemindedOn === 'string' ? job.params.notRemindedOn : undefined;
      if (!REMINDABLE.includes(inv.state) || (day && remindedOn(inv, day))) return 'skipped'; // answered, or reminded today
      const link = await newLink(campaign, inv, job);
      await send(campaign, inv, link, true);
      const at = clock().toISOString();
      await changeInvitation(campaign.id, inv.companyId, (now) =>
        writeSet(db).add(
          invitationChange(now, { remindedAt: [...now.remindedAt, at], remindedBy: [...(now.remindedBy ?? []), job.id].slice(-KEPT_REMINDER_JOBS) }),
        ),
      );
      return 'done';
    },
  };

  return { 'campaign-invitations': invitations, 'campaign-reminders': reminders };
}

const remindedOn = (inv: Pick<InvitationRecord, 'remindedAt'>, day: string) => inv.remindedAt.some((at) => berlinDate(new Date(at)) === day);
