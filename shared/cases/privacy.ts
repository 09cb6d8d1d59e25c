// GDPR tooling for cases: withdraw consent (anonymise), export everything held about a person, erase it.
import { ulid } from 'ulid';
import { auditItem, type Actor } from '../audit/entry.ts';
import { counterUpdate } from '../feed/events.ts';
import { Conflict } from '../errors.ts';
import { escapeHtml } from '../email/message.ts';
import { systemClock, berlinDate, type Clock } from '../time.ts';
import { getItem, queryAll, transact, type Db, type Item, type TransactItem } from '../table/access.ts';
import { GSI_NAMES } from '../table/definition.ts';
import { writeSet } from '../table/write-set.ts';
import { keys } from '../table/keys.ts';
import type { CasesService } from './domain.ts';
import { withdrawnForConsent } from '../matching/lifecycle.ts';
import { matchItem, toMatch } from '../matching/repository.ts';
import { duplicateKey, type CaseAggregate } from './repository.ts';
import type { CaseRecord } from './schema.ts';
import { caseView } from './view.ts';

type AnonymisationReason = NonNullable<CaseRecord['anonymising']>['reason'];

/** What stays of a person after anonymisation: only what the statistics count. The marker says the children are not done yet. */
export function anonymised(c: CaseRecord, now: Date, reason: AnonymisationReason): CaseRecord {
  const p = c.participant;
  return {
    ...c,
    participant: {
      firstName: '–',
      lastName: `Anonymisiert ${c.number}`,
      gender: p.gender,
      migrationBackground: p.migrationBackground,
      ...(p.district ? { district: p.district } : {}),
    },
    consent: { ...c.consent, withdrawnOn: c.consent.withdrawnOn ?? berlinDate(now) },
    anonymising: c.anonymising ?? { reason, since: now.toISOString() },
    updatedAt: now.toISOString(),
    version: c.version + 1,
  };
}

/**
 * Every child item without what can name the person: session notes and next steps, the learning venue, the voucher
 * number, the employer, history reasons, proposal notes (open proposals end). Dates, hours, statuses and results stay
 * for the statistics. Each Put is idempotent, so a rerun after a crash writes the same items again.
 */
function anonymisedChildren(agg: CaseAggregate, historyItems: Item[], actorId: string, now: Date): Item[] {
  const pk = keys.casePartition(agg.case.id);
  const child = (sk: string, item: Item): Item => ({ pk, sk, ...item });
  const matches = (agg.matches ?? []).map(toMatch);
  const ended = new Map(withdrawnForConsent(matches, berlinDate(now), now.toISOString(), actorId).map(({ after }) => [after.needId, after]));
  return [
    ...agg.sessions.map(({ notes: _n, nextSteps: _s, ...s }) => child(keys.caseChild('sessions', s.id), s)),
    ...agg.modules.map(({ venueCompany: _v, ...m }) => child(keys.caseChild('modules', m.id), m)),
    ...agg.fundings.map(({ voucherNumber: _v, ...f }) => child(keys.caseChild('fundings', f.id), f)),
    ...(agg.outcome ? [child(keys.caseOutcome(), (({ employer: _e, ...o }) => o)(agg.outcome))] : []),
    ...historyItems.map(({ reason: _r, ...h }) => h),
    ...matches.map((m) => {
      const after = ended.get(m.needId) ?? m;
      return matchItem({ ...after, steps: after.steps.map(({ note: _note, ...step }) => step) });
    }),
  ];
}

