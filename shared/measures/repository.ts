// Group measures on the table: the measure item with its shared plan, and one participation item per case in the
// measure's partition (ids and dates only), read together in one Query.
import { keys } from '../table/keys.ts';
import { getItem, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { patterns } from '../table/patterns.ts';
import type { WriteSet } from '../table/write-set.ts';
import type { Page } from '../schema-kit.ts';
import type { Measure, Participation } from './schema.ts';

export const measures = entity<Measure>({
  name: 'measure',
  key: (m) => keys.measure(m.id),
  slots: (m) => [
    patterns.measuresByStart.slot(`${m.startDate}#${m.id}`),
    Boolean(m.agreementId) && patterns.measuresOfAgreement.slot(`${m.startDate}#${m.id}`, m.agreementId!),
  ],
});

export const participations = entity<Participation>({ name: 'participation', key: (p) => keys.participation(p.measureId, p.caseId) });

export function measureRepository(db: Db) {
  return {
    key: (id: string) => keys.measure(id),

    async get(id: string, consistent = false): Promise<Measure | undefined> {
      const item = await getItem(db, keys.measure(id), consistent);
      return item ? stripKeys<Measure>(item) : undefined;
    },

    /** The measure and its participants in one Query on its partition (a cohort of at most a few dozen). */
    async withParticipants(id: string): Promise<{ measure: Measure; participants: Participation[] } | undefined> {
      const items = await queryAll(db, { pattern: patterns.participantsOfMeasure, partition: patterns.participantsOfMeasure.partitionOf(id) }, {}, 'up-to-1MB');
      const measureItem = items.find((i) => i.sk === 'MEASURE');
      if (!measureItem) return undefined;
      return {
        measure: stripKeys<Measure>(measureItem),
        participants: items.filter((i) => String(i.sk).startsWith('PART#')).map((i) => stripKeys<Participation>(i)),
      };
    },

    /** Measures, newest start first; a programme runs a handful a year, the state is shown, not filtered. */
    async list(cursor: string | undefined, limit: number): Promise<Page<Measure>> {
      const page = await queryPage(db, patterns.measuresByStart.of(), { cursor, limit, descending: true });
      return { items: page.items.map((i) => stripKeys<Measure>(i)), nextCursor: page.nextCursor };
    },

    create: (m: Measure, change: WriteSet) => change.create(measures.item(m)),
    replace: (m: Measure, version: number, change: WriteSet) => change.replace(measures.item(m), version),
    putParticipation: (p: Participation, change: WriteSet) => change.put(participations.item(p)),
  };
}
export type MeasureRepository = ReturnType<typeof measureRepository>;
