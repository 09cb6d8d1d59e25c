// Survey questions and the answer validator built from them: the server, the question builder and the hosted form share this file.
import * as z from 'zod';
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

const questionId = z.string().regex(/^q[a-z0-9]{1,15}$/, 'q gefolgt von 1–15 Kleinbuchstaben oder Ziffern');
const common = { id: questionId, label: Label, help: Label.optional(), required: z.boolean().default(false) };

const Choice = z.strictObject({ value: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'Kleinbuchstaben, Ziffern, _ und -'), label: Label });
const choices = z
  .array(Choice)
  .min(2, 'mindestens zwei Antwortmöglichkeiten')
  .max(20)
  .refine((cs) => new Set(cs.map((c) => c.value)).size === cs.length, 'Antwortwerte müssen eindeutig sein');

export const Question = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.literal('single'), choices }),
  z.strictObject({ ...common, type: z.literal('multiple'), choices, maxChoices: z.number().int().min(1).max(20).optional() }),
  z
    .strictObject({
      ...common,
      type: z.literal('number'),
      min: z.number().min(-1e9).max(1e9),
      max: z.number().min(-1e9).max(1e9),
      integer: z.boolean().default(true),
      unit: optionalText(30),
    })
    .refine((q) => q.min < q.max, { path: ['max'], message: 'muss größer als das Minimum sein' }),
  z.strictObject({ ...common, type: z.literal('scale'), lowLabel: Label.optional(), highLabel: Label.optional() }),
  z.strictObject({ ...common, type: z.literal('text'), maxLength: z.number().int().min(1).max(2000) }),
  z.strictObject({ ...common, type: z.literal('occupations'), maxRows: z.number().int().min(1).max(MAX_OCCUPATION_ROWS).default(5) }),
]);
export type Question = z.infer<typeof Question>;

/** The fields a question of `type` may have (the builder drops the ones left over from another type). */
export function questionFields(type: QuestionType): string[] {
  const option = Question.options.find((o) => o.shape.type.value === type);
  return option ? Object.keys(option.shape) : [];
}

/** The questions of one campaign: bounded, ids unique, few occupation tables (each row becomes a need record). */
export const Questions = z
  .array(Question)
  .max(MAX_QUESTIONS)
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'Diese Fragen-ID kommt doppelt vor' });
      seen.add(q.id);
    });
    if (qs.filter((q) => q.type === 'occupations').length > MAX_OCCUPATION_QUESTIONS) {
      ctx.addIssue({ code: 'custom', path: [], message: `höchstens ${MAX_OCCUPATION_QUESTIONS} Fragen nach Berufen` });
    }
  });

/** One row of an occupation-and-headcount answer: it becomes a company need record. */
export const occupationRow = (codes: readonly string[]) =>
  z.strictObject({
    occupation: codes.length ? z.enum(codes as [string, ...string[]]) : z.never(),
    headcount: z.number().int().min(1).max(999),
    timeframe: z.enum(TIMEFRAMES),
    lowSkilled: z.boolean(),
    migrant: z.boolean(),
  });
export type OccupationRow = { occupation: string; headcount: number; timeframe: Timeframe; lowSkilled: boolean; migrant: boolean };

export type AnswerValue = string | number | string[] | OccupationRow[];
export type Answers = Record<string, AnswerValue>;

function answerSchema(q: Question, occupationCodes: readonly string[]): z.ZodType {
  switch (q.type) {
    case 'single':
      return z.enum(q.choices.map((c) => c.value) as [string, ...string[]]);
    case 'multiple': {
      const values = z.enum(q.choices.map((c) => c.value) as [string, ...string[]]);
      return z
        .array(values)
        .min(q.required ? 1 : 0, 'Bitte mindestens eine Antwort wählen')
        .max(q.maxChoices ?? q.choices.length, `höchstens ${q.maxChoices ?? q.choices.length} Antworten`)
        .refine((vs) => new Set(vs).size === vs.length, 'Jede Antwort nur einmal');
    }
    case 'number': {
      const n = z.number().min(q.min).max(q.max);
      return q.integer ? n.int('Bitte eine ganze Zahl') : n;
    }
    case 'scale':
      return z.number().int().min(1).max(5);
    case 'text':
      return z
        .string()
        .trim()
        .min(q.required ? 1 : 0)
        .max(q.maxLength);
    case 'occupations':
      return z
        .array(occupationRow(occupationCodes))
        .min(q.required ? 1 : 0, 'Bitte mindestens einen Beruf angeben')
        .max(q.maxRows, `höchstens ${q.maxRows} Berufe`);
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
      return [q.id, mode === 'submit' && q.required ? s : s.optional()];
    }),
  );
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unbekannte Frage' : undefined) });
}

/** The label in the chosen language, falling back to German. */
export const labelIn = (label: Label | undefined, lang: 'de' | 'en') => (label ? (lang === 'en' && label.en ? label.en : label.de) : '');
