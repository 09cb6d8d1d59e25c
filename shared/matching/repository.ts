// Matches on the table: in the case partition (erasing a case erases them), indexed by need and by state; and the
// candidate index of cases by occupation group.
import type { CaseRecord } from '../cases/schema.ts';
import type { Page } from '../schema-kit.ts';
import { getItem, queryAll, queryPage, stripKeys, type Db, type Item } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { keys } from '../table/keys.ts';
import { patterns } from '../table/patterns.ts';
import type { WriteSet, Failure } from '../table/write-set.ts';
import { pseudonym } from './pseudonym.ts';
import type { Match, MatchState } from './schema.ts';

/** A match's id in lists: unique across cases. */
export const matchId = (caseId: string, needId: string) => `${caseId}_${needId}`;

/** The id and the pseudonym follow from the case and the need, so they are not stored. */
export const matches = entity<Match>({
  name: 'match',
  key: (m) => keys.match(m.caseId, m.needId),
  attributes: ({ id: _id, pseudonym: _pseudonym, ...m }) => m,
  slots: (m) => [
    patterns.matchesOfNeed.slot(`${m.createdAt}#${m.caseId}`, m.needId),
    patterns.matchesInState.slot(`${m.updatedAt}#${m.caseId}#${m.needId}`, m.state),
    Boolean(m.companyId) && patterns.matchesOfCompany.slot(`${m.createdAt}#${m.caseId}#${m.needId}`, m.companyId),
  ],
});
export const matchItem = matches.item;

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

    /** A new proposal, refused (`onExists`) when the case was already proposed for the need. */
    create: (m: Match, change: WriteSet, onExists: Failure) => change.create(matches.item(m), onExists),

    /** The match as of `expectedVersion`. */
    replace: (m: Match, expectedVersion: number, change: WriteSet) => change.replace(matches.item(m), expectedVersion),

    /** Every match of one case (bounded: a case is proposed for a handful of needs). */
    async ofCase(caseId: string): Promise<Match[]> {
      return (await queryAll(db, patterns.matchesOfCase.of(caseId))).map(toMatch);
    },

    async ofNeed(needId: string, cursor: string | undefined, limit: number): Promise<Page<Match>> {
      const page = await queryPage(db, patterns.matchesOfNeed.of(needId), { cursor, limit, descending: true });
      return { items: page.items.map(toMatch), nextCursor: page.nextCursor };
    },

    async inState(state: MatchState, cursor: string | undefined, limit: number): Promise<Page<Match>> {
      const page = await queryPage(db, patterns.matchesInState.of(state), { cursor, limit, descending: true });
      return { items: page.items.map(toMatch), nextCursor: page.nextCursor };
    },

    /** Cases that can be matched in the occupation's 3-digit group: one Query on the sparse candidate index. */
    async candidatesInGroup(code: string): Promise<CaseRecord[]> {
      return (await queryAll(db, patterns.candidatesInGroup.of(code))).map((i) => stripKeys<CaseRecord>(i));
    },
  };
}
