// What the case routes answer: the case with its children, eligibility, bonuses and allowed moves; a list row; the
// GDPR export and erasure. Built from the entity schemas, so the fields are declared once.
import * as z from 'zod';
import { isoDate, isoDateTime } from '../schema-kit.ts';
import { CaseRecord, CaseStatus, ExamInput, FundingInput, ModuleInput, OutcomeInput, SessionInput } from './schema.ts';

const childMeta = { id: z.string(), version: z.number().int(), createdAt: isoDateTime, updatedAt: isoDateTime };

export const CaseView = CaseRecord.extend({
  sessions: z.array(SessionInput.safeExtend(childMeta)),
  modules: z.array(ModuleInput.safeExtend(childMeta)),
  fundings: z.array(FundingInput.safeExtend(childMeta)),
  exam: ExamInput.safeExtend(childMeta).optional(),
  outcome: OutcomeInput.safeExtend(childMeta).optional(),
  history: z.array(z.object({ at: isoDateTime, actorId: z.string(), from: CaseStatus.optional(), to: CaseStatus, reason: z.string().optional() })),
  eligibility: z.object({
    monthsRequired: z.number(),
    monthsCounted: z.number(),
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
