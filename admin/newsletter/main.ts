// The public newsletter page: sign-up with double opt-in, the archive of sent issues, one issue (?ausgabe=…), and the
// confirmation link (#bestaetigen=…: the token stays in the fragment and goes to the API in the request body, after a
// click, so a mail program's link scanner confirms nothing). Asks for an e-mail address and the consent only.
import type { PublicIssue } from '#shared/newsletters/schema.ts';
import { SUBSCRIBE_CONSENT } from '#shared/newsletters/consent.ts';
import { Problem, renderFrame, requestJson } from '../public/page.ts';
import { el } from '../survey/fields.ts';
import { fill, TEXTS, type Lang } from './texts.ts';
import '../survey/style.css';
import './style.css';

type Summary = Pick<PublicIssue, 'id' | 'title' | 'intro' | 'sentAt'>;
type View =
  | { kind: 'home'; issues: Summary[]; cursor: string | null; subscribed?: boolean }
  | { kind: 'issue'; issue: PublicIssue }
  | { kind: 'confirm'; token: string; done?: boolean }
  | { kind: 'loading' };

const params = new URLSearchParams(location.search);
const issueId = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(params.get('ausgabe') ?? '') ? params.get('ausgabe')! : undefined;
const tokenIn = (hash: string) => /^#bestaetigen=([A-Za-z0-9._-]{1,120})$/.exec(hash)?.[1];
const confirmToken = tokenIn(location.hash);
const state: { lang: Lang; view: View; busy: boolean; problem?: Problem; email: string; consent: boolean } = {
  lang: (localStorage.getItem('newsletter-lang') ?? (navigator.language.toLowerCase().startsWith('en') ? 'en' : 'de')) === 'en' ? 'en' : 'de',
  view: { kind: 'loading' },
  busy: false,
  email: '',
  consent: false,
};
const app = document.getElementById('app')!;
const t = () => TEXTS[state.lang];

/** A request to the public API in the page's language. */
const request = <T>(path: string, init: { method?: string; body?: unknown } = {}) => requestJson<T>(t(), path, init);

const longDate = (iso: string) =>
  new Intl.DateTimeFormat(state.lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date(iso));
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => el('p', { text: p }));

function statusLine(): HTMLElement {
  const v = state.view;
  const text = state.problem?.message ?? (v.kind === 'home' && v.subscribed ? t().checkMail : v.kind === 'confirm' && v.done ? t().confirmed : '');
  const kind = state.problem ? 'error' : text ? 'success' : 'empty';
  return el('p', { id: 'status', role: state.problem ? 'alert' : 'status', tabindex: -1, class: `message ${kind}` }, text);
}

function subscribeForm(): HTMLElement {
  const emailError = state.problem?.fields.email;
  const consentError = state.problem?.fields.consent;
  const described = ['email-hint', emailError ? 'email-error' : ''].filter(Boolean).join(' ');
  const email = el('input', {
    id: 'email',
    name: 'email',
    type: 'email',
    required: true,
    'aria-required': 'true',
    autocomplete: 'email',
    maxlength: '254',
    'aria-describedby': described,
    ...(emailError ? { 'aria-invalid': 'true' } : {}),
  });
  email.value = state.email;
  email.addEventListener('input', () => (state.email = email.value));
  const consent = el('input', {
    type: 'checkbox',
    id: 'consent',
    name: 'consent',
    required: true,
    ...(consentError ? { 'aria-invalid': 'true', 'aria-describedby': 'consent-error' } : {}),
  });
  consent.checked = state.consent;
  consent.addEventListener('change', () => (state.consent = consent.checked));
  const form = el(
    'form',
    { class: 'subscribe', novalidate: true, 'aria-labelledby': 'subscribe-title' },
    el('h2', { id: 'subscribe-title', text: t().subscribeTitle }),
    el(
      'div',
      { class: `field${emailError ? ' invalid' : ''}` },
      el('label', { for: 'email' }, t().email, el('span', { class: 'required', text: ` ${t().required}` })),
      el('p', { class: 'hint', id: 'email-hint', text: t().emailHint }),
      email,
      emailError ? el('p', { class: 'error', id: 'email-error', text: emailError }) : null,
    ),
    el(
      'fieldset',
      { class: `question${consentError ? ' invalid' : ''}` },
      el('legend', { text: t().consent }),
      el('div', { class: 'consent' }, consent, el('label', { for: 'consent', text: SUBSCRIBE_CONSENT[state.lang] })),
      consentError ? el('p', { class: 'error', id: 'consent-error', text: consentError }) : null,
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', disabled: state.busy, text: state.busy ? t().sending : t().submit })),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void subscribe();
  });
  return form;
}

async function subscribe() {
  const fields: Record<string, string> = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(state.email.trim())) fields.email = t().missingEmail;
  if (!state.consent) fields.consent = t().missingConsent;
  if (Object.keys(fields).length) {
    state.problem = new Problem(t().fixFields, fields);
    return render('status');
  }
  state.busy = true;
  state.problem = undefined;
  render();
  try {
    await request('/api/public/newsletter/subscribers', { method: 'POST', body: { email: state.email.trim(), language: state.lang, consent: true } });
    if (state.view.kind === 'home') state.view = { ...state.view, subscribed: true };
    state.email = '';
    state.consent = false;
  } catch (problem) {
    state.problem = problem as Problem;
  }
  state.busy = false;
  render('status');
}

