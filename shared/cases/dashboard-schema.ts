// What the dashboard answers: aggregates only (the funnel by status, the programme's figures against its targets, months).
import * as z from 'zod/mini';
import { CaseStatus } from './schema.ts';
import { ACTIVITY_KINDS } from '../relations/schema.ts';

const count = z.number().check(z.int()).check(z.gte(0));
/** One count per kind of company contact, each named (a record over an enum lists them as required without properties). */
const byActivityKind = z.object(Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, count])) as Record<(typeof ACTIVITY_KINDS)[number], typeof count>);

export const Dashboard = z
  .object({
    funnel: z.array(z.object({ status: CaseStatus, count })),
    kpis: z.object({ counselled: count, targetCounselled: count, qualified: count, targetQualified: count, active: count, placed: count }),
    recognition: z.object({ applied: count, full: count, partial: count, none: count, qualified: count }),
    companies: z.object({ contactsByKind: byActivityKind, agreements: count }),
    perMonth: z.array(
      z.object({ month: z.string().check(z.regex(/^\d{4}-\d{2}$/)), opened: count, qualified: count, placed: count, contacts: count, agreements: count }),
    ),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Dashboard' });
export type Dashboard = z.infer<typeof Dashboard>;
