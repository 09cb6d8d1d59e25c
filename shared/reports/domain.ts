// The monthly report: figures, HTML and PDF made and stored once per run, and the digest mailed to every subscribed
// contact exactly once per month: a delivery record is claimed with a conditional write before sending and marked
// sent after, so a rerun sends only what was not sent and a failed send is retried without duplicates.
import type { Actor } from '../audit/entry.ts';
import type { MailTransport, OutgoingMail } from '../email/message.ts';
import { Invalid, NotFound } from '../errors.ts';
import { memberRepository } from '../members/repository.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { recipientKey, reportRepository, type Report } from './repository.ts';

import type { Page } from '../schema-kit.ts';
import { systemClock, type Clock } from '../time.ts';
import { buildFigures } from './figures.ts';
import type { Delivery, DeliverySummary, Figures, Recipient } from './model.ts';

export type { Delivery, DeliverySummary };
import { reportHtml, reportText } from './html.ts';
import { germanMonth as monthName } from '../time.ts';
import { unsubscribeUrl } from './unsubscribe.ts';
import { reportPdf } from './pdf.ts';

/** Where report files live: S3 in AWS, a folder locally. */
export interface ReportStore {
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
}

export type DigestSetup = {
  transport: MailTransport;
  siteUrl: string;
  /** The address one-click unsubscribe requests may also be mailed to. */
  unsubscribeMailbox: string;
  /** Signs unsubscribe links (HMAC-SHA256). */
  secret: string;
  /** Most messages per second (SES sending rate); 0 = no pacing. */
  ratePerSecond: number;
};

export type { Report } from './repository.ts';

