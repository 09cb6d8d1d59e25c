// What the report routes answer, as schemas: the figures of a month, a report, its list row and its deliveries. Each
// is checked against the types of shared/reports/model.ts at compile time, so the two cannot drift apart.
import * as z from 'zod/mini';
import { isoDateTime } from '../schema-kit.ts';
import type { Delivery as DeliveryType, DeliverySummary as DeliverySummaryType, Figures as FiguresType } from './model.ts';

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));
const count = z.number().check(z.int()).check(z.gte(0));
const Cell = z.union([count, z.literal('<3')]);
export const Headline = z.object({ id: z.string(), label: z.string(), value: z.number(), previous: z.nullable(z.number()) });

export const Figures = z
  .object({
    month,
    generatedAt: isoDateTime,
    events: count,
    headlines: z.array(Headline),
    statusNow: z.record(z.string(), z.number()),
    qualifications: z.object({ month: z.number(), yearToDate: z.number(), sinceStart: z.number(), target: z.number() }),
    breakdowns: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        of: z.string(),
        breakdown: z.object({ cells: z.record(z.string(), Cell), total: count, secondary: count }),
        labels: z.record(z.string(), z.string()),
      }),
    ),
    surveys: z.object({
      open: z.array(z.object({ id: z.string(), title: z.string(), closesOn: z.string(), invited: count, submitted: count, rate: z.number() })),
      responsesThisMonth: count,
      neededOccupations: z.object({ source: z.nullable(z.string()), rows: z.array(z.object({ title: z.string(), headcount: count, companies: count })) }),
    }),
    network: z.object({
      newMembers: count,
      subscribed: count,
      unsubscribed: count,
      meetingsHeld: z.array(z.object({ title: z.string(), startsAt: z.string(), present: count, invited: count })),
      nextMeetings: z.array(z.object({ title: z.string(), startsAt: z.string(), place: z.nullable(z.string()) })),
      openActions: z.array(z.object({ title: z.string(), ownerName: z.string(), dueOn: z.string(), meetingTitle: z.string() })),
    }),
  })
  .clone()
  .register(z.globalRegistry, { id: 'ReportFigures' });

export const DeliverySummary = z
  .object({ recipients: count, sent: count, failed: count, pending: count, lastRunAt: isoDateTime })
  .clone()
  .register(z.globalRegistry, { id: 'DeliverySummary' });
export const Delivery = z
  .object({
    recipient: z.string(),
    memberId: z.string(),
    memberName: z.string(),
    email: z.string(),
    contactName: z.string(),
    status: z.enum(['claimed', 'sent', 'failed']),
    attempts: z.number().check(z.int()),
    claimedAt: isoDateTime,
    sentAt: z.optional(isoDateTime),
    messageId: z.optional(z.string()),
    error: z.optional(z.string()),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Delivery' });

const reportHead = {
  /** The month, as the record id the admin needs. */
  id: month,
  month,
  generatedAt: isoDateTime,
  generatedBy: z.string(),
  runs: z.number().check(z.int()).check(z.gte(1)),
  files: z.object({ pdf: z.string(), html: z.string() }),
  deliveries: z.optional(DeliverySummary),
};
export const Report = z
  .object({ ...reportHead, figures: Figures })
  .clone()
  .register(z.globalRegistry, { id: 'Report' });
/** A list row: the headlines instead of every figure. */
export const ReportListItem = z
  .object({ ...reportHead, headlines: z.array(Headline) })
  .clone()
  .register(z.globalRegistry, { id: 'ReportListItem' });

// Compile-time checks: the schemas describe exactly what the domain types hold.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const checks: [
  Same<z.infer<typeof Figures>, FiguresType>,
  Same<z.infer<typeof Delivery>, DeliveryType>,
  Same<z.infer<typeof DeliverySummary>, DeliverySummaryType>,
] = [true, true, true];
void checks;

export type Report = z.infer<typeof Report>;
export type ReportListItem = z.infer<typeof ReportListItem>;
