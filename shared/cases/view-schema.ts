// What the case routes answer: the case with its children, eligibility, bonuses and allowed moves; a list row; the
// GDPR export and erasure. Built from the entity schemas, so the fields are declared once.
import * as z from 'zod/mini';
import { isoDate, isoDateTime } from '../schema-kit.ts';
import {
  APPEAL_OUTCOMES,
  CaseRecord,
  CaseStatus,
  ExamInput,
  ForeignQualificationInput,
  FundingInput,
  ModuleInput,
  OutcomeInput,
  RECOGNITION_DECISIONS,
  SessionInput,
} from './schema.ts';

const childMeta = { id: z.string(), version: z.number().check(z.int()), createdAt: isoDateTime, updatedAt: isoDateTime };

/** The recognition procedure as the case shows it: resolved occupation and body, decision due, each difference's closing modules. */
export const RecognitionView = z
  .object({
    ...childMeta,
    referenceOccupation: z.object({ id: z.string(), code: z.string(), title: z.string(), chamber: z.string() }),
    competentBody: z.string(),
    appliedOn: z.optional(isoDate),
    fileCompleteOn: z.optional(isoDate),
    decisionDue: z.optional(isoDate),
    overdue: z.boolean(),
    decidedOn: z.optional(isoDate),
    decision: z.enum(RECOGNITION_DECISIONS),
    differences: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.optional(z.string()),
        /** Completed adaptation modules that close it. */
        closedBy: z.array(z.string()),
        /** Planned or running adaptation modules that work on it. */
        inProgressBy: z.array(z.string()),
        open: z.boolean(),
      }),
    ),
    openDifferences: z.array(z.string()),
    appeal: z.optional(z.object({ filedOn: isoDate, outcome: z.enum(APPEAL_OUTCOMES), decidedOn: z.optional(isoDate) })),
  })
  .clone()
  .register(z.globalRegistry, { id: 'RecognitionView' });

export const CaseView = z
  .extend(CaseRecord, {
    sessions: z.array(z.safeExtend(SessionInput, childMeta)),
    modules: z.array(z.safeExtend(ModuleInput, childMeta)),
    fundings: z.array(z.safeExtend(FundingInput, childMeta)),
    /** Country, title and year are gone from an anonymised case. */
    qualifications: z.array(z.safeExtend(z.partial(ForeignQualificationInput, { country: true, originalTitle: true, year: true }), childMeta)),
    exam: z.optional(z.safeExtend(ExamInput, childMeta)),
    outcome: z.optional(z.safeExtend(OutcomeInput, childMeta)),
    recognition: z.optional(RecognitionView),
    history: z.array(z.object({ at: isoDateTime, actorId: z.string(), from: z.optional(CaseStatus), to: CaseStatus, reason: z.optional(z.string()) })),
    eligibility: z.object({
      monthsRequired: z.number(),
      monthsCounted: z.number(),
      monthsAbroad: z.number(),
      state: z.enum(['eligible', 'missing', 'waiver_requested', 'no_target']),
      monthsMissing: z.number(),
      eligibleOn: z.optional(isoDate),
    }),
    bonuses: z.object({ intermediateDue: z.boolean(), finalDue: z.boolean(), amountEuro: z.number() }),
    moves: z.array(z.object({ to: CaseStatus, allowed: z.boolean(), reason: z.optional(z.string()) })),
  })
  .clone()
  .register(z.globalRegistry, { id: 'CaseView' });

export const CaseSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    status: CaseStatus,
    counsellorId: z.string(),
    targetOccupation: z.optional(z.string()),
    nextFollowUp: z.optional(isoDate),
    updatedAt: isoDateTime,
    anonymised: z.boolean(),
  })
  .clone()
  .register(z.globalRegistry, { id: 'CaseSummary' });

export const DuplicateHits = z
  .array(z.object({ id: z.string(), number: z.string() }))
  .clone()
  .register(z.globalRegistry, { id: 'CaseDuplicates' });

const anyItem = z.record(z.string(), z.unknown());
export const CaseExport = z
  .object({
    exportedAt: isoDateTime,
    case: z.array(anyItem),
    lookups: z.array(anyItem),
    indexEntries: z.array(z.object({ index: z.string(), partition: z.string(), sort: z.string() })),
    audit: z.array(anyItem),
  })
  .clone()
  .register(z.globalRegistry, { id: 'CaseExport' });

export const Erasure = z
  .object({ erasureId: z.string(), itemsDeleted: z.number().check(z.int()) })
  .clone()
  .register(z.globalRegistry, { id: 'CaseErasure' });
export type CaseView = z.infer<typeof CaseView>;