export function casePrivacy(db: Db, cases: CasesService, clock: Clock = systemClock) {
  const { repo, audit } = cases;

  /**
   * Anonymises resumably: (1) the case item loses the person's data and the duplicate entry goes, and the case is
   * marked as being anonymised (it leaves the name and candidate indexes and joins the pending list); (2) every child
   * item is rewritten without free text, in chunks; (3) only then is the case marked anonymised. A crash after (1)
   * leaves the marker, and the retention job or the button finishes the work.
   */
  async function anonymise(agg: CaseAggregate, actor: Actor, reason: AnonymisationReason) {
    const now = clock();
    let c = agg.case;
    if (!c.anonymising) {
      const dup = duplicateKey(c);
      const marked = anonymised(c, now, reason);
      await repo.commit([repo.putCase(marked, c.version), audit(actor, 'update', c.id, ['participant', `anonymisation:${reason}`], now), ...(dup ? [repo.deleteItem(dup, c.id)] : [])]);
      c = marked;
    }
    const history = (await repo.rawItems(c.id)).filter((i) => String(i.sk).startsWith('HISTORY#'));
    const rest = writeSet(db);
    for (const Item of anonymisedChildren(agg, history, actor.id, now)) rest.add({ Put: { TableName: db.tableName, Item } });
    await rest.commitInChunks();
    const { anonymising: _done, ...unmarked } = c;
    const finished: CaseRecord = { ...unmarked, anonymisedAt: now.toISOString(), updatedAt: now.toISOString(), version: c.version + 1 };
    await repo.commit([repo.putCase(finished, c.version), audit(actor, 'update', c.id, [`anonymised:${c.anonymising?.reason ?? reason}`], now)]);
    return finished;
  }

  return {
    anonymise,

    /** Withdrawal anonymises; pressed again on a case whose anonymisation was interrupted, it finishes it. */
    async withdrawConsent(caseId: string, actor: Actor) {
      const agg = await repo.load(caseId);
      if (agg.case.anonymisedAt) throw new Conflict('Der Fall ist bereits anonymisiert.', 'anonymised');
      const c = await anonymise(agg, actor, 'consent_withdrawn');
      return caseView(await repo.load(c.id), clock());
    },

    /**
     * Everything held about the person (Art. 15): the case partition, the look-up items (case number, duplicate
     * check), every index entry those items make, and the case's audit trail.
     */
    async export(caseId: string, actor: Actor) {
      const items = await repo.rawItems(caseId);
      const root = items.find((i) => i.sk === 'CASE') as (CaseRecord & Item) | undefined;
      if (!root) throw new Conflict('Der Fall wurde nicht gefunden.', 'not_found');
      const dup = duplicateKey(root);
      const [numberItem, dupItem, auditTrail] = await Promise.all([
        getItem(db, keys.caseNumber(root.number)),
        dup ? getItem(db, { pk: dup, sk: caseId }) : Promise.resolve(undefined),
        queryAll(db, { partition: keys.auditOfRecord('case', caseId) }),
      ]);
      const lookups = [numberItem, dupItem].filter((i): i is Item => Boolean(i));
      const now = clock();
      await transact(db, [audit(actor, 'export', caseId, ['*'], now)]);
      const strip = (i: Item) => Object.fromEntries(Object.entries(i).filter(([k]) => !/^(pk|sk|gsi\dpk|gsi\dsk)$/.test(k)));
      return {
        exportedAt: now.toISOString(),
        case: items.map(strip),
        lookups: lookups.map((i) => ({ key: { pk: String(i.pk), sk: String(i.sk) }, ...strip(i) })),
        indexEntries: [...items, ...lookups].flatMap(indexEntriesOf),
        audit: auditTrail.map(strip),
      };
    },

    /** Deletes every item of the person; the erasure is audited under a new id, without the person's data. */
    async erase(caseId: string, actor: Actor) {
      const items = await repo.rawItems(caseId);
      const root = items.find((i) => i.sk === 'CASE') as (CaseRecord & Item) | undefined;
      if (!root) throw new Conflict('Der Fall wurde nicht gefunden.', 'not_found');
      const auditTrail = await queryAll(db, { partition: keys.auditOfRecord('case', caseId) });
      const dup = duplicateKey(root);
      const doomed: { pk: string; sk: string }[] = [
        ...items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })),
        ...auditTrail.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })),
        keys.caseNumber(root.number),
        ...(dup ? [{ pk: dup, sk: caseId }] : []),
      ];
      const now = clock();
      const erasureId = ulid(now.getTime());
      const deletes: TransactItem[] = doomed.map((k) => ({ Delete: { TableName: db.tableName, Key: k } }));
      const all = [...deletes];
      // The case item is deleted last, so an interrupted erasure can be run again from the case.
      const caseDelete = all.findIndex((t) => t.Delete?.Key?.sk === 'CASE' && t.Delete.Key.pk === keys.casePartition(caseId));
      const [caseItem] = all.splice(caseDelete, 1);
      await writeSet(db).addAll(all).commitInChunks();
      await transact(db, [
        caseItem!,
        { Put: { TableName: db.tableName, Item: auditItem(actor, 'erase', 'erasure', erasureId, [`items:${doomed.length}`], now) } },
        counterUpdate(db, { cases: -1, [`status_${root.status}`]: -1 }),
      ]);
      return { erasureId, itemsDeleted: doomed.length };
    },
  };
}

/** The index entries an item makes: each GSI it has keys for, with the partition and sort key it is listed under. */
function indexEntriesOf(item: Item): { index: string; partition: string; sort: string }[] {
  return GSI_NAMES.flatMap((index) => (item[`${index}pk`] ? [{ index, partition: String(item[`${index}pk`]), sort: String(item[`${index}sk`]) }] : []));
}

type Export = { exportedAt: string; case: Item[]; lookups: Item[]; indexEntries: Item[]; audit: Item[] };

/** A readable HTML version of an export, for handing to the person. */
export function exportHtml(data: Export): string {
  const rows = (items: Item[]) =>
    items
      .map((i) => `<tr><td><pre>${escapeHtml(JSON.stringify(i, null, 2))}</pre></td></tr>`)
      .join('');
  return `<!doctype html><html lang="de"><meta charset="utf-8"><title>Auskunft nach Art. 15 DSGVO</title>
<style>body{font-family:sans-serif;margin:2rem}pre{white-space:pre-wrap;margin:0}td{border-bottom:1px solid #ccc;padding:.5rem}</style>
<h1>Auskunft über gespeicherte Daten (Art. 15 DSGVO)</h1><p>Erstellt am ${escapeHtml(data.exportedAt)}</p>
<h2>Falldaten</h2><table>${rows(data.case)}</table><h2>Suchschlüssel</h2><table>${rows(data.lookups)}</table>
<h2>Einträge in Verzeichnissen (Indizes)</h2><table>${rows(data.indexEntries)}</table><h2>Protokoll der Zugriffe</h2><table>${rows(data.audit)}</table></html>`;
}
