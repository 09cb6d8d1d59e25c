// Invitations: one per company and campaign. Sending and reminding are jobs (shared/surveys/jobs.ts): each mail hands
// out a fresh 128-bit link and only its hash is stored.
import type { Actor } from '../audit/entry.ts';
import { companyRepository } from '../companies/repository.ts';
import type { Company } from '../companies/schema.ts';
import { Conflict } from '../errors.ts';
import type { Job } from '../jobs/schema.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import type { Clock } from '../time.ts';
import { startInvitations, startReminders } from './jobs.ts';
import { campaignCounts, invitationItem, invitationView, surveyRepository, type InvitationRecord } from './repository.ts';
import type { Campaign, InviteInput, InviteResult } from './schema.ts';

export function invitationService(db: Db, clock: Clock) {
  const repo = surveyRepository(db);
  const companies = companyRepository(db);

  return {
    list: (...a: Parameters<typeof repo.invitations>) => repo.invitations(...a),
    ofCompany: (...a: Parameters<typeof repo.invitationsOfCompany>) => repo.invitationsOfCompany(...a),

    /** Invites the chosen companies (by id or by filter); in an open campaign the e-mails go out at once. */
    async invite(campaign: Campaign, input: InviteInput, actor: Actor): Promise<InviteResult> {
      if (campaign.status === 'closed') throw new Conflict('Zu einer geschlossenen Umfrage kann niemand mehr eingeladen werden.', 'campaign_closed');
      const chosen: Company[] = input.companyIds ? await companies.getMany([...new Set(input.companyIds)]) : await companies.listAll(input.filter ?? {});
      const already = new Set((await repo.allInvitations(campaign.id)).map((i) => i.companyId));
      const skipped: InviteResult['skipped'] = [];
      const fresh: InvitationRecord[] = [];
      const now = clock();
      for (const c of chosen) {
        if (already.has(c.id)) skipped.push({ companyId: c.id, name: c.name, reason: 'bereits eingeladen' });
        else if (!c.email) skipped.push({ companyId: c.id, name: c.name, reason: 'keine E-Mail-Adresse' });
        else fresh.push(newInvitation(campaign.id, c, now.toISOString()));
      }
      // In an open campaign the e-mails go out as a job, written with the last invitations (nothing is mailed before
      // every invitation is there).
      let job: Job | undefined;
      for (let i = 0; i < fresh.length; i += 97) {
        const chunk = fresh.slice(i, i + 97);
        const changed = () => new Conflict('Die Einladungen wurden gleichzeitig geändert. Bitte erneut versuchen.', 'invitations_changed');
        const change = writeSet(db);
        for (const inv of chunk) change.create(invitationItem(inv, campaign), changed);
        change
          .add(campaignCounts(campaign.id, { invited: chunk.length }), changed)
          .audit(actor, 'create', 'campaign-invitations', campaign.id, [`companies:${chunk.length}`], now);
        if (campaign.status === 'open' && i + 97 >= fresh.length) job = startInvitations(db, campaign, change, actor, now);
        await change.commit();
      }
      return { invited: fresh.length, skipped, ...(job ? { jobId: job.id } : {}) };
    },

    /** Reminds the companies that have not submitted (all, or the named ones) as a job: a new link each, the old ones keep working. */
    async remind(campaign: Campaign, companyIds: string[] | undefined, actor: Actor): Promise<Job> {
      if (campaign.status !== 'open') throw new Conflict('Erinnern kann man nur an eine geöffnete Umfrage.', 'not_open');
      const now = clock();
      const change = writeSet(db).audit(actor, 'update', 'campaign-reminders', campaign.id, [`companies:${companyIds?.length ?? 'all'}`], now);
      const job = startReminders(db, campaign, change, actor, now, companyIds ? { companyIds } : {});
      await change.commit();
      return job;
    },

    /** Withdraws an invitation that has no answers; its links stop working. */
    async remove(campaign: Campaign, companyId: string, actor: Actor) {
      const inv = await repo.invitation(campaign.id, companyId);
      if (!inv) return undefined;
      if (inv.state === 'submitted' || inv.answers) throw new Conflict('Eine beantwortete Einladung bleibt bestehen.', 'invitation_answered');
      const opened = inv.state === 'opened' || inv.state === 'draft';
      await repo
        .removeInvitationAsOf(inv, writeSet(db))
        .add(campaignCounts(campaign.id, { invited: -1, sent: inv.state === 'created' ? 0 : -1, opened: opened ? -1 : 0 }))
        .audit(actor, 'delete', 'campaign-invitations', campaign.id, [`company:${companyId}`], clock())
        .commit();
      return invitationView(inv);
    },
  };
}

export function newInvitation(campaignId: string, c: Company, now: string): InvitationRecord {
  return {
    id: `${campaignId}.${c.id}`,
    campaignId,
    companyId: c.id,
    companyName: c.name,
    email: c.email ?? '',
    ...(c.contactPerson ? { contactPerson: c.contactPerson } : {}),
    wzSection: c.wzSection,
    district: c.district,
    sizeClass: c.sizeClass,
    state: 'created',
    createdAt: now,
    remindedAt: [],
    version: 0,
    tokenHashes: [],
    rev: 1,
  };
}
