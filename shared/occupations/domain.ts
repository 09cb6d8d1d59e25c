// The occupations list on the table: shipped occupations are seeded, admins add more; listed by title.
import { Conflict, NotFound } from '../errors.ts';
import { foldForSearch } from '../text.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { occupationRepository } from './repository.ts';
import type { Actor } from '../audit/entry.ts';
import { SHIPPED_OCCUPATIONS } from './catalogue.ts';
import type { Occupation, OccupationInput, OccupationListQuery } from './schema.ts';

/** A stable id from code and title: "51312-fachkraft-fuer-lagerlogistik". */
export const occupationId = (code: string, title: string) => `${code}-${foldForSearch(title).replace(/ /g, '-').slice(0, 60)}`;

export function occupationsService(db: Db) {
  const repo = occupationRepository(db);
  return {
    list: (q: OccupationListQuery) => repo.list(q.q, q.cursor, q.limit),

    /** The whole list, by title (a campaign freezes it when it opens). */
    all: (): Promise<Occupation[]> => repo.all(),

    async get(id: string): Promise<Occupation> {
      const found = await repo.get(id);
      if (!found) throw new NotFound('Der Beruf wurde nicht gefunden.');
      return found;
    },

    async create(input: OccupationInput, actor: Actor): Promise<Occupation> {
      const o: Occupation = { ...input, id: occupationId(input.code, input.title), shipped: false };
      await repo
        .create(o, writeSet(db), () => new Conflict('Diesen Beruf gibt es schon.', 'occupation_exists', [{ path: 'title', message: 'bereits vorhanden' }]))
        .audit(actor, 'create', 'occupation', o.id, Object.keys(input), new Date())
        .commit();
      return o;
    },

    /** Seeds the shipped list (idempotent: existing entries are left alone). */
    async seedShipped(step: () => void = () => {}) {
      for (let i = 0; i < SHIPPED_OCCUPATIONS.length; i += 25) {
        const batch = SHIPPED_OCCUPATIONS.slice(i, i + 25).map((s) => ({ ...s, id: occupationId(s.code, s.title), shipped: true }));
        const change = writeSet(db);
        for (const o of batch) repo.put(o, change);
        await change.commit();
        batch.forEach(() => step());
      }
    },
  };
}
