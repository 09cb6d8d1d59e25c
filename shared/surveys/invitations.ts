// Invitations: one per company and campaign; sending and reminding hand out a fresh 128-bit link and store only its hash.
import { mapLimit } from '../concurrency.ts';
import type { Actor } from '../audit/entry.ts';
import { companyRepository } from '../companies/repository.ts';
import type { Company } from '../companies/schema.ts';
import type { MailTransport } from '../email/message.ts';
import { Conflict, StaleVersion } from '../errors.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { berlinDate, type Clock } from '../time.ts';
import { surveyLink, surveyMail } from './mail.ts';
import { campaignCounts, invitationChange, invitationItem, invitationView, surveyRepository, type InvitationRecord } from './repository.ts';
import type { Campaign, InviteInput, InviteResult } from './schema.ts';
import { hashSecret, newSecret, tokenOf } from './token.ts';

/** Links stay valid after a reminder; only the newest few are kept. */
const KEPT_LINKS = 5;
const MAIL_CONCURRENCY = 8;

export type MailSetup = { transport: MailTransport; siteUrl: string };

export function invitationService(db: Db, mail: MailSetup, clock: Clock) {
  const repo = surveyRepository(db);
  const companies = companyRepository(db);

  /**
   * Mails one invitation a new link: the hash is written first (with the state), then the e-mail goes
   * out; if sending fails the state is put back, so "sent" never claims a mail that did not leave.
   */
  async function mailLink(campaign: Campaign, inv: InvitationRecord): Promise<boolean> {
    const secret = newSecret();
    const now = clock().toISOString();
    const hashes = [...inv.tokenHashes, hashSecret(secret)].slice(-KEPT_LINKS);
    const first = inv.state === 'created';
    const update = (state: InvitationRecord['state'], set: Record<string, unknown>, rev: number) => invitationChange({ ...inv, rev }, { state, ...set });
    const marked = first
      ? update('sent', { tokenHashes: hashes, sentAt: now }, inv.rev)
      : update(inv.state, { tokenHashes: hashes, remindedAt: [...inv.remindedAt, now] }, inv.rev);
    try {
      const change = writeSet(db).add(marked);
      if (first) change.add(campaignCounts(campaign.id, { sent: 1 }));
      await change.commit();
    } catch (error) {
      if (error instanceof StaleVersion) return false; // changed meanwhile (answered, removed): leave it
      throw error;
    }
    try {
      await mail.transport.send(
        surveyMail({
          campaign,
          to: inv.email,
          companyName: inv.companyName,
          ...(inv.contactPerson ? { contactPerson: inv.contactPerson } : {}),
          link: surveyLink(mail.siteUrl, tokenOf(campaign.id, inv.companyId, secret)),
          reminder: !first,
        }),
      );
      return true;
    } catch {
      const revert = first
        ? update('created', { tokenHashes: inv.tokenHashes }, inv.rev + 1)
        : update(inv.state, { tokenHashes: inv.tokenHashes, remindedAt: inv.remindedAt }, inv.rev + 1);
      const undo = writeSet(db).add(revert);
      if (first) undo.add(campaignCounts(campaign.id, { sent: -1 }));
      await undo.commit().catch(() => undefined);
      return false;
    }
  }

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
      const now = clock().toISOString();
      for (const c of chosen) {
        if (already.has(c.id)) skipped.push({ companyId: c.id, name: c.name, reason: 'bereits eingeladen' });
        else if (!c.email) skipped.push({ companyId: c.id, name: c.name, reason: 'keine E-Mail-Adresse' });
        else fresh.push(newInvitation(campaign.id, c, now));
      }
      for (let i = 0; i < fresh.length; i += 98) {
        const chunk = fresh.slice(i, i + 98);
        const changed = () => new Conflict('Die Einladungen wurden gleichzeitig geändert. Bitte erneut versuchen.', 'invitations_changed');
        const change = writeSet(db);
        for (const inv of chunk) change.create(invitationItem(inv, campaign), changed);
        await change
          .add(campaignCounts(campaign.id, { invited: chunk.length }), changed)
          .audit(actor, 'create', 'campaign-invitations', campaign.id, [`companies:${chunk.length}`], clock())
          .commit();
      }
      const sent = campaign.status === 'open' ? await this.sendPending(campaign) : 0;
      return { invited: fresh.length, skipped, sent };
    },

    /** Sends every invitation not sent yet (when a campaign opens, or after inviting into an open one). */
    async sendPending(campaign: Campaign): Promise<number> {
      const pending = (await repo.allInvitations(campaign.id)).filter((i) => i.state === 'created');
      const results = await mapLimit(pending, MAIL_CONCURRENCY, (inv) => mailLink(campaign, inv));
      return results.filter(Boolean).length;
    },

    /** Reminds the companies that have not submitted (all, or the named ones); a new link, the old ones keep working. */
    async remind(campaign: Campaign, companyIds: string[] | undefined, actor: Actor, onlyIfNotRemindedOn?: string): Promise<number> {
      if (campaign.status !== 'open') throw new Conflict('Erinnern kann man nur an eine geöffnete Umfrage.', 'not_open');
      const wanted = companyIds ? new Set(companyIds) : undefined;
      const targets = (await repo.allInvitations(campaign.id)).filter(
        (i) =>
          ['sent', 'opened', 'draft'].includes(i.state) &&
          (!wanted || wanted.has(i.companyId)) &&
          (!onlyIfNotRemindedOn || !i.remindedAt.some((at) => berlinDate(new Date(at)) === onlyIfNotRemindedOn)),
      );
      const results = await mapLimit(targets, MAIL_CONCURRENCY, (inv) => mailLink(campaign, inv));
      const reminded = results.filter(Boolean).length;
      if (reminded)
        await writeSet(db)
          .audit(actor, 'update', 'campaign-reminders', campaign.id, [`companies:${reminded}`], clock())
          .commit();
      return reminded;
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