async function confirm(token: string) {
  state.busy = true;
  state.problem = undefined;
  render();
  try {
    await request('/api/public/newsletter/confirm', { method: 'POST', body: { token } });
    state.view = { kind: 'confirm', token, done: true };
    history.replaceState(null, '', location.pathname);
  } catch (problem) {
    state.problem = (problem as Problem).message === t().failed ? (problem as Problem) : new Problem(t().badLink);
  }
  state.busy = false;
  render('status');
}

function issueCard(i: Summary) {
  // The salutation ("Liebe Partnerinnen und Partner,") says nothing about the issue: the first paragraph after it.
  const first = i.intro.split(/\n\s*\n/).find((p) => !p.trim().endsWith(',')) ?? '';
  return el(
    'li',
    {},
    el(
      'article',
      { 'aria-labelledby': `i-${i.id}` },
      el('p', { class: 'date', text: fill(t().published, longDate(i.sentAt)) }),
      el('h3', { id: `i-${i.id}`, text: i.title }),
      el('p', { text: first.length > 240 ? `${first.slice(0, 237)}…` : first }),
      el('a', { href: `?ausgabe=${i.id}`, class: 'button', 'aria-describedby': `i-${i.id}`, text: t().read }),
    ),
  );
}

function issueArticle(i: PublicIssue) {
  return el(
    'article',
    { class: 'issue', lang: 'de' },
    el('p', { class: 'date', text: fill(t().published, longDate(i.sentAt)) }),
    el('h1', { text: i.title }),
    ...paragraphs(i.intro),
    ...i.sections.flatMap((s) => [
      el('h2', { text: s.heading }),
      s.picture ? el('img', { src: s.picture.url, alt: s.picture.alt, loading: 'lazy' }) : null,
      ...paragraphs(s.body),
      s.links.length ? el('ul', {}, ...s.links.map((l) => el('li', {}, el('a', { href: l.url, text: l.label })))) : null,
    ]),
  );
}

function body(): (Node | null)[] {
  const v = state.view;
  if (v.kind === 'loading') return [el('p', { text: t().loading })];
  if (v.kind === 'home') {
    const more = el('button', { type: 'button', class: 'secondary', id: 'more', text: t().more, disabled: state.busy });
    more.addEventListener('click', () => void loadArchive(true));
    return [
      el('h1', { text: t().title }),
      el('p', { text: t().intro }),
      statusLine(),
      v.subscribed ? null : subscribeForm(),
      el('h2', { text: t().archiveTitle }),
      v.issues.length ? el('ul', { class: 'issues' }, ...v.issues.map(issueCard)) : el('p', { text: t().none }),
      v.cursor ? el('div', { class: 'actions' }, more) : null,
    ];
  }
  if (v.kind === 'issue') return [el('p', {}, el('a', { href: './', text: t().back })), issueArticle(v.issue)];
  const button = el('button', { type: 'button', disabled: state.busy, text: state.busy ? t().sending : t().confirmButton });
  button.addEventListener('click', () => void confirm(v.token));
  return [
    el('h1', { text: t().confirmTitle }),
    v.done ? null : el('p', { text: t().confirmIntro }),
    statusLine(),
    v.done ? el('p', {}, el('a', { href: './', text: t().back })) : el('div', { class: 'actions' }, button),
  ];
}

function render(focus?: 'status' | 'lang') {
  const v = state.view;
  renderFrame(app, {
    lang: state.lang,
    title: v.kind === 'issue' ? v.issue.title : v.kind === 'confirm' ? t().confirmTitle : t().title,
    brand: t().brand,
    language: t().language,
    languageLabel: t().languageLabel,
    onLanguage: () => {
      state.lang = state.lang === 'de' ? 'en' : 'de';
      localStorage.setItem('newsletter-lang', state.lang);
      render('lang');
    },
    body: body(),
    privacy: t().privacy,
    busy: state.busy || v.kind === 'loading',
    focus,
  });
}

async function loadArchive(more: boolean) {
  const current = state.view.kind === 'home' ? state.view : { kind: 'home' as const, issues: [], cursor: null };
  state.busy = true;
  try {
    const query = new URLSearchParams({ limit: '10', ...(more && current.cursor ? { cursor: current.cursor } : {}) });
    const page = await request<{ items: Summary[]; nextCursor: string | null }>(`/api/public/newsletters?${query}`);
    state.view = { ...current, issues: more ? [...current.issues, ...page.items] : page.items, cursor: page.nextCursor };
  } catch (problem) {
    state.problem = problem as Problem;
    state.view = current;
  }
  state.busy = false;
  render();
}

async function start() {
  render();
  if (confirmToken) {
    state.view = { kind: 'confirm', token: confirmToken };
    return render();
  }
  if (issueId) {
    try {
      state.view = { kind: 'issue', issue: await request<PublicIssue>(`/api/public/newsletters/${issueId}`) };
      return render();
    } catch (problem) {
      state.problem = (problem as Problem).message === t().failed ? (problem as Problem) : new Problem(t().notFound);
    }
  }
  await loadArchive(false);
}

// A confirmation link opened in the tab that already shows the page changes only the fragment: show the button then too.
window.addEventListener('hashchange', () => {
  const token = tokenIn(location.hash);
  if (!token) return;
  state.problem = undefined;
  state.view = { kind: 'confirm', token };
  render();
});

void start();
