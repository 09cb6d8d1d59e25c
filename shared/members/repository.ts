// Members on the table: one function per access pattern (see docs/data-model.md).
import { foldForSearch } from '../text.ts';
import { byName, keys } from '../table/keys.ts';
import { getItem, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { patterns, startingWith, type Target } from '../table/patterns.ts';
import { guards } from '../table/port.ts';
import type { WriteSet } from '../table/write-set.ts';
import type { Page } from '../schema-kit.ts';
import type { Member, MemberListQuery } from './schema.ts';

/** A member is in the name list and its kind's list; in the committee and digest lists only while it belongs there. */
export const members = entity<Member>({
  name: 'member',
  key: (m) => keys.member(m.id),
  slots: (m) => {
    const sort = byName(foldForSearch(m.name), m.id);
    return [
      patterns.membersByName.slot(sort),
      patterns.membersByKind.slot(sort, m.kind),
      m.steeringCommittee && patterns.membersInSteeringCommittee.slot(sort),
      m.digestSubscribed && patterns.membersSubscribed.slot(sort),
    ];
  },
});
export const memberItem = members.item;

export function memberRepository(db: Db) {
  return {
    async get(id: string): Promise<Member | undefined> {
      const item = await getItem(db, keys.member(id));
      return item ? stripKeys<Member>(item) : undefined;
    },

    /** Lists by the most selective index; the remaining flags filter that page. */
    async list(q: MemberListQuery): Promise<Page<Member>> {
      const target = pickPattern(q);
      const page = await queryPage(db, startingWith(target, q.q ? foldForSearch(q.q) : undefined), {
        cursor: q.cursor,
        limit: q.limit,
        filter: {
          steeringCommittee: target.pattern === patterns.membersInSteeringCommittee ? undefined : q.steeringCommittee,
          digestSubscribed: target.pattern === patterns.membersSubscribed ? undefined : q.subscribed,
        },
      });
      return { items: page.items.map((i) => stripKeys<Member>(i)), nextCursor: page.nextCursor };
    },

    /** Every member, by name (the network's newsletter list). */
    async all(): Promise<Member[]> {
      return (await queryAll(db, patterns.membersByName.of())).map((i) => stripKeys<Member>(i));
    },

    /** Every member subscribed to the digest (the monthly report's recipients). */
    async subscribed(): Promise<Member[]> {
      return (await queryAll(db, patterns.membersSubscribed.of())).map((i) => stripKeys<Member>(i));
    },

    /** Writes the new member with what the change means (audit, feed, counters) in one transaction. */
    async insert(m: Member, change: WriteSet): Promise<void> {
      await change.create(members.item(m)).commit();
    },

    /** Replaces the member if it still has `expectedVersion`. */
    async replace(m: Member, expectedVersion: number, change: WriteSet): Promise<void> {
      await change.replace(members.item(m), expectedVersion).commit();
    },

    /** Deletes the member if it still has `expectedVersion` (someone else saving first is a 409). */
    async remove(id: string, expectedVersion: number, change: WriteSet): Promise<void> {
      await change.removeGuarded(keys.member(id), guards.version(expectedVersion)).commit();
    },
  };
}
export type MemberRepository = ReturnType<typeof memberRepository>;

/** The most selective pattern for the filters given; the remaining flags filter its page. */
function pickPattern(q: MemberListQuery): Target {
  if (q.kind) return patterns.membersByKind.of(q.kind);
  if (q.steeringCommittee) return patterns.membersInSteeringCommittee.of();
  if (q.subscribed) return patterns.membersSubscribed.of();
  return patterns.membersByName.of();
}
