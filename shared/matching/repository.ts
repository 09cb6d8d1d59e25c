// Matches on the table: in the case partition (erasing a case erases them), indexed by need and by state; and the
// candidate index of cases by occupation group.
import type { CaseRecord } from '../cases/schema.ts';
import type { Page } from '../schema-kit.ts';
import { getItem, put, queryAll, queryPage, stripKeys, type Db, type Item, type TransactItem } from '../table/access.ts';
import { keys } from '../table/keys.ts';
import { pseudonym } from './pseudonym.ts';
import type { Match, MatchState } from './schema.ts';

/** A match's id in lists: unique across cases. */
export const matchId = (caseId: string, needId: string) => `${caseId}_${needId}`;

/** The id and the pseudonym follow from the case and the need, so they are not stored. */
export function matchItem({ id: _id, pseudonym: _pseudonym, ...m }: Match) {
  return {
    ...keys.match(m.caseId, m.needId),
    ...m,
    gsi1pk: keys.matchesOfNeed(m.needId),
    gsi1sk: `${m.createdAt}#${m.caseId}`,
    gsi2pk: keys.matchesInState(m.state),
    gsi2sk: `${m.updatedAt}#${m.caseId}#${m.needId}`,
  };
}

export function toMatch(item: Item): Match {
  const m = stripKeys<Omit<Match, 'id' | 'pseudonym'>>(item);
  return { ...m, id: matchId(m.caseId, m.needId), pseudonym: pseudonym(m.caseId) };
}

export function matchRepository(db: Db) {
  return {
    async get(caseId: string, needId: string): Promise<Match | undefined> {
      const item = await getItem(db, keys.match(caseId, needId), true);
      return item ? toMatch(item) : undefined;
    },

    /** Puts the match as of `expectedVersion` (absent: a new proposal, refused when the case was already proposed for the need). */
    put(m: Match, expectedVersion?: number): TransactItem {
      return expectedVersion === undefined ? put(db, matchItem(m), 'attribute_not_exists(pk)') : put(db, matchItem(m), 'version = :v', { ':v': expectedVersion });
    },

    /** Every match of one case (bounded: a case is proposed for a handful of needs). */
    async ofCase(caseId: string): Promise<Match[]> {
      return (await queryAll(db, { partition: keys.casePartition(caseId), sortPrefix: keys.matchPrefix() })).map(toMatch);
    },

    async ofNeed(needId: string, cursor: string | undefined, limit: number): Promise<Page<Match>> {
      const page = await queryPage(db, { index: 'gsi1', partition: keys.matchesOfNeed(needId), cursor, limit, descending: true });
      return { items: page.items.map(toMatch), nextCursor: page.nextCursor };
    },

    async inState(state: MatchState, cursor: string | undefined, limit: number): Promise<Page<Match>> {
      const page = await queryPage(db, { index: 'gsi2', partition: keys.matchesInState(state), cursor, limit, descending: true });
      return { items: page.items.map(toMatch), nextCursor: page.nextCursor };
    },

    /** Cases that can be matched in the occupation's 3-digit group: one Query on the sparse candidate index. */
    async candidatesInGroup(code: string): Promise<CaseRecord[]> {
      return (await queryAll(db, { index: 'gsi6', partition: keys.candidatesInGroup(code) })).map((i) => stripKeys<CaseRecord>(i));
    },
  };
}
