// One input group per question type, built with the DOM; every control is labelled for screen readers.
import { labelIn, TIMEFRAMES, type OccupationRow, type Question } from '#shared/surveys/questions.ts';
import type { SurveyForm } from '#shared/surveys/schema.ts';
import { fill, TEXTS, type Lang } from './texts.ts';

type Attrs = Record<string, string | boolean | number | undefined>;

/** A small element builder: attributes (false/undefined are left out) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

export type FieldContext = {
  lang: Lang;
  form: SurveyForm;
  answers: Record<string, unknown>;
  readOnly: boolean;
  /** Called after every change of an answer. */
  changed: () => void;
};

const numberOrRaw = (raw: string) => (raw.trim() === '' ? undefined : Number.isNaN(Number(raw.replace(',', '.'))) ? raw : Number(raw.replace(',', '.')));

function choiceInputs(q: Extract<Question, { type: 'single' | 'multiple' }>, ctx: FieldContext) {
  const multiple = q.type === 'multiple';
  const current = ctx.answers[q.id];
  return q.choices.map((c, i) => {
    const id = `${q.id}-${i}`;
    const checked = multiple ? Array.isArray(current) && current.includes(c.value) : current === c.value;
    const input = el('input', { type: multiple ? 'checkbox' : 'radio', id, name: q.id, value: c.value, checked, disabled: ctx.readOnly });
    input.addEventListener('change', () => {
      if (!multiple) ctx.answers[q.id] = c.value;
      else {
        const set = new Set(Array.isArray(ctx.answers[q.id]) ? (ctx.answers[q.id] as string[]) : []);
        if (input.checked) set.add(c.value);
        else set.delete(c.value);
        ctx.answers[q.id] = q.choices.map((x) => x.value).filter((v) => set.has(v));
      }
      ctx.changed();
    });
    return el('div', { class: 'choice' }, input, el('label', { for: id, text: labelIn(c.label, ctx.lang) }));
  });
}

function scaleInputs(q: Extract<Question, { type: 'scale' }>, ctx: FieldContext) {
  const t = TEXTS[ctx.lang];
  const low = labelIn(q.lowLabel, ctx.lang) || t.scaleLow;
  const high = labelIn(q.highLabel, ctx.lang) || t.scaleHigh;
  const options = [1, 2, 3, 4, 5].map((n) => {
    const id = `${q.id}-${n}`;
    const input = el('input', { type: 'radio', id, name: q.id, value: n, checked: ctx.answers[q.id] === n, disabled: ctx.readOnly });
    input.addEventListener('change', () => {
      ctx.answers[q.id] = n;
      ctx.changed();
    });
    const name = n === 1 ? `1 – ${low}` : n === 5 ? `5 – ${high}` : String(n);
    return el('div', { class: 'scale-point' }, input, el('label', { for: id, text: name }));
  });
  return [el('div', { class: 'scale' }, ...options)];
}

function numberInput(q: Extract<Question, { type: 'number' }>, ctx: FieldContext, describedBy: string) {
  const input = el('input', {
    type: 'text',
    inputmode: q.integer ? 'numeric' : 'decimal',
    id: `${q.id}-input`,
    name: q.id,
    value: ctx.answers[q.id] === undefined ? '' : String(ctx.answers[q.id]),
    'aria-describedby': describedBy,
    'aria-required': q.required ? 'true' : undefined,
    disabled: ctx.readOnly,
    autocomplete: 'off',
  });
  input.addEventListener('input', () => {
    ctx.answers[q.id] = numberOrRaw(input.value);
    ctx.changed();
  });
  const range = `${q.min.toLocaleString(ctx.lang)} – ${q.max.toLocaleString(ctx.lang)}${q.unit ? ` ${q.unit}` : ''}`;
  return [el('label', { for: `${q.id}-input`, class: 'sr-only', text: labelIn(q.label, ctx.lang) }), input, el('span', { class: 'hint', text: ` (${range})` })];
}

function textInput(q: Extract<Question, { type: 'text' }>, ctx: FieldContext, describedBy: string) {
  const t = TEXTS[ctx.lang];
  const value = typeof ctx.answers[q.id] === 'string' ? (ctx.answers[q.id] as string) : '';
  const counter = el('span', { class: 'hint', id: `${q.id}-count`, 'aria-live': 'polite', text: fill(t.charactersLeft, q.maxLength - value.length) });
  const area = el('textarea', {
    id: `${q.id}-input`,
    name: q.id,
    rows: 4,
    maxlength: q.maxLength,
    'aria-describedby': `${describedBy} ${q.id}-count`,
    'aria-required': q.required ? 'true' : undefined,
    disabled: ctx.readOnly,
  });
  area.value = value;
  area.addEventListener('input', () => {
    ctx.answers[q.id] = area.value;
    counter.textContent = fill(t.charactersLeft, q.maxLength - area.value.length);
    ctx.changed();
  });
  return [el('label', { for: `${q.id}-input`, class: 'sr-only', text: labelIn(q.label, ctx.lang) }), area, counter];
}

