// The hosted survey form: reads the token from the link's fragment, loads the campaign, validates with the server's own schema.
import * as z from 'zod/mini';
import { de as zodDe, en as zodEn } from 'zod/locales';
import { answersSchema, labelIn } from '#shared/surveys/questions.ts';
import type { SurveyForm } from '#shared/surveys/schema.ts';
import { loadForm, saveDraft, submitAnswers, type Result } from './api.ts';
import { localDraft } from './local-draft.ts';
import { el, questionField } from './fields.ts';
import { fill, formatDate, TEXTS, type Lang } from './texts.ts';
import './style.css';

/**
 * The link's token: from the fragment on arrival, then kept in this tab's session storage (never in the
 * address bar or history), so a reload still finds the form and closing the tab forgets it.
 */
function tokenOfThisTab(): string {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('t');
  if (fromLink) sessionStorage.setItem('survey-token', fromLink);
  return fromLink ?? sessionStorage.getItem('survey-token') ?? '';
}

type Message = { kind: 'info' | 'success' | 'error'; text: string };
const state: {
  token: string;
  lang: Lang;
  form?: SurveyForm;
  answers: Record<string, unknown>;
  errors: Record<string, string>;
  message?: Message;
  busy: boolean;
} = {
  token: tokenOfThisTab(),
  lang:
    navigator.language.toLowerCase().startsWith('en') && localStorage.getItem('survey-lang') !== 'de'
      ? 'en'
      : localStorage.getItem('survey-lang') === 'en'
        ? 'en'
        : 'de',
  answers: {},
  errors: {},
  busy: false,
};
const app = document.getElementById('app')!;

function setLanguage(lang: Lang) {
  state.lang = lang;
  localStorage.setItem('survey-lang', lang);
  document.documentElement.lang = lang;
  z.config(lang === 'de' ? zodDe() : zodEn());
}

/** Field errors by question id, from zod issues or the server's field paths ("answers.qstaff"). */
function errorsOf(issues: { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const id = i.path.replace(/^answers\.?/, '').split('.')[0] ?? '';
    if (id && !out[id]) out[id] = i.message;
  }
  return out;
}

