// Cases on the table: the whole case in one Query on its partition, lists on the five GSIs, writes in transactions.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { foldForSearch } from '../text.ts';
import { candidateKeys } from '../matching/profile.ts';
import { keys } from '../table/keys.ts';
import { getItem, put, queryAll, queryPage, stripKeys, transact, type Db, type Item, type TransactItem } from '../table/access.ts';
import { writeSet } from '../table/write-set.ts';
import { NotFound } from '../errors.ts';
import type { Page } from '../schema-kit.ts';
import type { CaseListQuery, CaseRecord, Child, ExamInput, FundingInput, ModuleInput, OutcomeInput, SessionInput } from './schema.ts';

export type HistoryEntry = { at: string; actorId: string; from?: string; to: string; reason?: string };

export type CaseAggregate = {
  case: CaseRecord;
  sessions: Child<SessionInput>[];
  modules: Child<ModuleInput>[];
  fundings: Child<FundingInput>[];
  exam?: Child<ExamInput>;
  outcome?: Child<OutcomeInput>;
  history: HistoryEntry[];
  /** The case's matches with needs (read with the partition; the matching service shows them). */
  matches?: Item[];
};

const sortName = (c: CaseRecord) => foldForSearch(`${c.participant.lastName} ${c.participant.firstName}`);

/** The case item with its index keys. Anonymised cases (and those being anonymised) leave the name index. */
export function caseItem(c: CaseRecord) {
  const touched = `${c.updatedAt}#${c.id}`;
  return {
    ...keys.case(c.id),
    ...c,
    gsi1pk: keys.casesByStatus(c.status),
    gsi1sk: `${c.statusSince}#${c.id}`,
    gsi2pk: keys.casesByCounsellor(c.counsellorId),
    gsi2sk: touched,
    ...followUpOrPendingKeys(c),
    gsi4pk: keys.casesByUpdate(),
    gsi4sk: touched,
    ...(c.anonymisedAt || c.anonymising ? {} : { gsi5pk: keys.casesByName(), gsi5sk: `${sortName(c)}#${c.id}` }),
    ...candidateKeys(c),
  };
}

/** gsi3: a case being anonymised leaves the follow-ups and waits in the pending list until every item is done. */
function followUpOrPendingKeys(c: CaseRecord) {
  if (c.anonymising) return { gsi3pk: keys.anonymisationsPending(), gsi3sk: `${c.anonymising.since}#${c.id}` };
  return c.nextFollowUp && !c.anonymisedAt ? { gsi3pk: keys.followUpsOf(c.counsellorId), gsi3sk: `${c.nextFollowUp}#${c.id}` } : {};
}

export function duplicateKey(c: Pick<CaseRecord, 'participant'>): string | undefined {
  const p = c.participant;
  return p.birthDate ? keys.caseDuplicates(foldForSearch(`${p.lastName} ${p.firstName}`), p.birthDate) : undefined;
}

function childKindOf(sk: string): 'sessions' | 'modules' | 'fundings' | undefined {
  if (sk.startsWith('SESSIONS#')) return 'sessions';
  if (sk.startsWith('MODULES#')) return 'modules';
  if (sk.startsWith('FUNDINGS#')) return 'fundings';
  return undefined;
}

