// What the case routes answer: the case with its children, eligibility, bonuses and allowed moves; a list row; the
// GDPR export and erasure. Built from the entity schemas, so the fields are declared once.
import * as z from 'zod';
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

const childMeta = { id: z.string(), version: z.number().int(), createdAt: isoDateTime, updatedAt: isoDateTime };

/** The recognition procedure as the case shows it: resolved occupation and body, decision due, each difference's closing modules. */
export const RecognitionView = z
  .object({
    ...childMeta,
    referenceOccupation: z.object({ id: z.string(), code: z.string(), title: z.string(), chamber: z.string() }),
    competentBody: z.string(),
    appliedOn: isoDate.optional(),
    fileCompleteOn: isoDate.optional(),
    decisionDue: isoDate.optional(),
    overdue: z.boolean(),
    decidedOn: isoDate.optional(),
    decision: z.enum(RECOGNITION_DECISIONS),
    differences: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string().optional(),
        /** Completed adaptation modules that close it. */
        closedBy: z.array(z.string()),
        /** Planned or running adaptation modules that work on it. */
        inProgressBy: z.array(z.string()),
        open: z.boolean(),
      }),
    ),
    openDifferences: z.array(z.string()),
    appeal: z.object({ filedOn: isoDate, outcome: z.enum(APPEAL_OUTCOMES), decidedOn: isoDate.optional() }).optional(),
  })
  .meta({ id: 'RecognitionView' });

export const CaseView = CaseRecord.extend({
  sessions: z.array(SessionInput.safeExtend(childMeta)),
  modules: z.array(ModuleInput.safeExtend(childMeta)),
  fundings: z.array(FundingInput.safeExtend(childMeta)),
  /** Country, title and year are gone from an anonymised case. */
  qualifications: z.array(ForeignQualificationInput.partial({ country: true, originalTitle: true, year: true }).safeExtend(childMeta)),
  exam: ExamInput.safeExtend(childMeta).optional(),
  outcome: OutcomeInput.safeExtend(childMeta).optional(),
  recognition: RecognitionView.optional(),
  history: z.array(z.object({ at: isoDateTime, actorId: z.string(), from: CaseStatus.optional(), to: CaseStatus, reason: z.string().optional() })),
  eligibility: z.object({
    monthsRequired: z.number(),
    monthsCounted: z.number(),
    monthsAbroad: z.number(),
    state: z.enum(['eligible', 'missing', 'waiver_requested', 'no_target']),
    monthsMissing: z.number(),
    eligibleOn: isoDate.optional(),
  }),
  bonuses: z.object({ intermediateDue: z.boolean(), finalDue: z.boolean(), amountEuro: z.number() }),
  moves: z.array(z.object({ to: CaseStatus, allowed: z.boolean(), reason: z.string().optional() })),
}).meta({ id: 'CaseView' });

export const CaseSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    status: CaseStatus,
    counsellorId: z.string(),
    targetOccupation: z.string().optional(),
    nextFollowUp: isoDate.optional(),
    updatedAt: isoDateTime,
    anonymised: z.boolean(),
  })
  .meta({ id: 'CaseSummary' });

export const DuplicateHits = z.array(z.object({ id: z.string(), number: z.string() })).meta({ id: 'CaseDuplicates' });

const anyItem = z.record(z.string(), z.unknown());
export const CaseExport = z
  .object({
    exportedAt: isoDateTime,
    case: z.array(anyItem),
    lookups: z.array(anyItem),
    indexEntries: z.array(z.object({ index: z.string(), partition: z.string(), sort: z.string() })),
    audit: z.array(anyItem),
  })
  .meta({ id: 'CaseExport' });

export const Erasure = z.object({ erasureId: z.string(), itemsDeleted: z.number().int() }).meta({ id: 'CaseErasure' });
export type CaseView = z.infer<typeof CaseView>;