function validate(mode: 'draft' | 'submit'): boolean {
  const form = state.form!;
  const cleaned = Object.fromEntries(Object.entries(state.answers).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = answersSchema(
    form.campaign.questions,
    form.campaign.occupations.map((o) => o.code),
    mode,
  ).safeParse(cleaned);
  state.errors = parsed.success ? {} : errorsOf(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return parsed.success;
}

async function send(mode: 'draft' | 'submit') {
  const t = TEXTS[state.lang];
  if (state.busy) return;
  if (!validate(mode)) {
    state.message = { kind: 'error', text: t.fixErrors };
    render(Object.keys(state.errors)[0]);
    return;
  }
  state.busy = true;
  const cleaned = Object.fromEntries(Object.entries(state.answers).filter(([, v]) => v !== undefined && v !== ''));
  const result = await (mode === 'draft' ? saveDraft : submitAnswers)(state.token, cleaned);
  state.busy = false;
  await handle(result, mode);
}

/** The safety copy of unsaved answers on this device (see local-draft.ts). */
const kept = state.token ? localDraft(state.token) : undefined;
let unsaved = false;

/** An answer changed: keep a copy on the device, and ask before the page is left. */
function changed() {
  unsaved = true;
  void kept?.then((k) => k.keep(state.answers));
}

// Leaving with unsaved answers asks first (the browser's own question; the copy on the device stays either way).
window.addEventListener('beforeunload', (e) => {
  if (!unsaved) return;
  e.preventDefault();
  e.returnValue = '';
});

async function handle(result: Result, mode: 'load' | 'draft' | 'submit') {
  const t = TEXTS[state.lang];
  if (result.ok) {
    state.form = result.form;
    state.answers = structuredClone(result.form.answers);
    state.errors = {};
    if (mode !== 'load') {
      unsaved = false;
      (await kept)?.forget();
    }
    state.message =
      mode === 'draft'
        ? { kind: 'success', text: fill(t.draftSaved, formatDate(result.form.draftSavedAt ?? new Date().toISOString(), state.lang)) }
        : mode === 'submit' || (result.form.state === 'submitted' && !result.form.isDraft && result.form.accepting === 'open')
          ? { kind: 'success', text: fill(t.submitted, formatDate(result.form.submittedAt ?? new Date().toISOString(), state.lang)) }
          : undefined;
    const restored =
      mode === 'load' && result.form.accepting === 'open' ? (await kept)?.newerThan(result.form.draftSavedAt ?? result.form.submittedAt) : undefined;
    if (restored) {
      state.answers = { ...state.answers, ...restored.answers };
      unsaved = true;
      state.message = { kind: 'success', text: fill(t.restored, formatDate(restored.keptAt, state.lang)) };
    }
  } else if (result.error.status === 404 || !state.form) {
    state.form = undefined;
    state.message = {
      kind: 'error',
      text:
        result.error.status === 404 || result.error.status === 0 ? (result.error.status ? t.badLink : t.networkError) : result.error.message || t.networkError,
    };
  } else {
    state.errors = errorsOf(result.error.fields);
    const text =
      result.error.status === 429 ? t.tooMany : result.error.status === 0 ? t.networkError : result.error.status === 400 ? t.fixErrors : result.error.message;
    state.message = { kind: 'error', text };
    if (result.error.status === 409) void loadForm(state.token).then((r) => r.ok && ((state.form = r.form), render()));
  }
  render(mode === 'load' ? undefined : (Object.keys(state.errors)[0] ?? 'status'));
}

function render(focus?: string) {
  const t = TEXTS[state.lang];
  const form = state.form;
  const toggle = el('button', { type: 'button', class: 'lang', lang: state.lang === 'de' ? 'en' : 'de', 'aria-label': t.languageLabel, text: t.language });
  toggle.addEventListener('click', () => {
    setLanguage(state.lang === 'de' ? 'en' : 'de');
    render('lang');
  });
  const status = el(
    'div',
    {
      id: 'status',
      role: state.message?.kind === 'error' ? 'alert' : 'status',
      tabindex: -1,
      class: state.message ? `message ${state.message.kind}` : 'message empty',
    },
    state.message?.text ?? '',
  );
  if (!form) {
    app.replaceChildren(el('header', {}, toggle), el('h1', { text: 'amoN' }), status);
    app.setAttribute('aria-busy', 'false');
    return;
  }
  const readOnly = form.accepting !== 'open';
  const ctx = { lang: state.lang, form, answers: state.answers, readOnly, changed };
  const notice =
    form.accepting === 'closed'
      ? t.closed
      : form.accepting === 'notYet'
        ? fill(t.notYet, formatDate(form.campaign.opensOn, state.lang))
        : fill(t.until, formatDate(form.campaign.closesOn, state.lang));
  const questions = form.campaign.questions.map((q) => questionField(q, ctx, state.errors[q.id]));
  const draftButton = el('button', { type: 'button', class: 'secondary', text: t.saveDraft, disabled: readOnly });
  draftButton.addEventListener('click', () => void send('draft'));
  const submitButton = el('button', { type: 'submit', text: form.state === 'submitted' ? t.resubmit : t.submit, disabled: readOnly });
  const formEl = el(
    'form',
    { novalidate: true, 'aria-labelledby': 'title' },
    ...questions,
    readOnly ? null : el('div', { class: 'actions' }, draftButton, submitButton),
  );
  formEl.addEventListener('submit', (e) => {
    e.preventDefault();
    void send('submit');
  });
  // Enter in a one-line field moves on instead of sending the whole survey; only the button sends.
  formEl.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type !== 'submit' && e.target.type !== 'button') e.preventDefault();
  });
  const intro = labelIn(form.campaign.intro, state.lang);
  app.replaceChildren(
    el('header', {}, el('span', { class: 'brand', text: 'amoN Nachqualifizierung' }), toggle),
    el('h1', { id: 'title', text: form.campaign.title }),
    el('p', { class: 'company', text: `${t.forCompany} ${form.company.name}` }),
    ...(intro ? [el('p', { text: intro })] : []),
    el('p', { class: readOnly ? 'notice closed' : 'notice', text: notice }),
    status,
    formEl,
  );
  app.setAttribute('aria-busy', 'false');
  if (focus === 'lang') app.querySelector<HTMLElement>('button.lang')?.focus();
  else if (focus === 'status') status.focus();
  else if (focus) app.querySelector<HTMLElement>(`#${focus}-field input, #${focus}-field textarea, #${focus}-field select`)?.focus();
}

setLanguage(state.lang);
// The token leaves the address bar, so it is not kept in history or shown over a shoulder; the tab's session storage keeps it for a reload.
if (state.token) history.replaceState(null, '', location.pathname);
void (state.token ? loadForm(state.token) : Promise.resolve<Result>({ ok: false, error: { status: 404, message: '', fields: [] } })).then((r) =>
  handle(r, 'load'),
);