const fileKey = (month: string, ext: 'pdf' | 'html') => `reports/${month}/monatsbericht-${month}.${ext}`;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function reportsService(db: Db, store: ReportStore, clock: Clock = systemClock) {
  const repo = reportRepository(db);
  const members = memberRepository(db);

  async function get(month: string): Promise<Report> {
    const report = await repo.get(month);
    if (!report) throw new NotFound(`Für ${monthName(month)} gibt es noch keinen Bericht.`);
    return report;
  }

  /** Every contact that receives the digest, of every subscribed member (one Query on the sparse subscriber index). */
  async function subscribedRecipients(): Promise<Recipient[]> {
    const seen = new Set<string>();
    return (await members.subscribed()).flatMap((m) =>
      m.contacts
        .filter((c) => c.receivesDigest && c.email)
        .map((c) => ({ memberId: m.id, memberName: m.name, contactName: c.name, email: c.email!.toLowerCase() }))
        .filter((r) => !seen.has(recipientKey(r.memberId, r.email)) && seen.add(recipientKey(r.memberId, r.email))),
    );
  }

  async function sendOne(month: string, figures: Figures, pdf: Uint8Array, r: Recipient, setup: DigestSetup, attempts: number) {
    const recipient = recipientKey(r.memberId, r.email);
    try {
      const { messageId } = await setup.transport.send(digestMail(month, figures, pdf, r, setup));
      await repo.mark(month, recipient, { status: 'sent', sentAt: clock().toISOString(), messageId, attempts }, ['error']);
    } catch (error) {
      // Not sent: the record says so, and the next run claims it again.
      await repo.mark(month, recipient, { status: 'failed', error: (error as Error).message.slice(0, 300), attempts });
    }
  }

  async function summarize(month: string, now: Date): Promise<DeliverySummary> {
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

  return {
    get,

    async list(cursor: string | undefined, limit: number): Promise<Page<Omit<Report, 'figures'> & { headlines: Figures['headlines'] }>> {
      const page = await repo.list(cursor, limit);
      return {
        items: page.items.map((r) => {
          const { figures, ...rest } = r;
          return { ...rest, headlines: figures.headlines };
        }),
        nextCursor: page.nextCursor,
      };
    },

    /** Makes the month's figures, HTML and PDF and stores them; a second run for the month replaces them. */
    async generate(month: string, actor: Actor): Promise<Report> {
      if (!MONTH.test(month)) throw new Invalid([{ path: 'month', message: 'Monat als JJJJ-MM' }]);
      const now = clock();
      const figures = await buildFigures(db, month, now);
      const [pdf, html] = [await reportPdf(figures), reportHtml(figures)];
      await Promise.all([store.put(fileKey(month, 'pdf'), pdf, 'application/pdf'), store.put(fileKey(month, 'html'), html, 'text/html; charset=utf-8')]);
      const before = await repo.get(month);
      const report: Report = {
        month,
        generatedAt: now.toISOString(),
        generatedBy: actor.email || actor.id,
        runs: Number(before?.runs ?? 0) + 1,
        figures,
        files: { pdf: fileKey(month, 'pdf'), html: fileKey(month, 'html') },
        ...(before?.deliveries ? { deliveries: before.deliveries } : {}),
      };
      await repo.put(report, writeSet(db)).audit(actor, 'create', 'report', month, ['figures', 'files'], now).commit();
      return report;
    },

    async file(month: string, kind: 'pdf' | 'html'): Promise<Uint8Array> {
      const report = await get(month);
      const body = await store.get(report.files[kind]);
      if (!body) throw new NotFound('Die Datei des Berichts fehlt.');
      return body;
    },

    async deliveries(month: string): Promise<Delivery[]> {
      await get(month);
      return repo.deliveries(month);
    },

    /**
     * Mails the digest to every subscribed contact that has not had it for this month. Each recipient is claimed
     * first (a conditional write that only a missing or failed record passes), then sent, then marked sent.
     * A record left "claimed" by a crash is not sent again automatically (it may have gone out); staff see it
     * and can resend by hand.
     */
    async deliver(month: string, setup: DigestSetup, actor: Actor): Promise<DeliverySummary> {
      const report = await get(month);
      const pdf = await store.get(report.files.pdf);
      if (!pdf) throw new NotFound('Die PDF-Datei des Berichts fehlt.');
      const recipients = await subscribedRecipients();
      let gap = 0;
      for (const r of recipients) {
        const claimed = await repo.claim(month, r, clock());
        if (!claimed) continue;
        if (setup.ratePerSecond > 0) {
          await new Promise((ok) => setTimeout(ok, gap));
          gap = 1000 / setup.ratePerSecond;
        }
        await sendOne(month, report.figures, pdf, r, setup, claimed.attempts);
      }
      const summary = await summarize(month, clock());
      await writeSet(db).audit(actor, 'update', 'report', month, ['deliveries'], clock()).commit();
      return summary;
    },

    /** Sends the digest to one recipient again (staff action), whatever its record says. */
    async resend(month: string, recipient: string, setup: DigestSetup, actor: Actor): Promise<Delivery> {
      const report = await get(month);
      const d = await repo.delivery(month, recipient);
      if (!d) throw new NotFound('Diese Empfängerin oder dieser Empfänger hat den Bericht nie erhalten sollen.');
      const pdf = await store.get(report.files.pdf);
      if (!pdf) throw new NotFound('Die PDF-Datei des Berichts fehlt.');
      await sendOne(month, report.figures, pdf, d, setup, d.attempts + 1);
      await summarize(month, clock());
      await writeSet(db)
        .audit(actor, 'update', 'report', month, [`delivery:${recipient}`], clock())
        .commit();
      return (await repo.delivery(month, recipient))!;
    },
  };
}

export function digestMail(month: string, figures: Figures, pdf: Uint8Array, r: Recipient, setup: DigestSetup): OutgoingMail {
  const link = unsubscribeUrl(setup, r.memberId, r.email);
  const mailto = `mailto:${setup.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe ${recipientKey(r.memberId, r.email)}`)}`;
  return {
    to: r.email,
    subject: `Monatsbericht ${monthName(month)} – amoN Nachqualifizierung`,
    text: `Guten Tag ${r.contactName},\n\nanbei der Monatsbericht für ${r.memberName}.\n\n${reportText(figures, { unsubscribeUrl: link })}`,
    html: reportHtml(figures, { unsubscribeUrl: link, reportUrl: `${setup.siteUrl.replace(/\/$/, '')}/#/reports/${month}/show` }),
    headers: {
      'List-Unsubscribe': `<${link}>, <${mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': 'amoN Monatsbericht <monatsbericht.amon>',
    },
    attachments: [{ filename: `Monatsbericht-${month}.pdf`, content: pdf, contentType: 'application/pdf' }],
    kind: 'digest',
  };
}