export function caseRepository(db: Db) {
  return {
    /** The case and all its children: one Query on the case partition. */
    async load(id: string): Promise<CaseAggregate> {
      const items = await queryAll(db, { partition: keys.casePartition(id) });
      const root = items.find((i) => i.sk === 'CASE');
      if (!root) throw new NotFound('Der Fall wurde nicht gefunden.');
      const agg: CaseAggregate = { case: stripKeys<CaseRecord>(root), sessions: [], modules: [], fundings: [], history: [] };
      for (const item of items) {
        const sk = String(item.sk);
        const kind = childKindOf(sk);
        if (kind) (agg[kind] as Item[]).push(stripKeys(item));
        else if (sk === 'EXAM') agg.exam = stripKeys(item);
        else if (sk === 'OUTCOME') agg.outcome = stripKeys(item);
        else if (sk.startsWith('HISTORY#')) agg.history.push(stripKeys(item));
        else if (sk.startsWith('MATCH#')) (agg.matches ??= []).push(stripKeys(item));
      }
      agg.sessions.sort((a, b) => b.date.localeCompare(a.date));
      return agg;
    },

    /** All items of the case partition with their keys (export and erasure). */
    rawItems: (id: string) => queryAll(db, { partition: keys.casePartition(id) }),

    async list(q: CaseListQuery, counsellorId: string): Promise<Page<CaseRecord>> {
      const page = await queryPage(db, { ...listIndex(q, counsellorId), cursor: q.cursor, limit: q.limit });
      return { items: page.items.map((i) => stripKeys<CaseRecord>(i)), nextCursor: page.nextCursor };
    },

    async idByNumber(number: string): Promise<string | undefined> {
      const item = await getItem(db, keys.caseNumber(number));
      return item ? String(item.caseId) : undefined;
    },

    async duplicates(key: string): Promise<{ id: string; number: string }[]> {
      const page = await queryPage(db, { partition: key, limit: 10 });
      return page.items.map((i) => ({ id: String(i.sk), number: String(i.number) }));
    },

    /** The next case number of the year, from an atomic counter: "2026-0042". */
    async nextNumber(year: string): Promise<string> {
      const out = await db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.caseNumberSequence(year),
          UpdateExpression: 'ADD #seq :one',
          ExpressionAttributeNames: { '#seq': 'seq' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return `${year}-${String(out.Attributes?.seq ?? 1).padStart(4, '0')}`;
    },

    async occupationItem(id: string): Promise<Item | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.occupation(id) }));
      return out.Item;
    },

    /** Writes the new case with its number and duplicate entries and the extra items, all or nothing. */
    async insert(c: CaseRecord, extra: TransactItem[]): Promise<void> {
      const dup = duplicateKey(c);
      await transact(db, [
        put(db, caseItem(c), 'attribute_not_exists(pk)'),
        put(db, { ...keys.caseNumber(c.number), caseId: c.id }, 'attribute_not_exists(pk)'),
        ...(dup ? [put(db, { pk: dup, sk: c.id, number: c.number })] : []),
        ...extra,
      ]);
    },

    /** The case item put, conditional on the version read (or on existing, for child changes). */
    putCase(c: CaseRecord, expectedVersion?: number): TransactItem {
      return expectedVersion === undefined
        ? put(db, caseItem(c), 'attribute_exists(pk)')
        : put(db, caseItem(c), 'version = :v', { ':v': expectedVersion });
    },

    putChild(caseId: string, sk: string, child: Item, expectedVersion?: number): TransactItem {
      const item = { pk: keys.casePartition(caseId), sk, ...child };
      return expectedVersion === undefined ? put(db, item, 'attribute_not_exists(pk)') : put(db, item, 'version = :v', { ':v': expectedVersion });
    },

    deleteItem(pk: string, sk: string, condition?: string): TransactItem {
      return { Delete: { TableName: db.tableName, Key: { pk, sk }, ...(condition ? { ConditionExpression: condition } : {}) } };
    },

    /** Runs a transaction whose guards (the case's version, a child's) mean "someone saved first": a failed one is a 409. */
    commit: (items: TransactItem[]): Promise<void> => writeSet(db).addAll(items).commit(),
  };
}
export type CaseRepository = ReturnType<typeof caseRepository>;

function listIndex(q: CaseListQuery, counsellorId: string) {
  // A name search always reads the name index, whatever view the list is in.
  switch (q.q ? 'name' : q.view) {
    case 'status':
      return { index: 'gsi1' as const, partition: keys.casesByStatus(q.status ?? 'inquiry'), descending: true };
    case 'counsellor':
      return { index: 'gsi2' as const, partition: keys.casesByCounsellor(q.counsellorId ?? counsellorId), descending: true };
    case 'followups':
      return {
        index: 'gsi3' as const,
        partition: keys.followUpsOf(q.counsellorId ?? counsellorId),
        sortBetween: ['0000-00-00', `${q.dueBy ?? '9999-12-31'}#~`] as [string, string],
      };
    case 'name':
      return { index: 'gsi5' as const, partition: keys.casesByName(), sortPrefix: q.q ? foldForSearch(q.q) : undefined };
    default:
      return { index: 'gsi4' as const, partition: keys.casesByUpdate(), descending: true };
  }
}
