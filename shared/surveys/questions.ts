// Survey questions and the answer validator built from them: the server, the question builder and the hosted form share this file.
import * as z from 'zod/mini';
import { optionalText, text } from '../schema-kit.ts';

export const QUESTION_TYPES = ['single', 'multiple', 'number', 'scale', 'text', 'occupations'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** When a company expects to fill the positions it names. */
export const TIMEFRAMES = ['now', 'within6Months', 'within12Months', 'later'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

export const MAX_QUESTIONS = 40;
export const MAX_OCCUPATION_QUESTIONS = 3;
export const MAX_OCCUPATION_ROWS = 10;

/** A label in German, optionally in English (the form falls back to German). */
export const Label = z.strictObject({ de: text(300), en: optionalText(300) });
export type Label = z.infer<typeof Label>;

const questionId = z.string().check(z.regex(/^q[a-z0-9]{1,15}$/, 'q gefolgt von 1–15 Kleinbuchstaben oder Ziffern'));
const common = { id: questionId, label: Label, help: z.optional(Label), required: z._default(z.boolean(), false) };

const Choice = z.strictObject({ value: z.string().check(z.regex(/^[a-z0-9_-]{1,40}$/, 'Kleinbuchstaben, Ziffern, _ und -')), label: Label });
const choices = z
  .array(Choice)
  .check(z.minLength(2, 'mindestens zwei Antwortmöglichkeiten'))
  .check(z.maxLength(20))
  .check(z.refine((cs) => new Set(cs.map((c) => c.value)).size === cs.length, 'Antwortwerte müssen eindeutig sein'));

export const Question = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.literal('single'), choices }),
  z.strictObject({ ...common, type: z.literal('multiple'), choices, maxChoices: z.optional(z.number().check(z.int()).check(z.gte(1)).check(z.lte(20))) }),
  z
    .strictObject({
      ...common,
      type: z.literal('number'),
      min: z.number().check(z.gte(-1e9)).check(z.lte(1e9)),
      max: z.number().check(z.gte(-1e9)).check(z.lte(1e9)),
      integer: z._default(z.boolean(), true),
      unit: optionalText(30),
    })
    .check(z.refine((q) => q.min < q.max, { path: ['max'], message: 'muss größer als das Minimum sein' })),
  z.strictObject({ ...common, type: z.literal('scale'), lowLabel: z.optional(Label), highLabel: z.optional(Label) }),
  z.strictObject({ ...common, type: z.literal('text'), maxLength: z.number().check(z.int()).check(z.gte(1)).check(z.lte(2000)) }),
  z.strictObject({
    ...common,
    type: z.literal('occupations'),
    maxRows: z._default(z.number().check(z.int()).check(z.gte(1)).check(z.lte(MAX_OCCUPATION_ROWS)), 5),
  }),
]);
export type Question = z.infer<typeof Question>;

/** The fields a question of `type` may have (the builder drops the ones left over from another type). */
export function questionFields(type: QuestionType): string[] {
  const option = Question.def.options.find((o) => (o.shape.type.def.values as readonly string[]).includes(type));
  return option ? Object.keys(option.shape) : [];
}

/** The questions of one campaign: bounded, ids unique, few occupation tables (each row becomes a need record). */
export const Questions = z
  .array(Question)
  .check(z.maxLength(MAX_QUESTIONS))
  .check(
    z.superRefine((qs, ctx) => {
      const seen = new Set<string>();
      qs.forEach((q, i) => {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'Diese Fragen-ID kommt doppelt vor' });
        seen.add(q.id);
      });
      if (qs.filter((q) => q.type === 'occupations').length > MAX_OCCUPATION_QUESTIONS) {
        ctx.addIssue({ code: 'custom', path: [], message: `höchstens ${MAX_OCCUPATION_QUESTIONS} Fragen nach Berufen` });
      }
    }),
  );

/** One row of an occupation-and-headcount answer: it becomes a company need record. */
export const occupationRow = (codes: readonly string[]) =>
  z.strictObject({
    occupation: codes.length ? z.enum(codes as [string, ...string[]]) : z.never(),
    headcount: z.number().check(z.int()).check(z.gte(1)).check(z.lte(999)),
    timeframe: z.enum(TIMEFRAMES),
    lowSkilled: z.boolean(),
    migrant: z.boolean(),
  });
export type OccupationRow = { occupation: string; headcount: number; timeframe: Timeframe; lowSkilled: boolean; migrant: boolean };

export type AnswerValue = string | number | string[] | OccupationRow[];
export type Answers = Record<string, AnswerValue>;

function answerSchema(q: Question, occupationCodes: readonly string[]): z.ZodMiniType {
  switch (q.type) {
    case 'single':
      return z.enum(q.choices.map((c) => c.value) as [string, ...string[]]);
    case 'multiple': {
      const values = z.enum(q.choices.map((c) => c.value) as [string, ...string[]]);
      return z
        .array(values)
        .check(z.minLength(q.required ? 1 : 0, 'Bitte mindestens eine Antwort wählen'))
        .check(z.maxLength(q.maxChoices ?? q.choices.length, `höchstens ${q.maxChoices ?? q.choices.length} Antworten`))
        .check(z.refine((vs) => new Set(vs).size === vs.length, 'Jede Antwort nur einmal'));
    }
    case 'number': {
      const n = z.number().check(z.gte(q.min)).check(z.lte(q.max));
      return q.integer ? n.check(z.int('Bitte eine ganze Zahl')) : n;
    }
    case 'scale':
      return z.number().check(z.int()).check(z.gte(1)).check(z.lte(5));
    case 'text':
      return z
        .string()
        .check(z.trim())
        .check(z.minLength(q.required ? 1 : 0))
        .check(z.maxLength(q.maxLength));
    case 'occupations':
      return z
        .array(occupationRow(occupationCodes))
        .check(z.minLength(q.required ? 1 : 0, 'Bitte mindestens einen Beruf angeben'))
        .check(z.maxLength(q.maxRows, `höchstens ${q.maxRows} Berufe`));
  }
}

/**
 * The validator of one company's answers, built from the campaign's questions. A draft may leave any
 * question open; a submission needs every required one. Unknown question ids are refused either way.
 */
export function answersSchema(questions: readonly Question[], occupationCodes: readonly string[], mode: 'draft' | 'submit') {
  const shape = Object.fromEntries(
    questions.map((q) => {
      const s = answerSchema(q, occupationCodes);
      return [q.id, mode === 'submit' && q.required ? s : z.optional(s)];
    }),
  );
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unbekannte Frage' : undefined) });
}

/** The label in the chosen language, falling back to German. */
export const labelIn = (label: Label | undefined, lang: 'de' | 'en') => (label ? (lang === 'en' && label.en ? label.en : label.de) : '');
