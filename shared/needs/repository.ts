// Needs on the table: one item each, an open-needs index by occupation group for matching, lists by status and company.
import { keys } from '../table/keys.ts';
import { getItem, getItems, queryAll, queryPage, stripKeys, type Db, type Item } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { patterns } from '../table/patterns.ts';
import type { ItemKeys, Update } from '../table/port.ts';
import type { WriteSet } from '../table/write-set.ts';
import type { Page } from '../schema-kit.ts';
import type { Need, NeedListQuery, OpenNeed } from './schema.ts';

/** The patterns a need is in: only open needs are in the matching index. */
const slots = (n: Pick<Need, 'id' | 'status' | 'occupation' | 'statedOn' | 'companyId'>) => [
  n.status === 'open' && patterns.openNeedsInGroup.slot(`${n.occupation}#${n.id}`, n.occupation),
  patterns.needsInStatus.slot(`${n.statedOn}#${n.id}`, n.status),
  patterns.needsOfCompany.slot(`${n.statedOn}#${n.id}`, n.companyId),
];

export const needs = entity<Need>({ name: 'need', key: (n) => keys.companyNeed(n.id), slots });
export const needItem = needs.item;

export function toNeed(item: Item): Need {
  const n = stripKeys<Need>(item);
  return { ...n, placed: Number(n.placed ?? 0) };
}

/**
 * The write a survey answer makes: the need of this company and occupation is stated (again) and open, or taken
 * back and withdrawn, with the answer's headcount, timeframe and conditions. Placements and the creation time are kept.
 */
export function statedNeed(n: Omit<Need, 'placed' | 'version' | 'createdAt'>): Update {
  const indexKeys: Partial<ItemKeys> = Object.assign({}, ...slots(n).map((s) => (s ? s.keys : {}))) as Partial<ItemKeys>;
  return {
    update: keys.companyNeed(n.id),
    set: { ...n, ...indexKeys },
    add: { version: 1 },
    setIfMissing: { createdAt: n.updatedAt, placed: 0 },
    remove: n.status === 'open' ? [] : patterns.openNeedsInGroup.slotAttributes,
  };
}

export function needRepository(db: Db) {
  return {
    async get(id: string, consistent = false): Promise<Need | undefined> {
      const item = await getItem(db, keys.companyNeed(id), consistent);
      return item ? toNeed(item) : undefined;
    },

    async getMany(ids: string[]): Promise<Need[]> {
      return ids.length
        ? (
            await getItems(
              db,
              ids.map((id) => keys.companyNeed(id)),
            )
          ).map(toNeed)
        : [];
    },

    /** Adds the need as of `expectedVersion` (absent: a new need) to a change. */
    put(n: Need, expectedVersion: number | undefined, change: WriteSet): WriteSet {
      return expectedVersion === undefined ? change.create(needs.item(n)) : change.replace(needs.item(n), expectedVersion);
    },

    async list(q: NeedListQuery): Promise<Page<Need>> {
      const target = q.companyId ? patterns.needsOfCompany.of(q.companyId) : patterns.needsInStatus.of(q.status);
      const page = await queryPage(db, target, { cursor: q.cursor, limit: q.limit, descending: true });
      return { items: page.items.map(toNeed), nextCursor: page.nextCursor };
    },

    /** Every open need (in a district), in pages of up to 1 MB: for the overview beside the offers, bounded by the programme's companies. */
    async allOpen(district?: Need['district']): Promise<Need[]> {
      const items = await queryAll(db, patterns.needsInStatus.of('open'), district ? { filter: { district } } : {}, 'up-to-1MB');
      return items.map(toNeed);
    },

    /**
     * The open needs of the occupation's 3-digit group (the same code, the same 4-digit group and the rest of the
     * 3-digit group): pages of up to 1 MB on the narrow matching index, so one Query holds thousands of needs.
     */
    async openInGroup(code: string): Promise<OpenNeed[]> {
      const items = await queryAll(db, patterns.openNeedsInGroup.of(code), {}, 'up-to-1MB');
      return items.map((i) => ({ ...stripKeys<OpenNeed>(i), placed: Number(i.placed ?? 0) }));
    },
  };
}
export type NeedRepository = ReturnType<typeof needRepository>;
