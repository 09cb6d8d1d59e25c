// Cases on the table: the whole case in one Query on its partition, lists on the five GSIs, writes in transactions.
import { foldForSearch } from '../text.ts';
import { profileOf } from '../matching/profile.ts';
import { matchItem } from '../matching/repository.ts';
import type { Match } from '../matching/schema.ts';
import { caseItemKind, keys } from '../table/keys.ts';
import { getItem, queryAll, queryPage, stripKeys, type Db, type Item } from '../table/access.ts';
import { GSI_NAMES } from '../table/definition.ts';
import { entity } from '../table/entity.ts';
import { between, patterns, startingWith, type Target } from '../table/patterns.ts';
import type { Key } from '../table/port.ts';
import type { WriteSet } from '../table/write-set.ts';
import { NotFound } from '../errors.ts';
import type { Page } from '../schema-kit.ts';
import type {
  CaseListQuery,
  CaseRecord,
  Child,
  ChildKind,
  ExamInput,
  TargetOccupation,
  ForeignQualificationInput,
  FundingInput,
  ModuleInput,
  OutcomeInput,
  RecognitionRecord,
  SessionInput,
} from './schema.ts';

/** A foreign qualification as stored: country, titles and year are gone once the case is anonymised. */
type AnonymisableQualification = Omit<ForeignQualificationInput, 'country' | 'originalTitle' | 'year'> &
  Partial<Pick<ForeignQualificationInput, 'country' | 'originalTitle' | 'year'>>;

export type HistoryEntry = { at: string; actorId: string; from?: string; to: string; reason?: string };

export type CaseAggregate = {
  case: CaseRecord;
  sessions: Child<SessionInput>[];
  modules: Child<ModuleInput>[];
  fundings: Child<FundingInput>[];
  /** Country, titles and year are gone once the case is anonymised. */
  qualifications: Child<AnonymisableQualification>[];
  exam?: Child<ExamInput>;
  outcome?: Child<OutcomeInput>;
  recognition?: Child<RecognitionRecord>;
  history: HistoryEntry[];
  /** The case's matches with needs (read with the partition; the matching service shows them). */
  matches?: Item[];
};

/** The children a case has one of at most. */
export type Singleton = 'exam' | 'outcome' | 'recognition';
const SINGLETON_KEYS: Record<Singleton, (caseId: string) => Key> = { exam: keys.caseExam, outcome: keys.caseOutcome, recognition: keys.caseRecognition };

const sortName = (c: CaseRecord) => foldForSearch(`${c.participant.lastName} ${c.participant.firstName}`);

/**
 * A case is in the lists by status, counsellor and last update; in the name list until it is (being) anonymised;
 * in a counsellor's follow-ups while one is open, or in the pending anonymisations while its anonymisation runs
 * (both on gsi3, never both); and in the candidate index while it can be matched.
 */
export const cases = entity<CaseRecord>({
  name: 'case',
  key: (c) => keys.case(c.id),
  slots: (c) => {
    const touched = `${c.updatedAt}#${c.id}`;
    const candidate = profileOf(c);
    return [
      patterns.casesByStatus.slot(`${c.statusSince}#${c.id}`, c.status),
      patterns.casesByCounsellor.slot(touched, c.counsellorId),
      c.anonymising
        ? patterns.anonymisationsPending.slot(`${c.anonymising.since}#${c.id}`)
        : Boolean(c.nextFollowUp && !c.anonymisedAt) && patterns.followUpsOf.slot(`${c.nextFollowUp}#${c.id}`, c.counsellorId),
      patterns.casesByUpdate.slot(touched),
      !c.anonymisedAt && !c.anonymising && patterns.casesByName.slot(`${sortName(c)}#${c.id}`),
      'profile' in candidate && patterns.candidatesInGroup.slot(`${candidate.profile.occupation}#${c.id}`, candidate.profile.occupation),
    ];
  },
});
export const caseItem = cases.item;

/** The look-up entry of the duplicate warning (same folded name and birth date), when a birth date is known. */
function duplicateEntry(c: Pick<CaseRecord, 'id' | 'participant'>): Key | undefined {
  const p = c.participant;
  return p.birthDate ? keys.caseDuplicate(foldForSearch(`${p.lastName} ${p.firstName}`), p.birthDate, c.id) : undefined;
}

/** The index entries an item makes: each GSI it has keys for, with the partition and sort key it is listed under. */
function indexEntriesOf(item: Item): { index: string; partition: string; sort: string }[] {
  return GSI_NAMES.flatMap((index) => (item[`${index}pk`] ? [{ index, partition: String(item[`${index}pk`]), sort: String(item[`${index}sk`]) }] : []));
}

