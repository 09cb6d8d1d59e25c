// Meetings and action items on the table: one function per access pattern (see docs/data-model.md, M1–M7).
import { isActionKey, keys } from '../table/keys.ts';
import { getItem, getItems, queryAll, queryPage, stripKeys, type Db, type Item } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { between, patterns, startingWith, type Target } from '../table/patterns.ts';
import { guards } from '../table/port.ts';
import type { WriteSet } from '../table/write-set.ts';
import type { Member } from '../members/schema.ts';
import type { Page } from '../schema-kit.ts';
import type { ActionItem, ActionListQuery, Meeting, MeetingListQuery } from './schema.ts';

/** A meeting is in the calendar of all meetings and of its kind, by Berlin start time. */
export const meetings = entity<Meeting>({
  name: 'meeting',
  key: (m) => keys.meeting(m.id),
  slots: (m) => [patterns.meetingsByTime.slot(`${m.startsAt}#${m.id}`), patterns.meetingsByKind.slot(`${m.startsAt}#${m.id}`, m.kind)],
});
export const meetingItem = meetings.item;

/** An action item is in its status's list by due date and in its owner's, by status and due date. */
export const actions = entity<ActionItem>({
  name: 'action',
  key: (a) => keys.action(a.meetingId, a.id),
  slots: (a) => [patterns.actionsByStatus.slot(`${a.dueOn}#${a.id}`, a.status), patterns.actionsOfOwner.slot(`${a.status}#${a.dueOn}#${a.id}`, a.ownerId)],
});
export const actionItem = actions.item;

/** Sort keys of meetings between two Berlin dates, both days included. */
const dates = (t: Target, from: string | undefined, to: string | undefined) => between(t, from ?? '0000', `${to ?? '9999'}T99`);

export function meetingRepository(db: Db) {
  return {
    async get(id: string): Promise<Meeting | undefined> {
      const item = await getItem(db, keys.meeting(id));
      return item ? stripKeys<Meeting>(item) : undefined;
    },

    /** The meeting and its action items: one Query on the meeting partition. */
    async withActions(id: string): Promise<{ meeting: Meeting | undefined; actions: ActionItem[] }> {
      const items = await queryAll(db, patterns.meetingWithActions.of(id));
      const meeting = items.find((i) => i.sk === keys.meeting(id).sk);
      return {
        meeting: meeting ? stripKeys<Meeting>(meeting) : undefined,
        actions: items.filter((i) => isActionKey(String(i.sk))).map((i) => stripKeys<ActionItem>(i)),
      };
    },

    async list(q: MeetingListQuery): Promise<Page<Meeting>> {
      const target = q.kind ? patterns.meetingsByKind.of(q.kind) : patterns.meetingsByTime.of();
      const page = await queryPage(db, dates(target, q.from, q.to), { cursor: q.cursor, limit: q.limit });
      return { items: page.items.map((i) => stripKeys<Meeting>(i)), nextCursor: page.nextCursor };
    },

    /** Every meeting between two Berlin dates (attendance rates, the report): bounded by the range. */
    async allBetween(from: string, to: string): Promise<Meeting[]> {
      return (await queryAll(db, dates(patterns.meetingsByTime.of(), from, to))).map((i) => stripKeys<Meeting>(i));
    },

    async action(meetingId: string, actionId: string): Promise<ActionItem | undefined> {
      const item = await getItem(db, keys.action(meetingId, actionId));
      return item ? stripKeys<ActionItem>(item) : undefined;
    },

    async actions(q: ActionListQuery): Promise<Page<ActionItem>> {
      const page = q.ownerId
        ? await queryPage(db, startingWith(patterns.actionsOfOwner.of(q.ownerId), q.status ? `${q.status}#` : undefined), { cursor: q.cursor, limit: q.limit })
        : await queryPage(db, patterns.actionsByStatus.of(q.status ?? 'open'), { cursor: q.cursor, limit: q.limit });
      return { items: page.items.map((i: Item) => stripKeys<ActionItem>(i)), nextCursor: page.nextCursor };
    },

    /** All open action items, by due date (carried over to agendas and into the report). */
    async openActions(): Promise<ActionItem[]> {
      return (await queryAll(db, patterns.actionsByStatus.of('open'))).map((i) => stripKeys<ActionItem>(i));
    },

    /** Network members by id, in calls of at most 100 keys (the invitees of a meeting). */
    async members(ids: string[]): Promise<Member[]> {
      const found: Member[] = [];
      for (let i = 0; i < ids.length; i += 100)
        found.push(
          ...(
            await getItems(
              db,
              ids.slice(i, i + 100).map((id) => keys.member(id)),
            )
          ).map((item) => stripKeys<Member>(item)),
        );
      return found;
    },

    /** Deletes the meeting as of the version read, with its action items. */
    remove(m: Meeting, items: ActionItem[], change: WriteSet): WriteSet {
      change.removeGuarded(keys.meeting(m.id), guards.version(m.version));
      for (const a of items) change.remove(keys.action(m.id, a.id));
      return change;
    },
  };
}
