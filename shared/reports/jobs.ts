// The monthly digest as background work: one job item per subscribed contact. Each item reads the contact's
// delivery record of the month: one already sent is left alone, one this job claimed before (its attempt was cut
// short) is taken up again; otherwise it is claimed, mailed and marked sent by this job, so a retried item never
// mails twice. A failed mail is marked failed with its reason and tried again with backoff. A resend job mails one
// recipient again, whatever the record says. When a job ends, the report's delivery summary is counted anew.
import { createHash } from 'node:crypto';
import type { Actor } from '../audit/entry.ts';
import type { MailTransport } from '../email/message.ts';
import { NotFound } from '../errors.ts';
import type { JobKindHandler } from '../jobs/engine.ts';
import { jobRepository } from '../jobs/repository.ts';
import { newJob, type Job } from '../jobs/schema.ts';
import { memberRepository } from '../members/repository.ts';
import type { Db } from '../table/port.ts';
import type { WriteSet } from '../table/write-set.ts';
import { germanMonth, type Clock } from '../time.ts';
import { digestMail } from './mail.ts';
import type { Delivery, DeliverySummary, Recipient, ReportStore } from './model.ts';
import { recipientKey, reportRepository } from './repository.ts';

export type DigestSetup = {
  transport: MailTransport;
  siteUrl: string;
  /** The address one-click unsubscribe requests may also be mailed to. */
  unsubscribeMailbox: string;
  /** Signs unsubscribe links (HMAC-SHA256). */
  secret: string;
};

/** A job item per contact: the member and a digest of the address (the key shows in the API, the address does not). */
const itemKey = (r: Pick<Recipient, 'memberId' | 'email'>) => `${r.memberId}.${createHash('sha256').update(r.email.toLowerCase()).digest('hex').slice(0, 16)}`;
const itemLabel = (r: Pick<Recipient, 'contactName' | 'memberName'>) => `${r.contactName} (${r.memberName})`;

/** Every contact that receives the digest, of every subscribed member (one Query on the sparse subscriber index). */
export async function subscribedRecipients(db: Db): Promise<Recipient[]> {
  const seen = new Set<string>();
  return (await memberRepository(db).subscribed()).flatMap((m) =>
    m.contacts
      .filter((c) => c.receivesDigest && c.email)
      .map((c) => ({ memberId: m.id, memberName: m.name, contactName: c.name, email: c.email!.toLowerCase() }))
      .filter((r) => !seen.has(recipientKey(r.memberId, r.email)) && seen.add(recipientKey(r.memberId, r.email))),
  );
}

/** Starts the digest of `month` to every subscribed contact who has not had it, in the change that asks for it. */
export function startDigest(db: Db, month: string, change: WriteSet, actor: Actor, now: Date): Job {
  const job = newJob({ kind: 'report-digest', subject: { type: 'report', id: month }, title: `Versand des Monatsberichts ${germanMonth(month)}`, actor, now });
  jobRepository(db).start(job, change);
  return job;
}

/** Starts sending the digest of `month` to one recipient again. */
export function startResend(db: Db, month: string, d: Delivery, change: WriteSet, actor: Actor, now: Date): Job {
  const job = newJob({
    kind: 'report-resend',
    subject: { type: 'report', id: month },
    title: `Monatsbericht ${germanMonth(month)} erneut an ${itemLabel(d)}`,
    params: { recipient: d.recipient },
    actor,
    now,
  });
  jobRepository(db).start(job, change);
  return job;
}

/** Counts the month's delivery records into the report's summary. */
export async function summarizeDeliveries(db: Db, month: string, now: Date): Promise<DeliverySummary> {
  const repo = reportRepository(db);
  const all = await repo.deliveries(month);
  const summary: DeliverySummary = {
    recipients: all.length,
    sent: all.filter((d) => d.status === 'sent').length,
    failed: all.filter((d) => d.status === 'failed').length,
    pending: all.filter((d) => d.status === 'claimed').length,
    lastRunAt: now.toISOString(),
  };
  await repo.setDeliveries(month, summary);
  return summary;
}

