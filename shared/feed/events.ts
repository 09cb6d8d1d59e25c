// The report feed: every counted fact is written as an event item in its month's partition, in the same transaction as the fact.
import { ulid } from 'ulid';
import { setAttributes, type Db, type TransactItem } from '../table/access.ts';
import { keys } from '../table/keys.ts';
import { berlinMonth } from '../time.ts';

export type FeedEvent = { type: string; at: Date; data: Record<string, string | number | boolean | null> };

export function eventItem(event: FeedEvent) {
  return {
    pk: keys.eventsOfMonth(berlinMonth(event.at)),
    sk: `${event.at.toISOString()}#${ulid(event.at.getTime())}`,
    type: event.type,
    at: event.at.toISOString(),
    ...event.data,
  };
}

/** The counters item update that adds `delta` to each named counter. */
export function counterUpdate(db: Db, deltas: Record<string, number>): TransactItem {
  return setAttributes(db, keys.counters(), {}, { add: deltas });
}
