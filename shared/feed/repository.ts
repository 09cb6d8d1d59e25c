// Reading the report feed: the current counters (one item) and the events of one Berlin month (one partition).
import { getItem, queryAll, stripKeys, type Db, type Item } from '../table/access.ts';
import { keys } from '../table/keys.ts';
import { patterns } from '../table/patterns.ts';

export function feedRepository(db: Db) {
  return {
    /** Every counter by name; absent until the first counted fact. */
    async counters(): Promise<Record<string, number>> {
      const item = await getItem(db, keys.counters());
      return Object.fromEntries(Object.entries(item ? stripKeys<Item>(item) : {}).map(([k, v]) => [k, Number(v)]));
    },

    /** The month's events, oldest first: the monthly report's one read of history. */
    eventsOfMonth: async (month: string): Promise<Item[]> => (await queryAll(db, patterns.eventsOfMonth.of(month))).map((i) => stripKeys<Item>(i)),
  };
}
