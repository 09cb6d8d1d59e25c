// Report items on the table: the report of each month, listed by month, and its partition's delivery records of the
// digest (claimed before sending, then marked sent or failed), with the report's delivery summary.
import { getItem, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { keys } from '../table/keys.ts';
import { patterns } from '../table/patterns.ts';
import { ConditionFailed, guards } from '../table/port.ts';
import type { WriteSet } from '../table/write-set.ts';
import type { Page } from '../schema-kit.ts';
import type { Delivery, DeliverySummary, Figures, Recipient } from './model.ts';

export type Report = {
  month: string;
  generatedAt: string;
  generatedBy: string;
  runs: number;
  figures: Figures;
  files: { pdf: string; html: string };
  deliveries?: DeliverySummary;
};

export const recipientKey = (memberId: string, email: string) => `${memberId}#${email.toLowerCase()}`;

export const reports = entity<Report>({ name: 'report', key: (r) => keys.report(r.month), slots: (r) => [patterns.reportsByMonth.slot(r.month)] });

export function reportRepository(db: Db) {
  return {
    async get(month: string): Promise<Report | undefined> {
      const item = await getItem(db, keys.report(month), true);
      return item ? stripKeys<Report>(item) : undefined;
    },

    async list(cursor: string | undefined, limit: number): Promise<Page<Report>> {
      const page = await queryPage(db, patterns.reportsByMonth.of(), { cursor, limit, descending: true });
      return { items: page.items.map((i) => stripKeys<Report>(i)), nextCursor: page.nextCursor };
    },

    /** The report as made now; a second run for the month replaces it. */
    put: (r: Report, change: WriteSet) => change.put(reports.item(r)),

    async deliveries(month: string): Promise<Delivery[]> {
      return (await queryAll(db, patterns.deliveriesOfMonth.of(month))).map((i) => stripKeys<Delivery>(i));
    },

    async delivery(month: string, recipient: string): Promise<Delivery | undefined> {
      const item = await getItem(db, keys.delivery(month, recipient), true);
      return item ? stripKeys<Delivery>(item) : undefined;
    },

    /**
     * Claims the delivery to one recipient for job `jobId`, as it was read (`seen`, or absent): undefined when someone
     * changed it meanwhile.
     */
    async claim(month: string, r: Recipient, now: Date, jobId: string, seen: Delivery | undefined): Promise<{ attempts: number } | undefined> {
      try {
        const out = await db.write(
          {
            update: keys.delivery(month, recipientKey(r.memberId, r.email)),
            set: {
              status: 'claimed',
              claimedAt: now.toISOString(),
              claimedBy: jobId,
              recipient: recipientKey(r.memberId, r.email),
              memberId: r.memberId,
              memberName: r.memberName,
              contactName: r.contactName,
              email: r.email,
            },
            add: { attempts: 1 },
            guard: seen ? guards.equals({ status: seen.status, attempts: seen.attempts }) : guards.absent,
          },
          { returnNew: true },
        );
        return { attempts: Number(out?.attempts ?? 1) };
      } catch (error) {
        if (error instanceof ConditionFailed) return undefined;
        throw error;
      }
    },

    /** Sets fields of a delivery record (and removes the named ones). */
    async mark(month: string, recipient: string, set: Record<string, unknown>, remove: string[] = []): Promise<void> {
      await db.write({ update: keys.delivery(month, recipient), set, remove });
    },

    async setDeliveries(month: string, summary: DeliverySummary): Promise<void> {
      await db.write({ update: keys.report(month), set: { deliveries: summary }, guard: guards.exists });
    },
  };
}
