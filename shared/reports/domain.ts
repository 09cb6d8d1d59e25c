// The monthly report: figures, HTML and PDF made and stored once per run, and the digest to every subscribed contact,
// exactly once per month, as a job the worker does (shared/reports/jobs.ts): a rerun sends only what was not sent.
import type { Actor } from '../audit/entry.ts';
import { Invalid, NotFound } from '../errors.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { reportRepository, type Report } from './repository.ts';
import { startDigest, startResend } from './jobs.ts';
import type { Job } from '../jobs/schema.ts';

import type { Page } from '../schema-kit.ts';
import { systemClock, type Clock } from '../time.ts';
import { buildFigures } from './figures.ts';
import type { Delivery, DeliverySummary, Figures, ReportStore } from './model.ts';

export type { Delivery, DeliverySummary };
import { germanMonth as monthName } from '../time.ts';
import { reportHtml } from './html.ts';

export type { ReportStore };

export type { Report } from './repository.ts';

const fileKey = (month: string, ext: 'pdf' | 'html') => `reports/${month}/monatsbericht-${month}.${ext}`;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function reportsService(db: Db, store: ReportStore, clock: Clock = systemClock) {
  const repo = reportRepository(db);

  async function get(month: string): Promise<Report> {
    const report = await repo.get(month);
    if (!report) throw new NotFound(`Für ${monthName(month)} gibt es noch keinen Bericht.`);
    return report;
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
      // pdf-lib and the font (1.3 MB) load on the first report a process makes, not when a function starts.
      const { reportPdf } = await import('./pdf.ts');
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

    /** Starts the digest of the month to every subscribed contact who has not had it (the worker sends it). */
    async deliver(month: string, actor: Actor): Promise<Job> {
      await get(month);
      const now = clock();
      const change = writeSet(db).audit(actor, 'update', 'report', month, ['deliveries'], now);
      const job = startDigest(db, month, change, actor, now);
      await change.commit();
      return job;
    },

    /** Starts sending the digest to one recipient again (staff action), whatever its record says. */
    async resend(month: string, recipient: string, actor: Actor): Promise<Job> {
      await get(month);
      const d = await repo.delivery(month, recipient);
      if (!d) throw new NotFound('Diese Empfängerin oder dieser Empfänger hat den Bericht nie erhalten sollen.');
      const now = clock();
      const change = writeSet(db).audit(actor, 'update', 'report', month, [`delivery:${recipient}`], now);
      const job = startResend(db, month, d, change, actor, now);
      await change.commit();
      return job;
    },
  };
}