function occupationTable(q: Extract<Question, { type: 'occupations' }>, ctx: FieldContext) {
  const t = TEXTS[ctx.lang];
  const box = el('div', { class: 'rows' });
  const rows = (): Partial<OccupationRow>[] => (Array.isArray(ctx.answers[q.id]) ? (ctx.answers[q.id] as Partial<OccupationRow>[]) : []);
  const draw = (focusRow?: number) => {
    box.replaceChildren(...rows().map((row, i) => rowGroup(row, i)));
    if (!ctx.readOnly && rows().length < q.maxRows) {
      const add = el('button', { type: 'button', class: 'secondary', text: t.addRow });
      add.addEventListener('click', () => {
        ctx.answers[q.id] = [...rows(), { headcount: 1, timeframe: 'now', lowSkilled: false, migrant: false }];
        ctx.changed();
        draw(rows().length - 1);
      });
      box.append(add);
    }
    if (focusRow !== undefined) box.querySelector<HTMLSelectElement>(`#${q.id}-r${focusRow}-occupation`)?.focus();
    else if (focusRow === undefined && document.activeElement === document.body) box.querySelector('button')?.focus();
  };
  const set = (i: number, patch: Partial<OccupationRow>) => {
    const next = rows().map((r, j) => (j === i ? { ...r, ...patch } : r));
    ctx.answers[q.id] = next;
    ctx.changed();
  };
  function rowGroup(row: Partial<OccupationRow>, i: number) {
    const id = (f: string) => `${q.id}-r${i}-${f}`;
    const occupation = el(
      'select',
      { id: id('occupation'), disabled: ctx.readOnly },
      el('option', { value: '', text: t.choose }),
      ...ctx.form.campaign.occupations.map((o) => el('option', { value: o.code, selected: o.code === row.occupation, text: o.title })),
    );
    occupation.addEventListener('change', () => set(i, { occupation: occupation.value || undefined }));
    const headcount = el('input', {
      type: 'text',
      inputmode: 'numeric',
      id: id('headcount'),
      value: row.headcount ?? '',
      disabled: ctx.readOnly,
      autocomplete: 'off',
    });
    headcount.addEventListener('input', () => set(i, { headcount: numberOrRaw(headcount.value) as number }));
    const timeframe = el(
      'select',
      { id: id('timeframe'), disabled: ctx.readOnly },
      ...TIMEFRAMES.map((tf) => el('option', { value: tf, selected: tf === row.timeframe, text: t.timeframes[tf] })),
    );
    timeframe.addEventListener('change', () => set(i, { timeframe: timeframe.value as OccupationRow['timeframe'] }));
    const box2 = (f: 'lowSkilled' | 'migrant') => {
      const c = el('input', { type: 'checkbox', id: id(f), checked: Boolean(row[f]), disabled: ctx.readOnly });
      c.addEventListener('change', () => set(i, { [f]: c.checked }));
      return el('div', { class: 'choice' }, c, el('label', { for: id(f), text: t[f] }));
    };
    const remove = ctx.readOnly ? null : el('button', { type: 'button', class: 'link', 'aria-label': `${t.removeRow} (${i + 1})`, text: t.removeRow });
    remove?.addEventListener('click', () => {
      ctx.answers[q.id] = rows().filter((_, j) => j !== i);
      ctx.changed();
      draw();
    });
    return el(
      'fieldset',
      { class: 'row' },
      el('legend', { text: fill(t.row, i + 1) }),
      el('label', { for: id('occupation'), text: t.occupation }),
      occupation,
      el(
        'div',
        { class: 'pair' },
        el('div', {}, el('label', { for: id('headcount'), text: t.headcount }), headcount),
        el('div', {}, el('label', { for: id('timeframe'), text: t.timeframe }), timeframe),
      ),
      box2('lowSkilled'),
      box2('migrant'),
      remove,
    );
  }
  draw();
  return [box];
}

/** The fieldset of one question with its legend, help, input and error slot. */
export function questionField(q: Question, ctx: FieldContext, error: string | undefined): HTMLElement {
  const t = TEXTS[ctx.lang];
  const helpId = `${q.id}-help`;
  const errorId = `${q.id}-error`;
  const describedBy = [q.help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const radios = q.type === 'single' || q.type === 'scale';
  const inputs =
    q.type === 'single' || q.type === 'multiple'
      ? choiceInputs(q, ctx)
      : q.type === 'scale'
        ? scaleInputs(q, ctx)
        : q.type === 'number'
          ? numberInput(q, ctx, describedBy)
          : q.type === 'text'
            ? textInput(q, ctx, describedBy)
            : occupationTable(q, ctx);
  const field = el(
    'fieldset',
    {
      class: `question${error ? ' invalid' : ''}`,
      id: `${q.id}-field`,
      // A group of radio buttons is a radiogroup, which may say it is required; other inputs say so themselves.
      role: radios ? 'radiogroup' : undefined,
      'aria-required': radios && q.required ? 'true' : undefined,
      'aria-describedby': describedBy || undefined,
      'aria-invalid': error ? 'true' : undefined,
    },
    el('legend', {}, labelIn(q.label, ctx.lang), q.required ? el('span', { class: 'required', text: ` ${t.requiredMark}` }) : null),
    q.help ? el('p', { class: 'hint', id: helpId, text: labelIn(q.help, ctx.lang) }) : null,
    ...inputs,
    error ? el('p', { class: 'error', id: errorId, text: error }) : null,
  );
  return field;
}
