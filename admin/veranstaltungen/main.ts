// The public event pages: the list of open events, one event with its registration form (?id=…, and &k=… for a
// partners-only event), and the personal cancel link (#abmelden=…: the token stays in the fragment and goes to the
// API in the request body). Asks for name, organisation, e-mail and only the fields the event names.
import type { PublicEvent, RegistrationResult } from '#shared/events/schema.ts';
import { Problem, renderFrame, requestJson } from '../public/page.ts';
import { el } from '../survey/fields.ts';
import { fill, plural, TEXTS, type Lang } from './texts.ts';
import '../survey/style.css';
import './style.css';

type View =
  | { kind: 'list'; events: PublicEvent[]; cursor: string | null }
  | { kind: 'event'; event: PublicEvent; result?: RegistrationResult }
  | { kind: 'cancel'; token: string; found?: RegistrationResult; done?: boolean }
  | { kind: 'loading' };

const params = new URLSearchParams(location.search);
const eventId = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(params.get('id') ?? '') ? params.get('id')! : undefined;
const partnerKey = /^[A-Za-z0-9_-]{16,64}$/.test(params.get('k') ?? '') ? params.get('k')! : undefined;
const cancelToken = /^#abmelden=([A-Za-z0-9._-]{1,120})$/.exec(location.hash)?.[1];
const state: { lang: Lang; view: View; busy: boolean; problem?: Problem; values: Record<string, string>; consent: boolean } = {
  lang: (localStorage.getItem('events-lang') ?? (navigator.language.toLowerCase().startsWith('en') ? 'en' : 'de')) === 'en' ? 'en' : 'de',
  view: { kind: 'loading' },
  busy: false,
  values: {},
  consent: false,
};
const app = document.getElementById('app')!;
const t = () => TEXTS[state.lang];

/** A request to the public API in the page's language. */
const request = <T>(path: string, init: { method?: string; body?: unknown } = {}) => requestJson<T>(t(), path, init);

