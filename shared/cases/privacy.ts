// GDPR tooling for cases: withdraw consent (anonymise), export everything held about a person, erase it.
import { ulid } from 'ulid';
import { auditItem, type Actor } from '../audit/entry.ts';
import { counterUpdate } from '../feed/events.ts';
import { Conflict } from '../errors.ts';
import { escapeHtml } from '../email/message.ts';
import { systemClock, berlinDate, type Clock } from '../time.ts';
import { queryAll, transact, type Db, type Item, type TransactItem } from '../table/access.ts';
import { keys } from '../table/keys.ts';
import type { CasesService } from './domain.ts';
import { duplicateKey, type CaseAggregate } from './repository.ts';
import type { CaseRecord } from './schema.ts';
import { caseView } from './view.ts';

/** What stays of a person after anonymisation: only what the statistics count. */
export function anonymised(c: CaseRecord, now: Date): CaseRecord {
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
    anonymisedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: c.version + 1,
  };
}

/** Free texts of children can name the person; they go. Dates, hours, statuses and results stay for the statistics. */
function anonymisedChildren(agg: CaseAggregate, db: Db): TransactItem[] {
  const pk = keys.casePartition(agg.case.id);
  const putChild = (sk: string, item: Item): TransactItem => ({ Put: { TableName: db.tableName, Item: { pk, sk, ...item } } });
  return [
    ...agg.sessions.map(({ notes: _n, nextSteps: _s, ...s }) => putChild(keys.caseChild('sessions', s.id), s)),
    ...agg.modules.map(({ venueCompany: _v, ...m }) => putChild(keys.caseChild('modules', m.id), m)),
    ...agg.fundings.map(({ voucherNumber: _v, ...f }) => putChild(keys.caseChild('fundings', f.id), f)),
    ...(agg.outcome ? [putChild(keys.caseOutcome(), (({ employer: _e, ...o }) => o)(agg.outcome))] : []),
  ];
}

export function casePrivacy(db: Db, cases: CasesService, clock: Clock = systemClock) {
  const { repo, audit } = cases;

  /** Anonymises in chunks of one transaction each; the case item goes first so a retry sees where it stands. */
  async function anonymise(agg: CaseAggregate, actor: Actor, reason: 'consent_withdrawn' | 'retention') {
    const now = clock();
    const c = anonymised(agg.case, now);
    const dup = duplicateKey(agg.case);
    await repo.commit([repo.putCase(c, agg.case.version), audit(actor, 'update', c.id, ['participant', `anonymised:${reason}`], now), ...(dup ? [repo.deleteItem(dup, c.id)] : [])]);
    const rest = anonymisedChildren(agg, db);
    for (let i = 0; i < rest.length; i += 90) await transact(db, rest.slice(i, i + 90));
    return c;
  }

  return {
    anonymise,

    async withdrawConsent(caseId: string, actor: Actor) {
      const agg = await repo.load(caseId);
      if (agg.case.anonymisedAt) throw new Conflict('Der Fall ist bereits anonymisiert.', 'anonymised');
      const c = await anonymise(agg, actor, 'consent_withdrawn');
      return caseView(await repo.load(c.id), clock());
    },

    /** Everything held about the person: the case partition, the case-number entry and the case's audit trail. */
    async export(caseId: string, actor: Actor) {
      const items = await repo.rawItems(caseId);
      if (!items.some((i) => i.sk === 'CASE')) throw new Conflict('Der Fall wurde nicht gefunden.', 'not_found');
      const auditTrail = await queryAll(db, { partition: keys.auditOfRecord('case', caseId) });
      const now = clock();
      await transact(db, [audit(actor, 'export', caseId, ['*'], now)]);
      const strip = (i: Item) => Object.fromEntries(Object.entries(i).filter(([k]) => !/^(pk|sk|gsi\dpk|gsi\dsk)$/.test(k)));
      return { exportedAt: now.toISOString(), case: items.map(strip), audit: auditTrail.map(strip) };
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
      for (let i = 0; i < all.length; i += 90) await transact(db, all.slice(i, i + 90));
      await transact(db, [
        caseItem!,
        { Put: { TableName: db.tableName, Item: auditItem(actor, 'erase', 'erasure', erasureId, [`items:${doomed.length}`], now) } },
        counterUpdate(db, { cases: -1, [`status_${root.status}`]: -1 }),
      ]);
      return { erasureId, itemsDeleted: doomed.length };
    },
  };
}

/** A readable HTML version of an export, for handing to the person. */
export function exportHtml(data: { exportedAt: string; case: Item[]; audit: Item[] }): string {
  const rows = (items: Item[]) =>
    items
      .map((i) => `<tr><td><pre>${escapeHtml(JSON.stringify(i, null, 2))}</pre></td></tr>`)
      .join('');
  return `<!doctype html><html lang="de"><meta charset="utf-8"><title>Auskunft nach Art. 15 DSGVO</title>
<style>body{font-family:sans-serif;margin:2rem}pre{white-space:pre-wrap;margin:0}td{border-bottom:1px solid #ccc;padding:.5rem}</style>
<h1>Auskunft über gespeicherte Daten (Art. 15 DSGVO)</h1><p>Erstellt am ${escapeHtml(data.exportedAt)}</p>
<h2>Falldaten</h2><table>${rows(data.case)}</table><h2>Protokoll der Zugriffe</h2><table>${rows(data.audit)}</table></html>`;
}
