// Demand beside supply: per 3-digit occupation group, the open needs the company surveys (and visits) stated beside
// the current offers of the catalogue, so gaps show: needs without an offer, offers without demand.
import * as z from 'zod/mini';
import { groupTitle } from '../occupations/groups.ts';
import { DISTRICTS } from '../regions.ts';
import { needRepository } from '../needs/repository.ts';
import type { Db } from '../table/port.ts';
import { isoDate } from '../schema-kit.ts';
import { offerRepository } from './repository.ts';

export const GAPS = ['no_offer', 'no_demand'] as const;

export const DemandQuery = z.strictObject({ district: z.optional(z.enum(DISTRICTS)) });
export type DemandQuery = z.infer<typeof DemandQuery>;

export const DemandSupplyRow = z.object({
  group: z.string().check(z.regex(/^\d{3}$/)),
  title: z.string(),
  /** Open needs: how many, how many people they ask for, and of how many companies. */
  needs: z.number().check(z.int()).check(z.gte(0)),
  headcount: z.number().check(z.int()).check(z.gte(0)),
  companies: z.number().check(z.int()).check(z.gte(0)),
  /** Current offers (a start from today on) and their places. */
  offers: z.number().check(z.int()).check(z.gte(0)),
  places: z.number().check(z.int()).check(z.gte(0)),
  gap: z.optional(z.enum(GAPS)),
});
export type DemandSupplyRow = z.infer<typeof DemandSupplyRow>;

export const DemandSupply = z
  .object({ asOf: isoDate, district: z.optional(z.enum(DISTRICTS)), groups: z.array(DemandSupplyRow) })
  .clone()
  .register(z.globalRegistry, { id: 'DemandSupply' });
export type DemandSupply = z.infer<typeof DemandSupply>;

type NeedFacts = { occupation: string; headcount: number; placed?: number; companyId: string; district: string };
type OfferFacts = { occupationCode: string; places: number; district: string };

/** The rows from the open needs and current offers: gaps first, then by the people asked for. */
export function demandBesideSupply(needs: NeedFacts[], offers: OfferFacts[]): DemandSupplyRow[] {
  const rows = new Map<string, DemandSupplyRow & { companySet: Set<string> }>();
  const row = (code: string) => {
    const group = code.slice(0, 3);
    let r = rows.get(group);
    if (!r)
      rows.set(group, (r = { group, title: groupTitle(group) ?? group, needs: 0, headcount: 0, companies: 0, offers: 0, places: 0, companySet: new Set() }));
    return r;
  };
  for (const n of needs) {
    const r = row(n.occupation);
    r.needs += 1;
    r.headcount += Math.max(0, n.headcount - Number(n.placed ?? 0));
    r.companySet.add(n.companyId);
  }
  for (const o of offers) {
    const r = row(o.occupationCode);
    r.offers += 1;
    r.places += o.places;
  }
  const rank = (r: DemandSupplyRow) => (r.gap === 'no_offer' ? 0 : r.gap === 'no_demand' ? 2 : 1);
  return [...rows.values()]
    .map(({ companySet, ...r }): DemandSupplyRow => {
      const gap: DemandSupplyRow['gap'] = r.needs > 0 && r.offers === 0 ? 'no_offer' : r.offers > 0 && r.needs === 0 ? 'no_demand' : undefined;
      return { ...r, companies: companySet.size, ...(gap ? { gap } : {}) };
    })
    .sort((a, b) => rank(a) - rank(b) || b.headcount - a.headcount || b.places - a.places || a.group.localeCompare(b.group));
}

/**
 * Reads the open needs (N3) and the current offers (L2 from today, or L4 for a district) in pages of up to 1 MB. Both
 * are bounded by the programme (hundreds of needs, the region's offers): a handful of Queries, measured in the bench.
 */
export async function demandSupply(db: Db, q: DemandQuery, today: string): Promise<DemandSupply> {
  const [needs, offers] = await Promise.all([needRepository(db).allOpen(q.district), offerRepository(db).allCurrent(today, q.district)]);
  return { asOf: today, ...(q.district ? { district: q.district } : {}), groups: demandBesideSupply(needs, offers) };
}
