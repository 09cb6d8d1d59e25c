// The occupations list on the table: one item per occupation, listed by folded title.
import { foldForSearch } from '../text.ts';
import { keys } from '../table/keys.ts';
import { getItem, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { patterns, startingWith } from '../table/patterns.ts';
import type { Page } from '../schema-kit.ts';
import type { WriteSet } from '../table/write-set.ts';
import type { Failure } from '../table/write-set.ts';
import type { Occupation } from './schema.ts';

export const occupations = entity<Occupation>({
  name: 'occupation',
  key: (o) => keys.occupation(o.id),
  slots: (o) => [patterns.occupationsByTitle.slot(`${foldForSearch(o.title)}#${o.id}`)],
});

export function occupationRepository(db: Db) {
  return {
    async get(id: string): Promise<Occupation | undefined> {
      const found = await getItem(db, keys.occupation(id));
      return found ? stripKeys<Occupation>(found) : undefined;
    },

    async list(prefix: string | undefined, cursor: string | undefined, limit: number): Promise<Page<Occupation>> {
      const page = await queryPage(db, startingWith(patterns.occupationsByTitle.of(), prefix ? foldForSearch(prefix) : undefined), { cursor, limit });
      return { items: page.items.map((i) => stripKeys<Occupation>(i)), nextCursor: page.nextCursor };
    },

    async all(): Promise<Occupation[]> {
      return (await queryAll(db, patterns.occupationsByTitle.of())).map((i) => stripKeys<Occupation>(i));
    },

    create: (o: Occupation, change: WriteSet, onExists: Failure) => change.create(occupations.item(o), onExists),
    /** Writes the occupation as given (seeding the shipped list again is harmless). */
    put: (o: Occupation, change: WriteSet) => change.put(occupations.item(o)),
  };
}