/** `setup` is asked for when a digest is mailed (a worker without the unsubscribe secret fails those items, not at start). */
export function reportJobKinds(db: Db, store: ReportStore, setup: () => DigestSetup, clock: Clock): Record<'report-digest' | 'report-resend', JobKindHandler> {
  const repo = reportRepository(db);
  /** The PDF of the report as generated (kept while the worker is warm; a new run of the report has a new stamp). */
  const pdfs = new Map<string, Uint8Array>();

  async function reportAndPdf(month: string) {
    const report = await repo.get(month);
    if (!report) throw new NotFound(`Für ${germanMonth(month)} gibt es keinen Bericht mehr.`);
    const cacheKey = `${month}@${report.generatedAt}`;
    let pdf = pdfs.get(cacheKey);
    if (!pdf) {
      pdf = await store.get(report.files.pdf);
      if (!pdf) throw new NotFound('Die PDF-Datei des Berichts fehlt.');
      pdfs.clear();
      pdfs.set(cacheKey, pdf);
    }
    return { report, pdf };
  }

  /** Mails the digest and marks the record sent by this job; a failure is marked on the record and thrown (retry). */
  async function mail(month: string, r: Recipient, job: Job, attempts: number): Promise<void> {
    const { report, pdf } = await reportAndPdf(month);
    const recipient = recipientKey(r.memberId, r.email);
    const { transport, ...links } = setup();
    try {
      const { messageId } = await transport.send(digestMail(month, report.figures, pdf, r, links));
      await repo.mark(month, recipient, { status: 'sent', sentAt: clock().toISOString(), messageId, attempts, sentBy: job.id }, ['error']);
    } catch (error) {
      await repo.mark(month, recipient, { status: 'failed', error: (error as Error).message.slice(0, 300), attempts });
      throw error;
    }
  }

  /** The item's recipient as the member reads now (one read, not the whole subscriber list per item). */
  async function recipientOf(key: string): Promise<Recipient | undefined> {
    const memberId = key.slice(0, key.indexOf('.'));
    const m = await memberRepository(db).get(memberId);
    if (!m?.digestSubscribed) return undefined;
    const c = m.contacts.find((x) => x.receivesDigest && x.email && itemKey({ memberId, email: x.email }) === key);
    return c ? { memberId, memberName: m.name, contactName: c.name, email: c.email!.toLowerCase() } : undefined;
  }

  const summarize = async (job: Job) => void (await summarizeDeliveries(db, job.subject.id, clock()));

  const digest: JobKindHandler = {
    async items(job) {
      const sent = new Set((await repo.deliveries(job.subject.id)).filter((d) => d.status === 'sent').map((d) => d.recipient));
      return (await subscribedRecipients(db))
        .filter((r) => !sent.has(recipientKey(r.memberId, r.email)))
        .map((r) => ({ key: itemKey(r), label: itemLabel(r) }));
    },

    async perform(job, item) {
      const month = job.subject.id;
      const r = await recipientOf(item.key);
      if (!r) return 'skipped'; // unsubscribed meanwhile
      const d = await repo.delivery(month, recipientKey(r.memberId, r.email));
      if (d?.status === 'sent') return d.sentBy === job.id ? 'done' : 'skipped'; // this job's earlier attempt, or another send
      if (d?.status === 'claimed' && d.claimedBy !== job.id) return 'skipped'; // another send has it
      const claimed = await repo.claim(month, r, clock(), job.id, d);
      if (!claimed) return 'skipped'; // claimed by another send at the same moment
      await mail(month, r, job, claimed.attempts);
      return 'done';
    },

    ended: summarize,
  };

  const resend: JobKindHandler = {
    async items(job) {
      const d = typeof job.params.recipient === 'string' ? await repo.delivery(job.subject.id, job.params.recipient) : undefined;
      return d ? [{ key: itemKey(d), label: itemLabel(d) }] : [];
    },

    async perform(job, item) {
      const d = typeof job.params.recipient === 'string' ? await repo.delivery(job.subject.id, job.params.recipient) : undefined;
      if (!d || itemKey(d) !== item.key) return 'skipped';
      if (d.sentBy === job.id) return 'done';
      await mail(job.subject.id, d, job, d.attempts + 1);
      return 'done';
    },

    ended: summarize,
  };

  return { 'report-digest': digest, 'report-resend': resend };
}
