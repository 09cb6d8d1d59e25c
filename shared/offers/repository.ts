// Offers on the table: one item per offer, in the current list and in its occupation group's and district's lists,
// each sorted by the last start date so that a Query from today on leaves past offers out.
import { keys } from '../table/keys.ts';
import { getItem, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { between, patterns, type Target } from '../table/patterns.ts';
import type { Page } from '../schema-kit.ts';
import type { WriteSet } from '../table/write-set.ts';
import type { Offer, OfferSearch } from './schema.ts';

export const offers = entity<Offer>({
  name: 'offer',
  key: (o) => keys.offer(o.id),
  slots: (o) => {
    const sort = `${o.lastStart}#${o.id}`;
    return [patterns.offersCurrent.slot(sort), patterns.offersInGroup.slot(sort, o.occupationCode), patterns.offersInDistrict.slot(sort, o.district)];
  },
});

/** The most selective list for a search, from its start date on; what it does not narrow is filtered (full pages). */
function searchTarget(q: OfferSearch, today: string): { target: Target; filter: Record<string, string | undefined> } {
  const from = q.startsFrom && q.startsFrom > today ? q.startsFrom : today;
  const range = (t: Target) => between(t, from, '9999-12-31#~');
  const code = q.occupation && q.occupation.length >= 3 ? q.occupation : undefined;
  if (code) {
    return {
      target: range(patterns.offersInGroup.of(code.slice(0, 3))),
      filter: {
        occupationCode: code.length === 5 ? code : undefined,
        occupationSubgroup: code.length === 4 ? code : undefined,
        district: q.district,
      },
    };
  }
  if (q.district) return { target: range(patterns.offersInDistrict.of(q.district)), filter: {} };
  return { target: range(patterns.offersCurrent.of()), filter: {} };
}

export function offerRepository(db: Db) {
  return {
    async get(id: string): Promise<Offer | undefined> {
      const found = await getItem(db, keys.offer(id));
      return found ? stripKeys<Offer>(found) : undefined;
    },

    /** Current offers (a start on or after `today` or the search's date), soonest last start first. */
    async search(q: OfferSearch, today: string): Promise<Page<Offer>> {
      const { target, filter } = searchTarget(q, today);
      const page = await queryPage(db, target, { cursor: q.cursor, limit: q.limit, filter });
      return { items: page.items.map((i) => stripKeys<Offer>(i)), nextCursor: page.nextCursor };
    },

    /** Every current offer (of a district), in pages of up to 1 MB: for the overview beside demand, bounded by the region's offers. */
    async allCurrent(today: string, district?: Offer['district']): Promise<Offer[]> {
      const list = district ? patterns.offersInDistrict.of(district) : patterns.offersCurrent.of();
      return (await queryAll(db, between(list, today, '9999-12-31#~'), {}, 'up-to-1MB')).map((i) => stripKeys<Offer>(i));
    },

    create: (o: Offer, change: WriteSet) => change.create(offers.item(o)),
    replace: (o: Offer, version: number, change: WriteSet) => change.replace(offers.item(o), version),
    remove: (id: string, change: WriteSet) => change.remove(keys.offer(id), true),
  };
}
