// Companies on the table: one item each, listed by name, sector, district or size on four GSIs.
import { foldForSearch } from '../text.ts';
import { byName, keys } from '../table/keys.ts';
import { getItem, getItems, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { patterns, startingWith, type Target } from '../table/patterns.ts';
import type { WriteSet } from '../table/write-set.ts';
import type { Page } from '../schema-kit.ts';
import type { Company, CompanyListQuery } from './schema.ts';

/** A company is in the name list and in the lists of its sector, district and size class. */
export const companies = entity<Company>({
  name: 'company',
  key: (c) => keys.company(c.id),
  slots: (c) => {
    const sort = byName(foldForSearch(c.name), c.id);
    return [
      patterns.companiesByName.slot(sort),
      patterns.companiesBySector.slot(sort, c.wzSection),
      patterns.companiesByDistrict.slot(sort, c.district),
      patterns.companiesBySize.slot(sort, c.sizeClass),
    ];
  },
});
export const companyItem = companies.item;

/** The look-up entry of the duplicate warning: same folded name and postcode. */
const duplicateKey = (c: Pick<Company, 'id' | 'name' | 'postcode'>) => keys.companyDuplicate(foldForSearch(c.name), c.postcode, c.id);

/** The most selective pattern for the filters given; the other filters narrow that page. */
function listTarget(q: Pick<CompanyListQuery, 'wzSection' | 'district' | 'sizeClass'>): { target: Target; filter: Record<string, string | undefined> } {
  if (q.wzSection) return { target: patterns.companiesBySector.of(q.wzSection), filter: { district: q.district, sizeClass: q.sizeClass } };
  if (q.district) return { target: patterns.companiesByDistrict.of(q.district), filter: { sizeClass: q.sizeClass } };
  if (q.sizeClass) return { target: patterns.companiesBySize.of(q.sizeClass), filter: {} };
  return { target: patterns.companiesByName.of(), filter: {} };
}

export function companyRepository(db: Db) {
  return {
    async get(id: string): Promise<Company | undefined> {
      const item = await getItem(db, keys.company(id));
      return item ? stripKeys<Company>(item) : undefined;
    },

    /** Companies by id, in calls of at most 100 keys; unknown ids are left out. */
    async getMany(ids: string[]): Promise<Company[]> {
      const found: Company[] = [];
      for (let i = 0; i < ids.length; i += 100)
        found.push(
          ...(
            await getItems(
              db,
              ids.slice(i, i + 100).map((id) => keys.company(id)),
            )
          ).map((item) => stripKeys<Company>(item)),
        );
      return found;
    },

    async list(q: CompanyListQuery): Promise<Page<Company>> {
      const { target, filter } = listTarget(q);
      const page = await queryPage(db, startingWith(target, q.q ? foldForSearch(q.q) : undefined), { filter, cursor: q.cursor, limit: q.limit });
      return { items: page.items.map((i) => stripKeys<Company>(i)), nextCursor: page.nextCursor };
    },

    /** Every company matching the filters, page by page (inviting a panel to a survey). */
    async listAll(q: Pick<CompanyListQuery, 'wzSection' | 'district' | 'sizeClass'>): Promise<Company[]> {
      const { target, filter } = listTarget(q);
      return (await queryAll(db, target, { filter })).map((i) => stripKeys<Company>(i));
    },

    async duplicates(name: string, postcode: string) {
      const page = await queryPage(db, patterns.companyDuplicates.of(foldForSearch(name), postcode), { limit: 10 });
      return page.items.map((i) => ({ id: String(i.sk), name: String(i.name) }));
    },

    /** Adds the new company and its duplicate entry to a change. */
    create(c: Company, change: WriteSet): WriteSet {
      return change.create(companies.item(c)).put({ ...duplicateKey(c), name: c.name });
    },

    /** Adds the company as of `expectedVersion` to a change, moving its duplicate entry when name or postcode changed. */
    replace(before: Company, after: Company, expectedVersion: number, change: WriteSet): WriteSet {
      change.replace(companies.item(after), expectedVersion);
      const [from, to] = [duplicateKey(before), duplicateKey(after)];
      return from.pk === to.pk ? change : change.remove(from).put({ ...to, name: after.name });
    },

    /** Removes the company (it must still exist) and its duplicate entry. */
    remove(c: Company, change: WriteSet): WriteSet {
      return change.remove(keys.company(c.id), true).remove(duplicateKey(c));
    },

    /** Takes back a company written moments ago (a failed import), unconditionally. */
    forget(c: Company, change: WriteSet): WriteSet {
      return change.remove(keys.company(c.id)).remove(duplicateKey(c));
    },
  };
}