const keyOf = (i: Item): Key => ({ pk: String(i.pk), sk: String(i.sk) });

/** The children of a case as they are to be written again (anonymisation), each without what names the person. */
export type RewrittenChildren = {
  sessions: Item[];
  modules: Item[];
  fundings: Item[];
  qualifications: Item[];
  outcome?: Item;
  recognition?: Item;
  matches: Match[];
  /** Applied to every history entry as stored. */
  history: (entry: Item) => Item;
};

/** The case's participations in group measures (in the measures' partitions), named by its linked modules. */
async function participationsOfCase(db: Db, caseId: string, items: Item[]): Promise<Item[]> {
  const measureIds = [...new Set(items.map((i) => i.measureId).filter((m): m is string => typeof m === 'string'))];
  const found = await Promise.all(measureIds.map((m) => getItem(db, keys.participation(m, caseId))));
  return found.filter((p): p is Item => Boolean(p));
}

/** A child as stored; a plan module that names a learning-venue agreement is in that agreement's list (K11). */
function childItem(caseId: string, kind: ChildKind, child: Item & { id: string }): Item & Key {
  const agreementId = kind === 'modules' && typeof child.agreementId === 'string' ? child.agreementId : undefined;
  return {
    ...keys.caseChild(caseId, kind, child.id),
    ...child,
    ...(agreementId ? patterns.modulesOfAgreement.slot(`${caseId}#${child.id}`, agreementId).keys : {}),
  };
}

