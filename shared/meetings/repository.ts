// Meetings and action items on the table: one function per access pattern (see docs/data-model.md, M1–M7).
import { keys } from '../table/keys.ts';
import { getItem, queryAll, queryPage, stripKeys, type Db, type Item } from '../table/access.ts';
import type { Page } from '../schema-kit.ts';
import type { ActionItem, ActionListQuery, Meeting, MeetingListQuery } from './schema.ts';

export function meetingItem(m: Meeting) {
  const sort = `${m.startsAt}#${m.id}`;
  return { ...keys.meeting(m.id), ...m, gsi1pk: keys.meetingsByTime(), gsi1sk: sort, gsi2pk: keys.meetingsByKind(m.kind), gsi2sk: sort };
}

export function actionItem(a: ActionItem) {
  return {
    ...keys.action(a.meetingId, a.id),
    ...a,
    gsi1pk: keys.actionsByStatus(a.status),
    gsi1sk: `${a.dueOn}#${a.id}`,
    gsi2pk: keys.actionsOfOwner(a.ownerId),
    gsi2sk: `${a.status}#${a.dueOn}#${a.id}`,
  };
}

/** Sort keys of meetings between two Berlin dates, both days included. */
const between = (from: string | undefined, to: string | undefined): [string, string] => [from ?? '0000', `${to ?? '9999'}T99`];

export function meetingRepository(db: Db) {
  return {
    async get(id: string): Promise<Meeting | undefined> {
      const item = await getItem(db, keys.meeting(id));
      return item ? stripKeys<Meeting>(item) : undefined;
    },

    /** The meeting and its action items: one Query on the meeting partition. */
    async withActions(id: string): Promise<{ meeting: Meeting | undefined; actions: ActionItem[] }> {
      const items = await queryAll(db, { partition: keys.meetingPartition(id) });
      const meeting = items.find((i) => i.sk === 'MEETING');
      return {
        meeting: meeting ? stripKeys<Meeting>(meeting) : undefined,
        actions: items.filter((i) => String(i.sk).startsWith(keys.actionPrefix())).map((i) => stripKeys<ActionItem>(i)),
      };
    },

    async list(q: MeetingListQuery): Promise<Page<Meeting>> {
      const page = await queryPage(db, {
        index: q.kind ? 'gsi2' : 'gsi1',
        partition: q.kind ? keys.meetingsByKind(q.kind) : keys.meetingsByTime(),
        sortBetween: between(q.from, q.to),
        cursor: q.cursor,
        limit: q.limit,
      });
      return { items: page.items.map((i) => stripKeys<Meeting>(i)), nextCursor: page.nextCursor };
    },

    /** Every meeting between two Berlin dates (attendance rates, the report): bounded by the range. */
    async allBetween(from: string, to: string): Promise<Meeting[]> {
      return (await queryAll(db, { index: 'gsi1', partition: keys.meetingsByTime(), sortBetween: between(from, to) })).map((i) => stripKeys<Meeting>(i));
    },

    async action(meetingId: string, actionId: string): Promise<ActionItem | undefined> {
      const item = await getItem(db, keys.action(meetingId, actionId));
      return item ? stripKeys<ActionItem>(item) : undefined;
    },

    async actions(q: ActionListQuery): Promise<Page<ActionItem>> {
      const page = q.ownerId
        ? await queryPage(db, { index: 'gsi2', partition: keys.actionsOfOwner(q.ownerId), ...(q.status ? { sortPrefix: `${q.status}#` } : {}), cursor: q.cursor, limit: q.limit })
        : await queryPage(db, { index: 'gsi1', partition: keys.actionsByStatus(q.status ?? 'open'), cursor: q.cursor, limit: q.limit });
      return { items: page.items.map((i: Item) => stripKeys<ActionItem>(i)), nextCursor: page.nextCursor };
    },

    /** All open action items, by due date (carried over to agendas and into the report). */
    async openActions(): Promise<ActionItem[]> {
      return (await queryAll(db, { index: 'gsi1', partition: keys.actionsByStatus('open') })).map((i) => stripKeys<ActionItem>(i));
    },
  };
}
