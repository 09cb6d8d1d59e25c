// Companies on the table: one item each, listed by name, sector, district or size on four GSIs.
import { foldForSearch } from '../text.ts';
import { byName, keys } from '../table/keys.ts';
import { getItem, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import type { IndexName } from '../table/definition.ts';
import type { Page } from '../schema-kit.ts';
import type { Company, CompanyListQuery } from './schema.ts';

export function companyItem(c: Company) {
  const sort = byName(foldForSearch(c.name), c.id);
  return {
    ...keys.company(c.id),
    ...c,
    gsi1pk: keys.companiesByName(),
    gsi1sk: sort,
    gsi2pk: keys.companiesBySector(c.wzSection),
    gsi2sk: sort,
    gsi3pk: keys.companiesByDistrict(c.district),
    gsi3sk: sort,
    gsi4pk: keys.companiesBySize(c.sizeClass),
    gsi4sk: sort,
  };
}

export const duplicateKeyOf = (c: Pick<Company, 'name' | 'postcode'>) => keys.companyDuplicates(foldForSearch(c.name), c.postcode);

/** The most selective index for the filters given; the other filters narrow that page. */
function pickIndex(q: Pick<CompanyListQuery, 'wzSection' | 'district' | 'sizeClass'>): { index: IndexName; partition: string; rest: [string, string | undefined][] } {
  if (q.wzSection) return { index: 'gsi2', partition: keys.companiesBySector(q.wzSection), rest: [['district', q.district], ['sizeClass', q.sizeClass]] };
  if (q.district) return { index: 'gsi3', partition: keys.companiesByDistrict(q.district), rest: [['sizeClass', q.sizeClass]] };
  if (q.sizeClass) return { index: 'gsi4', partition: keys.companiesBySize(q.sizeClass), rest: [] };
  return { index: 'gsi1', partition: keys.companiesByName(), rest: [] };
}

function listRequest(q: Pick<CompanyListQuery, 'wzSection' | 'district' | 'sizeClass'>) {
  const { index, partition, rest } = pickIndex(q);
  const filters = rest.filter(([, v]) => v !== undefined);
  const filter = filters.length
    ? {
        expression: filters.map(([name]) => `#${name} = :${name}`).join(' AND '),
        names: Object.fromEntries(filters.map(([name]) => [`#${name}`, name])),
        values: Object.fromEntries(filters.map(([name, v]) => [`:${name}`, v])),
      }
    : undefined;
  return { index, partition, filter };
}

export function companyRepository(db: Db) {
  return {
    async get(id: string): Promise<Company | undefined> {
      const item = await getItem(db, keys.company(id));
      return item ? stripKeys<Company>(item) : undefined;
    },

    async list(q: CompanyListQuery): Promise<Page<Company>> {
      const { index, partition, filter } = listRequest(q);
      const page = await queryPage(db, { index, partition, filter, sortPrefix: q.q ? foldForSearch(q.q) : undefined, cursor: q.cursor, limit: q.limit });
      return { items: page.items.map((i) => stripKeys<Company>(i)), nextCursor: page.nextCursor };
    },

    /** Every company matching the filters, page by page (inviting a panel to a survey). */
    async listAll(q: Pick<CompanyListQuery, 'wzSection' | 'district' | 'sizeClass'>): Promise<Company[]> {
      const { index, partition, filter } = listRequest(q);
      return (await queryAll(db, { index, partition, filter })).map((i) => stripKeys<Company>(i));
    },

    async duplicates(name: string, postcode: string) {
      const page = await queryPage(db, { partition: duplicateKeyOf({ name, postcode }), limit: 10 });
      return page.items.map((i) => ({ id: String(i.sk), name: String(i.name) }));
    },
  };
}
