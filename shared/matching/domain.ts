// Matching in both directions: the open needs ranked for a case, the candidates ranked for a need (named for
// counsellors, pseudonymised for coordinators), and the outcome of each proposal, with the placement event.
import { ulid } from '../ids.ts';
import type { Actor } from '../audit/entry.ts';
import { auditLog } from '../audit/log.ts';
import { casesService } from '../cases/domain.ts';
import type { CaseRecord } from '../cases/schema.ts';
import { Conflict, NotFound, StaleVersion } from '../errors.ts';
import { needsService } from '../needs/domain.ts';
import type { Need } from '../needs/schema.ts';
import type { Page } from '../schema-kit.ts';
import type { Db } from '../table/port.ts';
import type { WriteSet } from '../table/write-set.ts';
import { seesCases } from '../users/roles.ts';
import { berlinDate, berlinMonth, systemClock, type Clock } from '../time.ts';
import { checkMatchMove } from './lifecycle.ts';
import { profileOf } from './profile.ts';
import { pseudonym } from './pseudonym.ts';
import { matchId, matchRepository } from './repository.ts';
import type { Candidates, Match, MatchListQuery, MatchMove, NamedCandidate, ProposeInput, Suggestions } from './schema.ts';
import { score, type Score } from './score.ts';

/** How many ranked needs and candidates a view shows. */
export const RANKED_LIMIT = 50;
export const CANDIDATE_LIMIT = 25;

/** Higher score first; on a tie the newer statement, then the company name. */
const byRank = (a: { score: Score; need: Pick<Need, 'statedOn' | 'companyName'> }, b: { score: Score; need: Pick<Need, 'statedOn' | 'companyName'> }) =>
  b.score.total - a.score.total || b.need.statedOn.localeCompare(a.need.statedOn) || a.need.companyName.localeCompare(b.need.companyName, 'de');

