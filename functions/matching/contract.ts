// The operations of matching: needs ranked for a case, candidates ranked for a need, and the proposals' outcomes.
// Case-side routes are for admins and counsellors; a coordinator sees a need's candidates and matches pseudonymised.
import * as z from 'zod/mini';
import { Candidates, Match, MatchListQuery, MatchMove, MatchSummary, ProposeInput, Suggestions } from '#shared/matching/schema.ts';
import { needId } from '#shared/needs/schema.ts';
import { id, pageOf, pageQuery } from '#shared/schema-kit.ts';
import { CASE_ROLES, STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const ByCase = z.strictObject({ id });
const ByMatch = z.strictObject({ id, needId });
const ByNeed = z.strictObject({ id: needId });

export const matchingContract = contract('matching', {
  suggestions: {
    route: 'GET /api/cases/{id}/suggestions',
    roles: CASE_ROLES,
    params: ByCase,
    response: Suggestions,
    summary: 'Offene Bedarfe, für den Fall gereiht und begründet',
  },
  ofCase: { route: 'GET /api/cases/{id}/matches', roles: CASE_ROLES, params: ByCase, response: z.array(Match), summary: 'Vermittlungsvorschläge eines Falls' },
  propose: {
    route: 'POST /api/cases/{id}/matches',
    roles: CASE_ROLES,
    params: ByCase,
    body: ProposeInput,
    response: Match,
    status: 201,
    summary: 'Den Fall für einen Bedarf vorschlagen',
  },
  move: {
    route: 'POST /api/cases/{id}/matches/{needId}/moves',
    roles: CASE_ROLES,
    params: ByMatch,
    body: MatchMove,
    response: Match,
    summary: 'Einen Vorschlag weiterführen (kontaktiert, Probearbeit/Lernort, eingestellt, abgesagt)',
  },
  list: {
    route: 'GET /api/matches',
    roles: CASE_ROLES,
    query: MatchListQuery,
    response: pageOf(Match),
    summary: 'Vorschläge in einem Stand, zuletzt geändert zuerst',
  },
  candidates: {
    route: 'GET /api/needs/{id}/candidates',
    roles: STAFF,
    params: ByNeed,
    response: Candidates,
    summary: 'Passende Personen für einen Bedarf (für Koordination pseudonymisiert)',
  },
  ofNeed: {
    route: 'GET /api/needs/{id}/matches',
    roles: STAFF,
    params: ByNeed,
    query: z.strictObject(pageQuery),
    response: z.union([pageOf(Match), pageOf(MatchSummary)]),
    summary: 'Vorschläge zu einem Bedarf (für Koordination pseudonymisiert)',
  },
});
