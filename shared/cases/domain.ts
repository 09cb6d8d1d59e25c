// Casework: open, read, list, change and move cases. Every read and change is audited; counted facts feed the report.
import { ulid } from '../ids.ts';
import { changedFields, type Actor } from '../audit/entry.ts';
import { auditLog } from '../audit/log.ts';
import type { FeedEvent } from '../feed/events.ts';
import { Conflict, Invalid } from '../errors.ts';
import { berlinDate, berlinMonth, systemClock, type Clock } from '../time.ts';
import type { Db } from '../table/port.ts';
import { writeSet, type WriteSet } from '../table/write-set.ts';
import { withdrawnForConsent } from '../matching/lifecycle.ts';
import { matchRepository, toMatch } from '../matching/repository.ts';
import { assertAllowedWithoutConsent, consentCovers } from './consent.ts';
import { caseFacts, statusCounterDeltas } from './facts.ts';
import { checkMove, CLOSED, qualificationPath } from './lifecycle.ts';
import { caseRepository, type CaseAggregate, type HistoryEntry } from './repository.ts';
import type { CaseInput, CaseListQuery, CaseRecord, CaseUpdate, MoveInput, TargetOccupation } from './schema.ts';
import { caseSummary, caseView, moveFacts } from './view.ts';

export function casesService(db: Db, clock: Clock = systemClock) {
  const repo = caseRepository(db);
  const matches = matchRepository(db);
  const log = auditLog(db);

  /** A new change; `audit` adds the case's audit entry to it. */
  const change = () => writeSet(db);
  const audit = (ws: WriteSet, actor: Actor, action: 'create' | 'update', id: string, fields: string[], at: Date) =>
    ws.audit(actor, action, 'case', id, fields, at);
  /** A counted fact of the case, with the case's facts as every case event carries them. */
  const event = (type: string, c: CaseRecord, at: Date, extra: Record<string, string | number | null> = {}): FeedEvent => ({
    type,
    at,
    data: { ...caseFacts(c, at), ...extra },
  });
  const history = (ws: WriteSet, c: CaseRecord, actor: Actor, at: Date, from: string | undefined, to: string, reason?: string) => {
    const entry: HistoryEntry = { at: at.toISOString(), actorId: actor.id, ...(from ? { from } : {}), to, ...(reason ? { reason } : {}) };
    return repo.history(c.id, entry, ulid(), ws);
  };

  /** Open proposals end in the same transaction as the consent change that takes the person out of matching; true when any did. */
  function endMatchesWithoutConsent(agg: CaseAggregate, after: CaseRecord, actor: Actor, now: Date, ws: WriteSet): boolean {
    if (consentCovers(after.consent, 'job_placement')) return false;
    const ended = withdrawnForConsent((agg.matches ?? []).map(toMatch), berlinDate(now), now.toISOString(), actor.id);
    for (const { before, after: m } of ended) matches.replace(m, before.version, ws);
    return ended.length > 0;
  }

  async function occupation(id: string | undefined): Promise<TargetOccupation | undefined> {
    if (!id) return undefined;
    const found = await repo.occupation(id);
    if (!found) throw new Invalid([{ path: 'targetOccupationId', message: 'unbekannter Beruf' }]);
    return found;
  }

  /** Reads a case and writes the read to the audit log; the two run side by side, and an attempted read of a missing case is logged too. */
  async function read(id: string, actor: Actor, fields: string[] = ['*']): Promise<CaseAggregate> {
    const [agg] = await Promise.all([repo.load(id), log.read(actor, 'case', id, fields, clock())]);
    return agg;
  }

  return {
    db,
    repo,
    change,
    audit,
    event,
    history,
    read,
    endMatchesWithoutConsent,

    async create(input: CaseInput, actor: Actor) {
      assertAllowedWithoutConsent(input);
      const now = clock();
      const target = await occupation(input.targetOccupationId);
      const number = await repo.nextNumber(berlinMonth(now).slice(0, 4));
      const { targetOccupationId: _t, counsellorId, ...rest } = input;
      const record: CaseRecord = {
        ...rest,
        id: ulid(now.getTime()),
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        number,
        counsellorId: counsellorId ?? actor.id,
        status: 'inquiry',
        statusSince: now.toISOString(),
        ...(target ? { targetOccupation: target } : {}),
      };
      const ws = repo.insert(record, change());
      audit(
        ws,
        actor,
        'create',
        record.id,
        Object.keys(input.participant)
          .map((k) => `participant.${k}`)
          .sort(),
        now,
      );
      history(ws, record, actor, now, undefined, 'inquiry');
      await ws
        .event(event('case.opened', record, now))
        .count({ cases: 1, ...statusCounterDeltas(undefined, 'inquiry', berlinMonth(now)), [`opened_${berlinMonth(now)}`]: 1 })
        .commit();
      return caseView({ case: record, sessions: [], modules: [], fundings: [], qualifications: [], history: [] }, now);
    },

    async get(id: string, actor: Actor) {
      return caseView(await read(id, actor), clock());
    },

    /** A page of case summaries; the list read is audited as one entry naming the view (case ids stay out, so an erasure leaves no trace). */
    async list(q: CaseListQuery, actor: Actor) {
      if (q.number) {
        const id = await repo.idByNumber(q.number);
        const items = id ? [caseSummary((await read(id, actor, ['number'])).case)] : [];
        return { items, nextCursor: null };
      }
      const now = clock();
      const [page] = await Promise.all([
        repo.list(q, actor.id),
        log.read(actor, 'case-list', ulid(now.getTime()), ['firstName', 'lastName', 'status'], now, { view: q.q ? 'name' : q.view }),
      ]);
      return { items: page.items.map(caseSummary), nextCursor: page.nextCursor };
    },

    /** Cases with the same name and birth date. Each case found is a read of it, audited; the names checked are not logged. */
    async duplicates(input: { firstName: string; lastName: string; birthDate: string }, actor: Actor) {
      const found = await repo.duplicates(input);
      await log.reads(
        actor,
        'case',
        found.map((f) => f.id),
        ['duplicate-check'],
        clock(),
      );
      return found;
    },

    async update(id: string, input: CaseUpdate, actor: Actor) {
      const agg = await repo.load(id);
      if (agg.case.anonymisedAt) throw new Conflict('Der Fall ist anonymisiert und kann nicht mehr geändert werden.', 'anonymised');
      assertAllowedWithoutConsent(input);
      const now = clock();
      const target = input.targetOccupationId === agg.case.targetOccupation?.id ? agg.case.targetOccupation : await occupation(input.targetOccupationId);
      const { version, targetOccupationId: _t, counsellorId, ...rest } = input;
      const before = agg.case;
      const after: CaseRecord = {
        ...before,
        ...rest,
        counsellorId: counsellorId ?? before.counsellorId,
        targetOccupation: target,
        version: version + 1,
        updatedAt: now.toISOString(),
      };
      if (!target) delete after.targetOccupation;
      const ws = repo.moveDuplicateEntry(before, after, repo.putCase(after, version, change()));
      const ended = endMatchesWithoutConsent(agg, after, actor, now, ws);
      const fields = [
        ...changedFields(before.participant, after.participant).map((f) => `participant.${f}`),
        ...changedFields({ ...before, participant: null }, { ...after, participant: null }),
        ...(ended ? ['matches.withdrawn'] : []),
      ];
      await audit(ws, actor, 'update', id, fields, now).commit();
      return caseView({ ...agg, case: after }, now);
    },

    async move(id: string, input: MoveInput, actor: Actor) {
      const agg = await repo.load(id);
      if (agg.case.version !== input.version)
        throw new Conflict('Der Fall wurde inzwischen geändert. Bitte neu laden.', 'version_conflict', [{ path: 'version', message: 'veraltete Version' }]);
      const facts = moveFacts(agg);
      const verdict = checkMove(facts, input.to);
      if (!verdict.ok) throw new Conflict(verdict.reason, verdict.code, [{ path: 'to', message: verdict.reason }]);
      const now = clock();
      const before = agg.case;
      const after: CaseRecord = {
        ...before,
        status: input.to,
        statusSince: now.toISOString(),
        version: before.version + 1,
        updatedAt: now.toISOString(),
      };
      if (input.to === 'paused') after.pausedFrom = before.status;
      else delete after.pausedFrom;
      if (CLOSED.includes(input.to)) after.closedAt = now.toISOString();
      else delete after.closedAt;
      const month = berlinMonth(now);
      const ws = history(repo.putCase(after, before.version, change()), after, actor, now, before.status, input.to, input.reason);
      // How a qualification was reached (exam or recognition) is counted with the status, in the one counters update.
      const path = input.to === 'qualified' ? (qualificationPath(facts) ?? 'exam') : undefined;
      const byRecognition: Record<string, number> = path && path !== 'exam' ? { qualified_by_recognition: 1 } : {};
      audit(ws, actor, 'update', id, ['status'], now).count({ ...statusCounterDeltas(before.status, input.to, month), ...byRecognition });
      if (input.to === 'plan' && before.status === 'counselling') ws.event(event('plan.agreed', after, now));
      if (path) ws.event(event('case.qualified', after, now, { path }));
      if (input.to === 'dropped') ws.event(event('case.dropped', after, now));
      if (input.to === 'referred') ws.event(event('case.referred', after, now));
      await ws.commit();
      return caseView(
        {
          ...agg,
          case: after,
          history: [
            ...agg.history,
            { at: now.toISOString(), actorId: actor.id, from: before.status, to: input.to, ...(input.reason ? { reason: input.reason } : {}) },
          ],
        },
        now,
      );
    },
  };
}
export type CasesService = ReturnType<typeof casesService>;