const locale = () => (state.lang === 'de' ? 'de-DE' : 'en-GB');
/** "Mi., 20. Jan. 2027, 10:00–15:00" in Berlin wall time, as the event states it. */
function when(e: Pick<PublicEvent, 'startsAt' | 'endsAt'>) {
  const day = (wall: string) => new Intl.DateTimeFormat(locale(), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${wall.slice(0, 10)}T12:00:00Z`));
  const end = e.startsAt.slice(0, 10) === e.endsAt.slice(0, 10) ? e.endsAt.slice(11) : `${day(e.endsAt)}, ${e.endsAt.slice(11)}`;
  return `${day(e.startsAt)}, ${e.startsAt.slice(11)}–${end}${state.lang === 'de' ? ' Uhr' : ''}`;
}
const dateOnly = (iso: string) => new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
const eventLink = (id: string) => `?id=${id}${partnerKey ? `&k=${partnerKey}` : ''}`;

function facts(e: PublicEvent) {
  const row = (term: string, value: Node | string) => [el('dt', { text: term }), el('dd', {}, value)];
  return el(
    'dl',
    { class: 'facts' },
    ...row(t().when, when(e)),
    ...(e.place ? row(t().where, e.place) : []),
    ...(e.onlineUrl ? row(t().online, el('a', { href: e.onlineUrl, rel: 'noopener noreferrer', text: e.onlineUrl })) : []),
    ...row(t().deadline, dateOnly(e.registrationDeadline)),
    ...(e.status === 'open' ? row(t().places, plural(t().placesValue, e.placesLeft)) : []),
  );
}

function eventCard(e: PublicEvent) {
  return el(
    'li',
    {},
    el(
      'article',
      { 'aria-labelledby': `e-${e.id}` },
      el('p', { class: 'kind', text: t().kinds[e.kind] ?? e.kind }),
      el('h2', { id: `e-${e.id}`, text: e.title }),
      facts(e),
      el('p', { class: 'state', text: t().status[e.status] ?? '' }),
      e.status === 'closed' ? null : el('a', { href: eventLink(e.id), class: 'button', 'aria-describedby': `e-${e.id}`, text: t().toEvent }),
    ),
  );
}

function field(name: string, label: string, o: { type?: string; required?: boolean; multiline?: boolean; hint?: string; autocomplete?: string } = {}) {
  const error = state.problem?.fields[name];
  const described = [o.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const attrs = {
    id: name,
    name,
    ...(o.required ? { required: true, 'aria-required': 'true' } : {}),
    ...(error ? { 'aria-invalid': 'true' } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
    ...(o.autocomplete ? { autocomplete: o.autocomplete } : {}),
  };
  const input = o.multiline ? el('textarea', { ...attrs, rows: '3', maxlength: '300' }) : el('input', { ...attrs, type: o.type ?? 'text', maxlength: '200' });
  input.value = state.values[name] ?? '';
  input.addEventListener('input', () => (state.values[name] = input.value));
  // Enter in a field moves on; only the button sends.
  if (!o.multiline) input.addEventListener('keydown', (ev) => ev instanceof KeyboardEvent && ev.key === 'Enter' && ev.preventDefault());
  return el(
    'div',
    { class: `field${error ? ' invalid' : ''}` },
    el('label', { for: name }, label, o.required ? el('span', { class: 'required', text: ` ${t().required}` }) : null),
    o.hint ? el('p', { class: 'hint', id: `${name}-hint`, text: o.hint }) : null,
    input,
    error ? el('p', { class: 'error', id: `${name}-error`, text: error }) : null,
  );
}

function registrationForm(e: PublicEvent) {
  const waiting = e.status === 'waiting_list';
  const consentError = state.problem?.fields.consent;
  const consent = el('input', {
    type: 'checkbox',
    id: 'consent',
    name: 'consent',
    required: true,
    ...(consentError ? { 'aria-invalid': 'true', 'aria-describedby': 'consent-error' } : {}),
  });
  consent.checked = state.consent;
  consent.addEventListener('change', () => (state.consent = consent.checked));
  const extra: Record<string, () => HTMLElement> = {
    phone: () => field('phone', t().phone, { type: 'tel', autocomplete: 'tel' }),
    role: () => field('role', t().role, { autocomplete: 'organization-title' }),
    dietary: () => field('dietary', t().dietary, { multiline: true }),
    accessibility: () => field('accessibility', t().accessibility, { multiline: true }),
  };
  const form = el(
    'form',
    { class: 'registration', novalidate: true, 'aria-labelledby': 'form-title' },
    el('h2', { id: 'form-title', text: waiting ? t().formTitleWaiting : t().formTitle }),
    field('name', t().name, { required: true, autocomplete: 'name' }),
    field('organisation', t().organisation, { autocomplete: 'organization' }),
    field('email', t().email, { type: 'email', required: true, hint: t().emailHint, autocomplete: 'email' }),
    ...e.fields.map((f) => extra[f]?.() ?? null),
    el(
      'fieldset',
      { class: `question${consentError ? ' invalid' : ''}` },
      el('legend', { text: t().consent }),
      el('div', { class: 'consent' }, consent, el('label', { for: 'consent', text: e.consentText })),
      consentError ? el('p', { class: 'error', id: 'consent-error', text: consentError }) : null,
    ),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit', disabled: state.busy, text: state.busy ? t().sending : waiting ? t().submitWaiting : t().submit }),
    ),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void register(e);
  });
  return form;
}

/** What the form can tell before sending: the required fields, in words a person understands. */
function missing(): Record<string, string> {
  const fields: Record<string, string> = {};
  if ((state.values.name ?? '').trim().length < 2) fields.name = t().missingName;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test((state.values.email ?? '').trim())) fields.email = t().missingEmail;
  if (!state.consent) fields.consent = t().missingConsent;
  return fields;
}

async function register(e: PublicEvent) {
  const body: Record<string, unknown> = { consent: state.consent, language: state.lang };
  for (const [k, v] of Object.entries(state.values)) if (v.trim()) body[k] = v.trim();
  const unfilled = missing();
  if (Object.keys(unfilled).length) {
    state.problem = new Problem(t().fixFields, unfilled);
    return render('status');
  }
  state.busy = true;
  state.problem = undefined;
  render();
  try {
    const result = await request<RegistrationResult>(`/api/public/events/${e.id}/registrations${partnerKey ? `?k=${partnerKey}` : ''}`, {
      method: 'POST',
      body,
    });
    state.view = { kind: 'event', event: e, result };
    state.values = {};
  } catch (problem) {
    state.problem = problem as Problem;
  }
  state.busy = false;
  render('status');
}

async function cancel(token: string) {
  state.busy = true;
  state.problem = undefined;
  render();
  try {
    await request<RegistrationResult>('/api/public/registration/cancel', { method: 'POST', body: { token } });
    state.view = { kind: 'cancel', token, done: true };
    history.replaceState(null, '', location.pathname);
  } catch (problem) {
    state.problem = problem as Problem;
  }
  state.busy = false;
  render('status');
}

function statusLine(): HTMLElement {
  const v = state.view;
  const text =
    state.problem?.message ??
    (v.kind === 'event' && v.result
      ? v.result.state === 'waiting'
        ? fill(t().waiting, v.result.position ?? 1)
        : t().registered
      : v.kind === 'cancel' && (v.done || v.found?.state === 'cancelled')
        ? t().cancelled
        : '');
  const kind = state.problem ? 'error' : text ? 'success' : 'empty';
  return el('p', { id: 'status', role: state.problem ? 'alert' : 'status', tabindex: -1, class: `message ${kind}` }, text);
}

function body(): (Node | null)[] {
  const v = state.view;
  if (v.kind === 'loading') return [el('p', { text: t().loading })];
  if (v.kind === 'list') {
    const more = el('button', { type: 'button', class: 'secondary', id: 'more', text: t().more, disabled: state.busy });
    more.addEventListener('click', () => void loadList(true));
    return [
      el('h1', { text: t().listTitle }),
      el('p', { text: t().listIntro }),
      statusLine(),
      v.events.length ? el('ul', { class: 'events' }, ...v.events.map(eventCard)) : state.problem ? null : el('p', { text: t().none }),
      v.cursor ? el('div', { class: 'actions' }, more) : null,
    ];
  }
  if (v.kind === 'event') {
    const e = v.event;
    return [
      el('p', {}, el('a', { href: './', text: t().back })),
      el('p', { class: 'kind', text: t().kinds[e.kind] ?? e.kind }),
      el('h1', { text: e.title }),
      facts(e),
      e.description ? el('p', { class: 'description', text: e.description }) : null,
      el('p', { class: 'state', text: t().status[e.status] ?? '' }),
      statusLine(),
      !v.result && e.status !== 'closed' ? registrationForm(e) : null,
    ];
  }
  const button = el('button', { type: 'button', disabled: state.busy, text: state.busy ? t().sending : t().cancelButton });
  button.addEventListener('click', () => void cancel(v.token));
  const intro = v.found ? fill(v.found.state === 'waiting' ? t().cancelIntroWaiting : t().cancelIntro, v.found.eventTitle) : '';
  return [
    el('h1', { text: t().cancelTitle }),
    intro && !v.done ? el('p', { text: intro }) : null,
    statusLine(),
    v.found && v.found.state !== 'cancelled' && !v.done ? el('div', { class: 'actions' }, button) : null,
    v.done || v.found?.state === 'cancelled' ? el('p', {}, el('a', { href: './', text: t().back })) : null,
  ];
}

function render(focus?: 'status' | 'lang') {
  const v = state.view;
  renderFrame(app, {
    lang: state.lang,
    title: v.kind === 'event' ? v.event.title : v.kind === 'cancel' ? t().cancelTitle : t().listTitle,
    brand: t().brand,
    language: t().language,
    languageLabel: t().languageLabel,
    onLanguage: () => {
      state.lang = state.lang === 'de' ? 'en' : 'de';
      localStorage.setItem('events-lang', state.lang);
      render('lang');
    },
    body: body(),
    privacy: t().privacy,
    busy: state.busy || v.kind === 'loading',
    focus,
  });
}

async function loadList(more: boolean) {
  const current = state.view.kind === 'list' ? state.view : { kind: 'list' as const, events: [], cursor: null };
  state.busy = true;
  try {
    const query = new URLSearchParams({ limit: '20', ...(more && current.cursor ? { cursor: current.cursor } : {}) });
    const page = await request<{ items: PublicEvent[]; nextCursor: string | null }>(`/api/public/events?${query}`);
    state.view = { kind: 'list', events: more ? [...current.events, ...page.items] : page.items, cursor: page.nextCursor };
  } catch (problem) {
    state.problem = problem as Problem;
    state.view = current;
  }
  state.busy = false;
  render();
}

async function start() {
  render();
  if (cancelToken) {
    try {
      const found = await request<RegistrationResult>('/api/public/registration', { method: 'POST', body: { token: cancelToken } });
      state.view = { kind: 'cancel', token: cancelToken, found };
    } catch {
      state.problem = new Problem(t().badLink);
      state.view = { kind: 'cancel', token: cancelToken };
    }
    return render();
  }
  if (eventId) {
    try {
      state.view = { kind: 'event', event: await request<PublicEvent>(`/api/public/events/${eventId}${partnerKey ? `?k=${partnerKey}` : ''}`) };
    } catch (problem) {
      state.problem = (problem as Problem).message === t().failed ? (problem as Problem) : new Problem(t().notFound);
      state.view = { kind: 'list', events: [], cursor: null };
    }
    return render();
  }
  await loadList(false);
}

void start();
