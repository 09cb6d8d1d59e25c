// What the result routes answer: response rates, per-question aggregates, the responses for export and the wave
// comparison. The types of shared/surveys/results.ts are inferred from these schemas, so they are declared once.
import * as z from 'zod/mini';
import { isoDate, isoDateTime } from '../schema-kit.ts';
import { QUESTION_TYPES, TIMEFRAMES } from './questions.ts';
import { Campaign } from './schema.ts';

const count = z.number().check(z.int()).check(z.gte(0));
const OccupationAnswer = z.object({ occupation: z.string(), headcount: count, timeframe: z.enum(TIMEFRAMES), lowSkilled: z.boolean(), migrant: z.boolean() });
export const AnswerValue = z
  .union([z.string(), z.number(), z.array(z.string()), z.array(OccupationAnswer)])
  .clone()
  .register(z.globalRegistry, { id: 'AnswerValue' });

export const Rate = z.object({ key: z.string(), invited: count, submitted: count });
export const Demand = z.object({
  occupation: z.string(),
  title: z.string(),
  headcount: count,
  companies: count,
  lowSkilled: count,
  migrant: count,
  byTimeframe: z.object(Object.fromEntries(TIMEFRAMES.map((t) => [t, count])) as Record<(typeof TIMEFRAMES)[number], typeof count>),
});

const questionHead = { id: z.string(), label: z.string(), answered: count };
export const QuestionResult = z
  .discriminatedUnion('type', [
    z.object({
      ...questionHead,
      type: z.enum(['single', 'multiple', 'scale']),
      counts: z.array(z.object({ value: z.string(), label: z.string(), count })),
      mean: z.optional(z.number()),
    }),
    z.object({
      ...questionHead,
      type: z.literal('number'),
      bins: z.array(z.object({ from: z.number(), to: z.number(), count })),
      mean: z.nullable(z.number()),
      median: z.nullable(z.number()),
    }),
    z.object({ ...questionHead, type: z.literal('text'), texts: z.array(z.object({ companyName: z.string(), text: z.string() })) }),
    z.object({ ...questionHead, type: z.literal('occupations'), demand: z.array(Demand) }),
  ])
  .clone()
  .register(z.globalRegistry, { id: 'QuestionResult' });

export const Results = z
  .object({
    campaign: z.pick(Campaign, { id: true, title: true, kind: true, status: true, opensOn: true, closesOn: true }),
    invited: count,
    submitted: count,
    responseRate: z.number(),
    rates: z.object({ wzSection: z.array(Rate), district: z.array(Rate), sizeClass: z.array(Rate) }),
    questions: z.array(QuestionResult),
  })
  .clone()
  .register(z.globalRegistry, { id: 'SurveyResults' });

export const ResponseRow = z
  .object({
    companyId: z.string(),
    companyName: z.string(),
    wzSection: z.string(),
    district: z.string(),
    sizeClass: z.string(),
    submittedAt: z.optional(isoDateTime),
    version: z.number().check(z.int()),
    answers: z.record(z.string(), AnswerValue),
  })
  .clone()
  .register(z.globalRegistry, { id: 'SurveyResponseRow' });

export const Comparison = z
  .object({
    question: z.object({ id: z.string(), type: z.enum(QUESTION_TYPES), label: z.string() }),
    waves: z.array(z.object({ id: z.string(), title: z.string(), opensOn: isoDate, closesOn: isoDate })),
    companies: count,
    before: QuestionResult,
    after: QuestionResult,
    changed: count,
    rows: z.array(
      z.object({ companyId: z.string(), companyName: z.string(), before: AnswerValue, after: AnswerValue, change: z.union([z.number(), z.string()]) }),
    ),
  })
  .clone()
  .register(z.globalRegistry, { id: 'WaveComparison' });

export type Comparison = z.infer<typeof Comparison>;
