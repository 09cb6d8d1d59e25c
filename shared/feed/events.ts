// The report feed: every counted fact is written as an event item in its month's partition, in the same transaction as the fact.
import { ulid } from '../ids.ts';
import { keys } from '../table/keys.ts';
import type { Update } from '../table/port.ts';
import { berlinMonth } from '../time.ts';

export type FeedEvent = { type: string; at: Date; data: Record<string, string | number | boolean | null> };

export function eventItem(event: FeedEvent) {
  return {
    ...keys.event(berlinMonth(event.at), `${event.at.toISOString()}#${ulid(event.at.getTime())}`),
    type: event.type,
    at: event.at.toISOString(),
    ...event.data,
  };
}

/** The counters item update that adds `delta` to each named counter. */
export function counterUpdate(deltas: Record<string, number>): Update {
  return { update: keys.counters(), add: deltas };
}
