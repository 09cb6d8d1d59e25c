// Needs on the table: one item each, an open-needs index by occupation group for matching, lists by status and company.
import { MATCHING_INDEX } from '../table/definition.ts';
import { keys } from '../table/keys.ts';
import { getItem, getItems, put, queryAll, queryPage, setAttributes, stripKeys, type Db, type Item, type TransactItem } from '../table/access.ts';
import type { Page } from '../schema-kit.ts';
import type { Need, NeedListQuery, OpenNeed } from './schema.ts';


/** The index keys a need carries for its status: only open needs are in the matching index. */
export function needIndexKeys(n: Pick<Need, 'id' | 'status' | 'occupation' | 'statedOn' | 'companyId'>) {
  const order = `${n.statedOn}#${n.id}`;
  return {
    ...(n.status === 'open' ? { gsi7pk: keys.openNeedsInGroup(n.occupation), gsi7sk: `${n.occupation}#${n.id}` } : {}),
    gsi2pk: keys.needsInStatus(n.status),
    gsi2sk: order,
    gsi3pk: keys.needsOfCompanyByDate(n.companyId),
    gsi3sk: order,
  };
}

export const needItem = (n: Need) => ({ ...keys.companyNeed(n.id), ...n, ...needIndexKeys(n) });

export function toNeed(item: Item): Need {
  const n = stripKeys<Need>(item);
  return { ...n, placed: Number(n.placed ?? 0) };
}

/**
 * The write a survey answer makes: the need of this company and occupation is stated (again) and open, or taken
 * back and withdrawn, with the answer's headcount, timeframe and conditions. Placements and the creation time are kept.
 */
export function statedNeed(db: Db, n: Omit<Need, 'placed' | 'version' | 'createdAt'>): TransactItem {
  const { id: _id, ...fields } = n;
  return setAttributes(
    db,
    keys.companyNeed(n.id),
    { id: n.id, ...fields, ...needIndexKeys(n) },
    { add: { version: 1 }, ifMissing: { createdAt: n.updatedAt, placed: 0 }, remove: n.status === 'open' ? [] : ['gsi7pk', 'gsi7sk'] },
  );
}

export function needRepository(db: Db) {
  return {
    async get(id: string, consistent = false): Promise<Need | undefined> {
      const item = await getItem(db, keys.companyNeed(id), consistent);
      return item ? toNeed(item) : undefined;
    },

    async getMany(ids: string[]): Promise<Need[]> {
      return ids.length ? (await getItems(db, ids.map((id) => keys.companyNeed(id)))).map(toNeed) : [];
    },

    /** Puts the need as of `expectedVersion` (absent: a new need). */
    put(n: Need, expectedVersion?: number): TransactItem {
      return expectedVersion === undefined ? put(db, needItem(n), 'attribute_not_exists(pk)') : put(db, needItem(n), 'version = :v', { ':v': expectedVersion });
    },

    async list(q: NeedListQuery): Promise<Page<Need>> {
      const page = await queryPage(db, {
        index: q.companyId ? 'gsi3' : 'gsi2',
        partition: q.companyId ? keys.needsOfCompanyByDate(q.companyId) : keys.needsInStatus(q.status),
        cursor: q.cursor,
        limit: q.limit,
        descending: true,
      });
      return { items: page.items.map(toNeed), nextCursor: page.nextCursor };
    },

    /**
     * The open needs of the occupation's 3-digit group (the same code, the same 4-digit group and the rest of the
     * 3-digit group): pages of up to 1 MB on the narrow matching index, so one Query holds thousands of needs.
     */
    async openInGroup(code: string): Promise<OpenNeed[]> {
      const items = await queryAll(db, { index: MATCHING_INDEX, partition: keys.openNeedsInGroup(code) }, 'up-to-1MB');
      return items.map((i) => ({ ...(stripKeys<OpenNeed>(i)), placed: Number(i.placed ?? 0) }));
    },
  };
}
export type NeedRepository = ReturnType<typeof needRepository>;
