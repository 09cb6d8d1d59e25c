// GDPR tooling for cases: withdraw consent (anonymise), export everything held about a person, erase it.
import { ulid } from '../ids.ts';
import type { Actor } from '../audit/entry.ts';
import { Conflict } from '../errors.ts';
import { escapeHtml } from '../email/message.ts';
import { systemClock, berlinDate, type Clock } from '../time.ts';
import type { Item } from '../table/port.ts';
import type { CasesService } from './domain.ts';
import { withdrawnForConsent } from '../matching/lifecycle.ts';
import { toMatch } from '../matching/repository.ts';
import type { CaseAggregate, RewrittenChildren } from './repository.ts';
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
 * Every child without what can name the person: session notes and next steps, the learning venue, the voucher
 * number, the employer, history reasons, proposal notes (open proposals end), a foreign qualification's country,
 * titles and year, and the free text of the recognition's differences. Dates, hours, statuses and results stay
 * for the statistics. Each write is idempotent, so a rerun after a crash writes the same items again.
 */
function anonymisedChildren(agg: CaseAggregate, actorId: string, now: Date): RewrittenChildren {
  const matches = (agg.matches ?? []).map(toMatch);
  const ended = new Map(withdrawnForConsent(matches, berlinDate(now), now.toISOString(), actorId).map(({ after }) => [after.needId, after]));
  return {
    sessions: agg.sessions.map(({ notes: _n, nextSteps: _s, ...s }) => s),
    modules: agg.modules.map(({ venueCompany: _v, ...m }) => m),
    fundings: agg.fundings.map(({ voucherNumber: _v, ...f }) => f),
    // A foreign qualification's country, titles and year can point to one person: only its length and the checklist stay.
    qualifications: agg.qualifications.map(({ country: _c, originalTitle: _o, germanTitle: _g, year: _y, ...q }) => q),
    ...(agg.outcome ? { outcome: (({ employer: _e, ...o }) => o)(agg.outcome) } : {}),
    // The procedure keeps its dates, body, reference occupation and decision; the differences lose their free text.
    ...(agg.recognition
      ? { recognition: { ...agg.recognition, differences: agg.recognition.differences.map((d, i) => ({ id: d.id, title: `Unterschied ${i + 1}` })) } }
      : {}),
    history: ({ reason: _r, ...h }) => h,
    matches: matches.map((m) => {
      const after = ended.get(m.needId) ?? m;
      return { ...after, steps: after.steps.map(({ note: _note, ...step }) => step) };
    }),
  };
}

export function casePrivacy(cases: CasesService, clock: Clock = systemClock) {
  const { repo, audit, change } = cases;

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
      const marked = anonymised(c, now, reason);
      const ws = repo.removeDuplicateEntry(c, repo.putCase(marked, c.version, change()));
      await audit(ws, actor, 'update', c.id, ['participant', `anonymisation:${reason}`], now).commit();
      c = marked;
    }
    await (await repo.rewriteChildren(c.id, anonymisedChildren(agg, actor.id, now), change())).commitInChunks();
    const { anonymising: _done, ...unmarked } = c;
    const finished: CaseRecord = { ...unmarked, anonymisedAt: now.toISOString(), updatedAt: now.toISOString(), version: c.version + 1 };
    await audit(repo.putCase(finished, c.version, change()), actor, 'update', c.id, [`anonymised:${c.anonymising?.reason ?? reason}`], now).commit();
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
      const found = await repo.everythingAbout(caseId);
      if (!found) throw new Conflict('Der Fall wurde nicht gefunden.', 'not_found');
      const now = clock();
      await change().audit(actor, 'export', 'case', caseId, ['*'], now).commit();
      return { exportedAt: now.toISOString(), ...found };
    },

    /** Deletes every item of the person; the erasure is audited under a new id, without the person's data. */
    async erase(caseId: string, actor: Actor) {
      const found = await repo.erasureKeys(caseId);
      if (!found) throw new Conflict('Der Fall wurde nicht gefunden.', 'not_found');
      const { root, caseKey, others, participations } = found;
      const now = clock();
      const erasureId = ulid(now.getTime());
      const itemsDeleted = others.length + 1;
      const rest = change();
      for (const key of others) rest.remove(key);
      await rest.commitInChunks();
      // A group measure counts one person fewer (the participation went with the rest).
      for (const p of participations) await (await repo.forgetParticipant(caseId, p, change())).commitInChunks();
      // The case item is deleted last, so an interrupted erasure can be run again from the case.
      await change()
        .remove(caseKey)
        .audit(actor, 'erase', 'erasure', erasureId, [`items:${itemsDeleted}`], now)
        .count({ cases: -1, [`status_${root.status}`]: -1 })
        .commit();
      return { erasureId, itemsDeleted };
    },
  };
}

type Export = { exportedAt: string; case: Item[]; lookups: Item[]; indexEntries: Item[]; audit: Item[] };

/** A readable HTML version of an export, for handing to the person. */
export function exportHtml(data: Export): string {
  const rows = (items: Item[]) => items.map((i) => `<tr><td><pre>${escapeHtml(JSON.stringify(i, null, 2))}</pre></td></tr>`).join('');
  return `<!doctype html><html lang="de"><meta charset="utf-8"><title>Auskunft nach Art. 15 DSGVO</title>
<style>body{font-family:sans-serif;margin:2rem}pre{white-space:pre-wrap;margin:0}td{border-bottom:1px solid #ccc;padding:.5rem}</style>
<h1>Auskunft über gespeicherte Daten (Art. 15 DSGVO)</h1><p>Erstellt am ${escapeHtml(data.exportedAt)}</p>
<h2>Falldaten</h2><table>${rows(data.case)}</table><h2>Suchschlüssel</h2><table>${rows(data.lookups)}</table>
<h2>Einträge in Verzeichnissen (Indizes)</h2><table>${rows(data.indexEntries)}</table><h2>Protokoll der Zugriffe</h2><table>${rows(data.audit)}</table></html>`;
}
