import { describe, expect, it } from 'vitest';
import { Question, QUESTION_TYPES, questionFields } from '#shared/surveys/questions.ts';
import { allQuestionTypes } from '../support/builders.ts';

describe('question fields by type', () => {
  it('names exactly the fields each type accepts', () => {
    expect(questionFields('number').sort()).toEqual(['help', 'id', 'integer', 'label', 'max', 'min', 'required', 'type', 'unit']);
    expect(questionFields('single')).toContain('choices');
    expect(questionFields('number')).not.toContain('choices');
    expect(questionFields('occupations')).toContain('maxRows');
  });

  it('a question keeps its validity when cut down to its fields, and a leftover field from another type is what fails', () => {
    for (const q of allQuestionTypes()) {
      const fields = questionFields(q.type);
      expect(QUESTION_TYPES).toContain(q.type);
      const kept = Object.fromEntries(Object.entries(q).filter(([k]) => fields.includes(k)));
      expect(Question.safeParse(kept).success).toBe(true);
    }
    const number = allQuestionTypes().find((q) => q.type === 'number')!;
    expect(Question.safeParse({ ...number, choices: [] }).success).toBe(false);
  });
});