export function matchingService(db: Db, clock: Clock = systemClock) {
  const cases = casesService(db, clock);
  const needs = needsService(db, clock);
  const repo = matchRepository(db);
  const log = auditLog(db);
  /** A matching event: the case's facts (as every case event) and the need's occupation, district and sector. */
  const event = (type: string, c: CaseRecord, need: Pick<Need, 'occupation' | 'district' | 'wzSection'>, at: Date, extra: Record<string, string> = {}) =>
    cases.event(type, c, at, { needOccupation: need.occupation, needDistrict: need.district, wzSection: need.wzSection, ...extra });

  return {
    /** The open needs ranked for a case: the case partition and the need group, two Queries whatever the number of needs. */
    async suggestions(caseId: string, actor: Actor): Promise<Suggestions> {
      const agg = await cases.read(caseId, actor, ['matching']);
      const found = profileOf(agg.case);
      if (!('profile' in found)) return { items: [], missing: found.missing };
      const { profile } = found;
      const open = await needs.repo.openInGroup(profile.occupation);
      const today = berlinDate(clock());
      const proposed = new Map(((agg.matches ?? []) as Match[]).map((m) => [m.needId, m]));
      const items = open
        .filter((n) => n.placed < n.headcount)
        .map((need) => ({ need, score: score(profile, need, today) }))
        .sort(byRank)
        .slice(0, RANKED_LIMIT)
        .map((r) => {
          const m = proposed.get(r.need.id);
          return m ? { ...r, match: { state: m.state, version: m.version } } : r;
        });
      return { items, searched: { occupation: profile.occupation, group: profile.occupation.slice(0, 3), openNeeds: open.length } };
    },

    /** The candidates ranked for a need. Counsellors see names; coordinators a pseudonymised profile. Each shown case is audited. */
    async candidates(needId: string, actor: Actor): Promise<Candidates> {
      const need = await needs.get(needId);
      const [found, proposed] = await Promise.all([repo.candidatesInGroup(need.occupation), repo.ofNeed(needId, undefined, 100)]);
      const states = new Map(proposed.items.map((m) => [m.caseId, m]));
      const today = berlinDate(clock());
      const ranked = found
        .flatMap((c) => {
          const p = profileOf(c);
          return 'profile' in p ? [{ c, profile: p.profile, score: score(p.profile, need, today), need }] : [];
        })
        .sort(byRank)
        .slice(0, CANDIDATE_LIMIT);
      const named = seesCases(actor.roles);
      const at = clock();
      await log.reads(
        actor,
        'case',
        ranked.map((r) => r.c.id),
        named ? ['firstName', 'lastName', 'matching'] : ['pseudonym'],
        at,
      );
      const items = ranked.map(({ c, profile, score: s }) =>
        named
          ? namedCandidate(c, s, states.get(c.id))
          : {
              view: 'pseudonymous' as const,
              pseudonym: pseudonym(c.id),
              occupation: profile.occupation,
              occupationTitle: c.targetOccupation?.title ?? profile.occupation,
              ...(profile.district ? { district: profile.district } : {}),
              stage: profile.stage,
              total: s.total,
            },
      );
      return { items, searched: { group: need.occupation.slice(0, 3), cases: found.length } };
    },

    /** Proposes the case for a need: the match starts as "proposed", with the score of the day. */
    async propose(caseId: string, input: ProposeInput, actor: Actor): Promise<Match> {
      const [agg, need] = await Promise.all([cases.repo.load(caseId), needs.get(input.needId)]);
      const found = profileOf(agg.case);
      if (!('profile' in found)) throw new Conflict(NOT_MATCHABLE[found.missing], `not_matchable_${found.missing}`);
      if (need.status !== 'open') throw new Conflict('Der Bedarf ist nicht mehr offen.', 'need_closed', [{ path: 'needId', message: 'Bedarf nicht offen' }]);
      const now = clock();
      const iso = now.toISOString();
      const on = input.on ?? berlinDate(now);
      if (on > berlinDate(now)) throw new Conflict('Das Datum liegt in der Zukunft.', 'future_date', [{ path: 'on', message: 'liegt in der Zukunft' }]);
      const match: Match = {
        id: matchId(caseId, need.id),
        version: 1,
        createdAt: iso,
        updatedAt: iso,
        caseId,
        caseNumber: agg.case.number,
        counsellorId: agg.case.counsellorId,
        pseudonym: pseudonym(caseId),
        needId: need.id,
        companyId: need.companyId,
        companyName: need.companyName,
        occupation: need.occupation,
        occupationTitle: need.occupationTitle,
        district: need.district,
        score: score(found.profile, need, berlinDate(now)).total,
        state: 'proposed',
        steps: [{ state: 'proposed', on, at: iso, actorId: actor.id, ...(input.note ? { note: input.note } : {}) }],
      };
      const ws = repo.create(
        match,
        cases.change(),
        () => new Conflict('Der Fall ist für diesen Bedarf schon vorgeschlagen.', 'already_proposed', [{ path: 'needId', message: 'schon vorgeschlagen' }]),
      );
      await cases
        .audit(ws, actor, 'update', caseId, [`matches.${need.id}`], now)
        .event(event('match.proposed', agg.case, need, now))
        .commit();
      return match;
    },

    /** Moves a match on. "Hired" writes the placement event and counts the placement on the need, which is filled at its headcount. */
    async move(caseId: string, needId: string, input: MatchMove, actor: Actor): Promise<Match> {
      const before = await repo.get(caseId, needId);
      if (!before) throw new NotFound('Der Vorschlag wurde nicht gefunden.');
      if (before.version !== input.version) throw new StaleVersion();
      const now = clock();
      const last = before.steps[before.steps.length - 1]!;
      const verdict = checkMatchMove(before.state, input.to, input.on, last.on, berlinDate(now));
      if (!verdict.ok)
        throw new Conflict(verdict.reason, 'illegal_match_move', [
          { path: input.on > berlinDate(now) || input.on < last.on ? 'on' : 'to', message: verdict.reason },
        ]);
      const iso = now.toISOString();
      const after: Match = {
        ...before,
        state: input.to,
        ...(input.trialKind && input.to === 'trial' ? { trialKind: input.trialKind } : {}),
        ...(input.declinedBy && input.to === 'declined' ? { declinedBy: input.declinedBy } : {}),
        steps: [...before.steps, { state: input.to, on: input.on, at: iso, actorId: actor.id, ...(input.note ? { note: input.note } : {}) }],
        version: before.version + 1,
        updatedAt: iso,
      };
      const ws = cases.audit(repo.replace(after, before.version, cases.change()), actor, 'update', caseId, [`matches.${needId}.state`], now);
      if (input.to === 'hired') await placement(after, now, input.on, ws);
      await ws.commit();
      return after;
    },

    async ofCase(caseId: string, actor: Actor): Promise<Match[]> {
      const [matches] = await Promise.all([repo.ofCase(caseId), log.read(actor, 'case', caseId, ['matches'], clock())]);
      return matches.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },

    /** A need's matches: whole for counsellors (each case shown is audited), the pseudonym and progress only for coordinators. */
    async ofNeed(needId: string, actor: Actor, cursor: string | undefined, limit: number) {
      const page = await repo.ofNeed(needId, cursor, limit);
      if (seesCases(actor.roles)) {
        const at = clock();
        await log.reads(
          actor,
          'case',
          page.items.map((m) => m.caseId),
          ['matches'],
          at,
        );
        return page;
      }
      return {
        items: page.items.map((m) => ({ pseudonym: m.pseudonym, state: m.state, since: m.steps[m.steps.length - 1]!.on, score: m.score })),
        nextCursor: page.nextCursor,
      };
    },

    /** The placement pipeline: matches in one state, last changed first. The read is audited as one list entry. */
    async list(q: MatchListQuery, actor: Actor): Promise<Page<Match>> {
      const now = clock();
      const [page] = await Promise.all([
        repo.inState(q.state, q.cursor, q.limit),
        log.read(actor, 'match-list', ulid(now.getTime()), ['caseNumber', 'state'], now, { state: q.state }),
      ]);
      return page;
    },
  };

  /** The writes of a placement: the event and counter for the report, and the need's count (filled at its headcount). */
  async function placement(m: Match, now: Date, on: string, ws: WriteSet): Promise<void> {
    const [agg, need] = await Promise.all([cases.repo.load(m.caseId), needs.get(m.needId)]);
    const placed = need.placed + 1;
    const iso = now.toISOString();
    const filled = placed >= need.headcount && need.status === 'open';
    const after: Need = { ...need, placed, version: need.version + 1, updatedAt: iso, ...(filled ? { status: 'filled', statusSince: iso } : {}) };
    const month = berlinMonth(now);
    needs.repo
      .put(after, need.version, ws)
      .event(event('match.hired', agg.case, need, now, { hiredOn: on }))
      .count({ placements: 1, [`placements_${month}`]: 1 });
  }
}
export type MatchingService = ReturnType<typeof matchingService>;

const NOT_MATCHABLE = {
  consent: 'Die Person hat nicht in die Vermittlung eingewilligt: ohne diese Einwilligung wird sie keinem Betrieb vorgeschlagen.',
  stage: 'Vorschläge gibt es für Fälle in Beratung, Planung oder Qualifizierung.',
  occupation: 'Für den Fall ist kein Zielberuf erfasst.',
  anonymised: 'Der Fall ist anonymisiert.',
} as const;

function namedCandidate(c: CaseRecord, s: Score, m: Match | undefined): NamedCandidate {
  return {
    view: 'named',
    caseId: c.id,
    caseNumber: c.number,
    firstName: c.participant.firstName,
    lastName: c.participant.lastName,
    status: c.status,
    occupation: c.targetOccupation!.code,
    occupationTitle: c.targetOccupation!.title,
    ...(c.participant.district ? { district: c.participant.district } : {}),
    score: s,
    ...(m ? { match: { state: m.state, version: m.version } } : {}),
  };
}
