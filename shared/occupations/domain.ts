// The occupations list on the table: shipped occupations are seeded, admins add more; listed by title.
import { Conflict, NotFound } from '../errors.ts';
import { foldForSearch } from '../text.ts';
import { keys } from '../table/keys.ts';
import { getItem, put, queryAll, queryPage, stripKeys, transact, type Db } from '../table/access.ts';
import { writeSet } from '../table/write-set.ts';
import type { Actor } from '../audit/entry.ts';
import { SHIPPED_OCCUPATIONS } from './catalogue.ts';
import type { Occupation, OccupationInput, OccupationListQuery } from './schema.ts';

/** A stable id from code and title: "51312-fachkraft-fuer-lagerlogistik". */
export const occupationId = (code: string, title: string) => `${code}-${foldForSearch(title).replace(/ /g, '-').slice(0, 60)}`;

const item = (o: Occupation) => ({ ...keys.occupation(o.id), ...o, gsi1pk: keys.occupationsByTitle(), gsi1sk: `${foldForSearch(o.title)}#${o.id}` });

export function occupationsService(db: Db) {
  return {
    async list(q: OccupationListQuery) {
      const page = await queryPage(db, { index: 'gsi1', partition: keys.occupationsByTitle(), sortPrefix: q.q ? foldForSearch(q.q) : undefined, cursor: q.cursor, limit: q.limit });
      return { items: page.items.map((i) => stripKeys<Occupation>(i)), nextCursor: page.nextCursor };
    },

    /** The whole list, by title (a campaign freezes it when it opens). */
    async all(): Promise<Occupation[]> {
      return (await queryAll(db, { index: 'gsi1', partition: keys.occupationsByTitle() })).map((i) => stripKeys<Occupation>(i));
    },

    async get(id: string): Promise<Occupation> {
      const found = await getItem(db, keys.occupation(id));
      if (!found) throw new NotFound('Der Beruf wurde nicht gefunden.');
      return stripKeys<Occupation>(found);
    },

    async create(input: OccupationInput, actor: Actor): Promise<Occupation> {
      const o: Occupation = { ...input, id: occupationId(input.code, input.title), shipped: false };
      await writeSet(db)
        .create(item(o), () => new Conflict('Diesen Beruf gibt es schon.', 'occupation_exists', [{ path: 'title', message: 'bereits vorhanden' }]))
        .audit(actor, 'create', 'occupation', o.id, Object.keys(input), new Date())
        .commit();
      return o;
    },

    /** Seeds the shipped list (idempotent: existing entries are left alone). */
    async seedShipped(step: () => void = () => {}) {
      for (let i = 0; i < SHIPPED_OCCUPATIONS.length; i += 25) {
        const batch = SHIPPED_OCCUPATIONS.slice(i, i + 25).map((s) => ({ ...s, id: occupationId(s.code, s.title), shipped: true }));
        await transact(db, batch.map((o) => put(db, item(o))));
        batch.forEach(() => step());
      }
    },
  };
}