export function caseRepository(db: Db) {
  const rawItems = (id: string) => queryAll(db, patterns.caseWithChildren.of(id));
  const participationsOf = (id: string, items: Item[]) => participationsOfCase(db, id, items);
  return {
    /** The case and all its children: one Query on the case partition. */
    async load(id: string): Promise<CaseAggregate> {
      const items = await rawItems(id);
      const root = items.find((i) => caseItemKind(String(i.sk)) === 'case');
      if (!root) throw new NotFound('Der Fall wurde nicht gefunden.');
      const agg: CaseAggregate = { case: stripKeys<CaseRecord>(root), sessions: [], modules: [], fundings: [], qualifications: [], history: [] };
      for (const item of items) {
        const kind = caseItemKind(String(item.sk));
        if (kind === 'sessions' || kind === 'modules' || kind === 'fundings' || kind === 'qualifications') (agg[kind] as Item[]).push(stripKeys(item));
        else if (kind === 'exam') agg.exam = stripKeys(item);
        else if (kind === 'outcome') agg.outcome = stripKeys(item);
        else if (kind === 'recognition') agg.recognition = stripKeys(item);
        else if (kind === 'history') agg.history.push(stripKeys(item));
        else if (kind === 'match') (agg.matches ??= []).push(stripKeys(item));
      }
      agg.sessions.sort((a, b) => b.date.localeCompare(a.date));
      return agg;
    },

    async list(q: CaseListQuery, counsellorId: string): Promise<Page<CaseRecord>> {
      const { target, descending } = listTarget(q, counsellorId);
      const page = await queryPage(db, target, { cursor: q.cursor, limit: q.limit, descending });
      return { items: page.items.map((i) => stripKeys<CaseRecord>(i)), nextCursor: page.nextCursor };
    },

    async idByNumber(number: string): Promise<string | undefined> {
      const item = await getItem(db, keys.caseNumber(number));
      return item ? String(item.caseId) : undefined;
    },

    /** Cases with the same folded name and birth date as the person given. */
    async duplicates(person: { firstName: string; lastName: string; birthDate: string }): Promise<{ id: string; number: string }[]> {
      const page = await queryPage(db, patterns.caseDuplicates.of(foldForSearch(`${person.lastName} ${person.firstName}`), person.birthDate), { limit: 10 });
      return page.items.map((i) => ({ id: String(i.sk), number: String(i.number) }));
    },

    /** Whether the case's own item is there (strongly consistent: a retried write asks right after a try). */
    async exists(id: string): Promise<boolean> {
      return Boolean(await getItem(db, keys.case(id), true));
    },

    /** The next case number of the year, from an atomic counter: "2026-0042". */
    async nextNumber(year: string): Promise<string> {
      const [number] = await this.reserveNumbers(year, 1);
      return number!;
    },

    /** `count` case numbers of the year in a row from the same counter (a case import), in order. */
    async reserveNumbers(year: string, count: number): Promise<string[]> {
      const out = await db.write({ update: keys.caseNumberSequence(year), add: { seq: count } }, { returnNew: true });
      const last = Number(out?.seq ?? count);
      return Array.from({ length: count }, (_, i) => `${year}-${String(last - count + 1 + i).padStart(4, '0')}`);
    },

    /** An occupation of the list as a case names it (target or reference occupation); undefined when there is none. */
    async occupation(id: string): Promise<TargetOccupation | undefined> {
      const item = await getItem(db, keys.occupation(id));
      if (!item) return undefined;
      return {
        id,
        code: String(item.code),
        title: String(item.title),
        months: Number(item.months),
        chamber: String(item.chamber),
        ...(typeof item.competentBody === 'string' ? { competentBody: item.competentBody } : {}),
      };
    },

    /** Adds the new case with its number and duplicate entries to a change. */
    insert(c: CaseRecord, change: WriteSet): WriteSet {
      const dup = duplicateEntry(c);
      change.create(cases.item(c)).create({ ...keys.caseNumber(c.number), caseId: c.id });
      return dup ? change.put({ ...dup, number: c.number }) : change;
    },

    /** The case item as of the version read (or, without one, as long as it exists: a child change). */
    putCase(c: CaseRecord, expectedVersion: number | undefined, change: WriteSet): WriteSet {
      return expectedVersion === undefined ? change.overwrite(cases.item(c)) : change.replace(cases.item(c), expectedVersion);
    },

    /** Moves the duplicate entry when the name or the birth date changed. */
    moveDuplicateEntry(before: CaseRecord, after: CaseRecord, change: WriteSet): WriteSet {
      const [from, to] = [duplicateEntry(before), duplicateEntry(after)];
      if (from?.pk === to?.pk) return change;
      if (from) change.remove(from);
      return to ? change.put({ ...to, number: after.number }) : change;
    },

    /** The duplicate entry goes (anonymisation): nothing is left to find the person by. */
    removeDuplicateEntry(c: CaseRecord, change: WriteSet): WriteSet {
      const dup = duplicateEntry(c);
      return dup ? change.remove(dup) : change;
    },

    /** A session, module or funding as of its version (absent: a new one). */
    putChild(caseId: string, kind: ChildKind, child: Item & { id: string }, expectedVersion: number | undefined, change: WriteSet): WriteSet {
      const item = childItem(caseId, kind, child);
      return expectedVersion === undefined ? change.create(item) : change.replace(item, expectedVersion);
    },

    /** The exam, the outcome or the recognition procedure (one each per case) as of its version (absent: the first). */
    putSingleton(caseId: string, which: Singleton, item: Item, expectedVersion: number | undefined, change: WriteSet): WriteSet {
      const stored = { ...SINGLETON_KEYS[which](caseId), ...item };
      return expectedVersion === undefined ? change.create(stored) : change.replace(stored, expectedVersion);
    },

    /** Deletes a session, module, funding or foreign qualification, which must still exist. */
    removeChild(caseId: string, kind: ChildKind, childId: string, change: WriteSet): WriteSet {
      return change.remove(keys.caseChild(caseId, kind, childId), true);
    },

    /** A step of the case's history. */
    history(caseId: string, entry: HistoryEntry, eventId: string, change: WriteSet): WriteSet {
      return change.put({ ...keys.caseHistory(caseId, entry.at, eventId), ...entry });
    },

    /** Every child written again as given (each write can be made again, so the set is committed in chunks). */
    async rewriteChildren(caseId: string, children: RewrittenChildren, change: WriteSet): Promise<WriteSet> {
      const history = (await rawItems(caseId)).filter((i) => caseItemKind(String(i.sk)) === 'history');
      for (const s of children.sessions) change.put({ ...keys.caseChild(caseId, 'sessions', String(s.id)), ...s });
      for (const m of children.modules) change.put(childItem(caseId, 'modules', m as Item & { id: string }));
      for (const f of children.fundings) change.put({ ...keys.caseChild(caseId, 'fundings', String(f.id)), ...f });
      for (const q of children.qualifications) change.put({ ...keys.caseChild(caseId, 'qualifications', String(q.id)), ...q });
      if (children.outcome) change.put({ ...keys.caseOutcome(caseId), ...children.outcome });
      if (children.recognition) change.put({ ...keys.caseRecognition(caseId), ...children.recognition });
      for (const h of history) change.put({ ...children.history(stripKeys(h)), ...keyOf(h) });
      for (const m of children.matches) change.put(matchItem(m));
      return change;
    },

    /** Cases whose anonymisation started and has not finished, oldest first. */
    async anonymisationsPending(): Promise<CaseRecord[]> {
      return (await queryAll(db, patterns.anonymisationsPending.of())).map((i) => stripKeys<CaseRecord>(i));
    },

    /** Cases that entered `status` before the cutoff (an ISO time), oldest first. */
    async inStatusSince(status: string, cutoff: string): Promise<CaseRecord[]> {
      return (await queryAll(db, between(patterns.casesByStatus.of(status), '0', `${cutoff}#~`))).map((i) => stripKeys<CaseRecord>(i));
    },

    /**
     * Everything held about the person (Art. 15): the case partition, the look-up items (case number, duplicate
     * check), every index entry those items make, and the case's audit trail; each without table keys, the look-ups with theirs.
     */
    async everythingAbout(caseId: string) {
      const items = await rawItems(caseId);
      const root = items.find((i) => caseItemKind(String(i.sk)) === 'case') as (CaseRecord & Item) | undefined;
      if (!root) return undefined;
      const dup = duplicateEntry(root);
      const [numberItem, dupItem, auditTrail, participations] = await Promise.all([
        getItem(db, keys.caseNumber(root.number)),
        dup ? getItem(db, dup) : Promise.resolve(undefined),
        queryAll(db, patterns.auditOfRecord.of('case', caseId)),
        participationsOf(caseId, items),
      ]);
      // The participations in group measures are the person's too.
      const lookups = [numberItem, dupItem, ...participations].filter((i): i is Item => Boolean(i));
      return {
        case: items.map((i) => stripKeys<Item>(i)),
        lookups: lookups.map((i) => ({ key: keyOf(i), ...stripKeys<Item>(i) })),
        indexEntries: [...items, ...lookups].flatMap(indexEntriesOf),
        audit: auditTrail.map((i) => stripKeys<Item>(i)),
      };
    },

    /**
     * A group measure counts an erased participant no more, and its jobs forget the case: the item that stood for
     * it goes, and its id leaves the job's list of cases.
     */
    async forgetParticipant(caseId: string, p: { measureId: string; active: boolean }, change: WriteSet): Promise<WriteSet> {
      change.update(keys.measure(p.measureId), { add: { joined: -1, active: p.active ? -1 : 0 } });
      const jobs = await queryAll(db, patterns.jobsOfSubject.of('measure', p.measureId));
      for (const job of jobs) {
        const ids = (job.params as { caseIds?: string[] } | undefined)?.caseIds ?? [];
        if (!ids.includes(caseId)) continue;
        change.remove(keys.jobItem(String(job.id), caseId));
        change.update(keys.job(String(job.id)), { set: { params: { ...(job.params as object), caseIds: ids.filter((x) => x !== caseId) } } });
      }
      return change;
    },

    /**
     * The keys of every item of the person: the case item's apart, so an erasure can delete it last; and the
     * participations in group measures (in the measures' partitions), named by the case's linked modules.
     */
    async erasureKeys(
      caseId: string,
    ): Promise<{ root: CaseRecord; caseKey: Key; others: Key[]; participations: { measureId: string; active: boolean }[] } | undefined> {
      const items = await rawItems(caseId);
      const rootItem = items.find((i) => caseItemKind(String(i.sk)) === 'case');
      if (!rootItem) return undefined;
      const root = stripKeys<CaseRecord>(rootItem);
      const [auditTrail, found] = await Promise.all([queryAll(db, patterns.auditOfRecord.of('case', caseId)), participationsOf(caseId, items)]);
      const dup = duplicateEntry(root);
      const others = [
        ...items.filter((i) => i !== rootItem).map(keyOf),
        ...auditTrail.map(keyOf),
        ...found.map(keyOf),
        keys.caseNumber(root.number),
        ...(dup ? [dup] : []),
      ];
      return { root, caseKey: keyOf(rootItem), others, participations: found.map((p) => ({ measureId: String(p.measureId), active: !p.leftOn })) };
    },
  };
}
export type CaseRepository = ReturnType<typeof caseRepository>;

function listTarget(q: CaseListQuery, counsellorId: string): { target: Target; descending: boolean } {
  // A name search always reads the name index, whatever view the list is in.
  switch (q.q ? 'name' : q.view) {
    case 'status':
      return { target: patterns.casesByStatus.of(q.status ?? 'inquiry'), descending: true };
    case 'counsellor':
      return { target: patterns.casesByCounsellor.of(q.counsellorId ?? counsellorId), descending: true };
    case 'followups':
      return { target: between(patterns.followUpsOf.of(q.counsellorId ?? counsellorId), '0000-00-00', `${q.dueBy ?? '9999-12-31'}#~`), descending: false };
    case 'name':
      return { target: startingWith(patterns.casesByName.of(), q.q ? foldForSearch(q.q) : undefined), descending: false };
    default:
      return { target: patterns.casesByUpdate.of(), descending: true };
  }
}
