// Matches (Vermittlungsvorschläge): a case proposed for a need, and how it went, with dates. Plus the ranked views.
import * as z from 'zod/mini';
import { CaseStatus, kldbCode } from '../cases/schema.ts';
import { DISTRICTS } from '../regions.ts';
import { id, isoDate, isoDateTime, optionalText, pageQuery, recordMeta } from '../schema-kit.ts';
import { needId, OpenNeed } from '../needs/schema.ts';

/** `withdrawn` is set by the system only: the person's job-placement consent ended while the proposal was open. */
export const MATCH_STATES = ['proposed', 'contacted', 'trial', 'hired', 'declined', 'withdrawn'] as const;
export type MatchState = (typeof MATCH_STATES)[number];
export const TRIAL_KINDS = ['trial', 'learning_venue'] as const;
export const DECLINED_BY = ['company', 'participant', 'counsellor'] as const;

export const MatchStep = z.object({
  state: z.enum(MATCH_STATES),
  /** The day it happened (Berlin), entered by the counsellor. */
  on: isoDate,
  /** When it was recorded. */
  at: isoDateTime,
  actorId: z.string(),
  note: z.optional(z.string()),
});

export const Match = z
  .object({
    ...recordMeta,
    /** "<caseId>_<needId>" (derived, not stored): unique across cases, as lists need. */
    id: z.string(),
    caseId: id,
    caseNumber: z.string(),
    counsellorId: z.string(),
    /** A hash of the case id (derived, not stored): all a coordinator sees of the person. */
    pseudonym: z.string(),
    needId,
    companyId: id,
    companyName: z.string(),
    occupation: kldbCode,
    occupationTitle: z.string(),
    district: z.enum(DISTRICTS),
    /** The score when proposed. */
    score: z.number(),
    state: z.enum(MATCH_STATES),
    trialKind: z.optional(z.enum(TRIAL_KINDS)),
    declinedBy: z.optional(z.enum(DECLINED_BY)),
    /** Why a proposal was withdrawn by the system. */
    withdrawnBecause: z.optional(z.enum(['consent_withdrawn'])),
    steps: z.array(MatchStep),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Match' });
export type Match = z.infer<typeof Match>;

export const ProposeInput = z
  .strictObject({ needId, on: z.optional(isoDate), note: optionalText(500) })
  .clone()
  .register(z.globalRegistry, { id: 'MatchProposal' });
export type ProposeInput = z.infer<typeof ProposeInput>;

export const MatchMove = z
  .strictObject({
    to: z.enum(MATCH_STATES),
    on: isoDate,
    trialKind: z.optional(z.enum(TRIAL_KINDS)),
    declinedBy: z.optional(z.enum(DECLINED_BY)),
    note: optionalText(500),
    version: recordMeta.version,
  })
  .check(z.refine((m) => m.to !== 'trial' || m.trialKind, { path: ['trialKind'], message: 'Probearbeit oder Lernort angeben' }))
  .check(z.refine((m) => m.to !== 'declined' || m.declinedBy, { path: ['declinedBy'], message: 'angeben, wer abgesagt hat' }))
  .clone()
  .register(z.globalRegistry, { id: 'MatchMove' });
export type MatchMove = z.infer<typeof MatchMove>;

export const MatchListQuery = z.strictObject({ state: z._default(z.enum(MATCH_STATES), 'proposed'), ...pageQuery });
export type MatchListQuery = z.infer<typeof MatchListQuery>;

export const ScoreComponent = z.object({
  key: z.enum(['occupation', 'reach', 'timeframe', 'conditions']),
  points: z.number(),
  max: z.number(),
  reasons: z.array(z.string()),
});
export const ScoreView = z.object({ total: z.number(), max: z.number(), components: z.array(ScoreComponent) });

/** One need ranked for a case. */
export const RankedNeed = z.object({ need: OpenNeed, score: ScoreView, match: z.optional(z.object({ state: z.enum(MATCH_STATES), version: z.number() })) });
export const Suggestions = z
  .object({
    items: z.array(RankedNeed),
    /** Why nothing could be ranked: no job-placement consent, the case's stage, a missing target occupation, or anonymised. */
    missing: z.optional(z.enum(['consent', 'stage', 'occupation', 'anonymised'])),
    searched: z.optional(z.object({ occupation: z.string(), group: z.string(), openNeeds: z.number() })),
  })
  .clone()
  .register(z.globalRegistry, { id: 'MatchSuggestions' });
export type Suggestions = z.infer<typeof Suggestions>;

/** A candidate for a need as a counsellor sees them: name and case, and the whole explanation. */
export const NamedCandidate = z.object({
  view: z.literal('named'),
  caseId: id,
  caseNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  status: CaseStatus,
  occupation: kldbCode,
  occupationTitle: z.string(),
  district: z.optional(z.enum(DISTRICTS)),
  score: ScoreView,
  match: z.optional(z.object({ state: z.enum(MATCH_STATES), version: z.number() })),
});
/** A candidate as a coordinator sees them: a pseudonymised profile, nothing personal. */
export const PseudonymousCandidate = z.strictObject({
  view: z.literal('pseudonymous'),
  pseudonym: z.string(),
  occupation: kldbCode,
  occupationTitle: z.string(),
  district: z.optional(z.enum(DISTRICTS)),
  stage: z.enum(['counselling', 'plan', 'qualification']),
  total: z.number(),
});
export const Candidates = z
  .object({ items: z.array(z.union([NamedCandidate, PseudonymousCandidate])), searched: z.object({ group: z.string(), cases: z.number() }) })
  .clone()
  .register(z.globalRegistry, { id: 'MatchCandidates' });
export type Candidates = z.infer<typeof Candidates>;
export type NamedCandidate = z.infer<typeof NamedCandidate>;
export type PseudonymousCandidate = z.infer<typeof PseudonymousCandidate>;

/** A match as a coordinator sees it on a need: the pseudonym and how far it got. */
export const MatchSummary = z.strictObject({ pseudonym: z.string(), state: z.enum(MATCH_STATES), since: isoDate, score: z.number() });
export type MatchSummary = z.infer<typeof MatchSummary>;
