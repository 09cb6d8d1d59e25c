// Members on the table: one function per access pattern (see docs/data-model.md).
import { foldForSearch } from '../text.ts';
import { byName, keys } from '../table/keys.ts';
import { getItem, put, queryPage, stripKeys, transact, type Db, type TransactItem } from '../table/access.ts';
import { writeSet } from '../table/write-set.ts';
import { StaleVersion } from '../errors.ts';
import type { IndexName } from '../table/definition.ts';
import type { Page } from '../schema-kit.ts';
import type { Member, MemberListQuery } from './schema.ts';

/** The member item with its index keys: every list is a Query on one of these. */
export function memberItem(m: Member) {
  const sort = byName(foldForSearch(m.name), m.id);
  return {
    ...keys.member(m.id),
    ...m,
    gsi1pk: keys.membersByName(),
    gsi1sk: sort,
    gsi2pk: keys.membersByKind(m.kind),
    gsi2sk: sort,
    ...(m.steeringCommittee ? { gsi3pk: keys.membersInSteeringCommittee(), gsi3sk: sort } : {}),
    ...(m.digestSubscribed ? { gsi4pk: keys.membersSubscribed(), gsi4sk: sort } : {}),
  };
}

export function memberRepository(db: Db) {
  return {
    async get(id: string): Promise<Member | undefined> {
      const item = await getItem(db, keys.member(id));
      return item ? stripKeys<Member>(item) : undefined;
    },

    /** Lists by the most selective index; the remaining flags filter that page. */
    async list(q: MemberListQuery): Promise<Page<Member>> {
      const { index, partition } = pickIndex(q);
      const filters: string[] = [];
      const values: Record<string, unknown> = {};
      if (q.steeringCommittee !== undefined && !(index === 'gsi3' && q.steeringCommittee)) {
        filters.push('steeringCommittee = :sc');
        values[':sc'] = q.steeringCommittee;
      }
      if (q.subscribed !== undefined && !(index === 'gsi4' && q.subscribed)) {
        filters.push('digestSubscribed = :sub');
        values[':sub'] = q.subscribed;
      }
      const prefix = q.q ? foldForSearch(q.q) : '';
      const page = await queryPage(db, {
        index,
        partition,
        sortPrefix: prefix || undefined,
        cursor: q.cursor,
        limit: q.limit,
        filter: filters.length ? { expression: filters.join(' AND '), values } : undefined,
      });
      return { items: page.items.map((i) => stripKeys<Member>(i)), nextCursor: page.nextCursor };
    },

    /** Writes the member with the given extra items (audit, feed, counters) in one transaction. */
    async insert(m: Member, extra: TransactItem[]): Promise<void> {
      await transact(db, [put(db, memberItem(m), 'attribute_not_exists(pk)'), ...extra]);
    },

    /** Replaces the member if it still has `expectedVersion`. */
    async replace(m: Member, expectedVersion: number, extra: TransactItem[]): Promise<void> {
      await writeSet(db).replace(memberItem(m), expectedVersion).addAll(extra).commit();
    },

    /** Deletes the member if it still has `expectedVersion` (someone else saving first is a 409). */
    async remove(id: string, expectedVersion: number, extra: TransactItem[]): Promise<void> {
      const guarded = { Delete: { TableName: db.tableName, Key: keys.member(id), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } } };
      await writeSet(db).add(guarded, () => new StaleVersion()).addAll(extra).commit();
    },
  };
}
export type MemberRepository = ReturnType<typeof memberRepository>;

function pickIndex(q: MemberListQuery): { index: IndexName; partition: string } {
  if (q.kind) return { index: 'gsi2', partition: keys.membersByKind(q.kind) };
  if (q.steeringCommittee) return { index: 'gsi3', partition: keys.membersInSteeringCommittee() };
  if (q.subscribed) return { index: 'gsi4', partition: keys.membersSubscribed() };
  return { index: 'gsi1', partition: keys.membersByName() };
}

