// The public offer catalogue: current offers of the network's training providers, filtered by occupation (or its
// 3-digit group) and district, with no sign-in and nothing personal. The filter is in the address, so the
// programme's website can link to one occupation's offers (/katalog/?beruf=513&kreis=rostock_city).
import type { PublicOffer } from '#shared/offers/schema.ts';
import { groupTitle } from '#shared/occupations/groups.ts';
import { OCCUPATION_TITLES } from '#shared/occupations/catalogue.ts';
import { DISTRICTS, DISTRICT_LABELS } from '#shared/regions.ts';
import { el } from '../survey/fields.ts';
import { fill, plural, TEXTS, type Lang } from './texts.ts';
import '../survey/style.css';
import './style.css';

const PAGE = 20;
const params = new URLSearchParams(location.search);
const state: {
  lang: Lang;
  occupation: string;
  district: string;
  offers: PublicOffer[];
  cursor: string | null;
  loading: boolean;
  error?: string;
} = {
  lang: (localStorage.getItem('catalogue-lang') ?? (navigator.language.toLowerCase().startsWith('en') ? 'en' : 'de')) === 'en' ? 'en' : 'de',
  occupation: /^\d{3,5}$/.test(params.get('beruf') ?? '') ? params.get('beruf')! : '',
  district: (DISTRICTS as readonly string[]).includes(params.get('kreis') ?? '') ? params.get('kreis')! : '',
  offers: [],
  cursor: null,
  loading: false,
};
const app = document.getElementById('app')!;

/** The occupations of the list by 3-digit group: each group can be chosen whole, or one occupation in it. */
const GROUPS = (() => {
  const groups = new Map<string, [string, string][]>();
  for (const [code, title] of [...OCCUPATION_TITLES].sort((a, b) => a[0].localeCompare(b[0]))) {
    const group = code.slice(0, 3);
    groups.set(group, [...(groups.get(group) ?? []), [code, title]]);
  }
  return [...groups];
})();

const formatDate = (iso: string) =>
  new Intl.DateTimeFormat(state.lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
const formatEuro = (n: number) => new Intl.NumberFormat(state.lang === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(n);

async function load(more: boolean, focus = true) {
  const t = TEXTS[state.lang];
  state.loading = true;
  state.error = undefined;
  render();
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (state.occupation) query.set('occupation', state.occupation);
  if (state.district) query.set('district', state.district);
  if (more && state.cursor) query.set('cursor', state.cursor);
  try {
    const res = await fetch(`/api/catalogue?${query}`, { credentials: 'omit', headers: { accept: 'application/json' } });
    const body = (await res.json().catch(() => undefined)) as { items: PublicOffer[]; nextCursor: string | null } | undefined;
    if (!res.ok || !body || !Array.isArray(body.items)) {
      state.error = res.status === 429 ? t.tooMany : t.failed;
    } else {
      state.offers = more ? [...state.offers, ...body.items] : body.items;
      state.cursor = body.nextCursor;
    }
  } catch {
    state.error = t.networkError;
  }
  state.loading = false;
  render(focus ? (more ? 'more' : 'status') : undefined);
}

function select(id: string, label: string, options: (HTMLOptionElement | HTMLOptGroupElement)[], value: string, onChange: (v: string) => void) {
  const control = el('select', { id, name: id }, ...options);
  control.value = value;
  control.addEventListener('change', () => onChange(control.value));
  return el('div', { class: 'filter' }, el('label', { for: id, text: label }), control);
}

function offerCard(o: PublicOffer) {
  const t = TEXTS[state.lang];
  const fact = (term: string, value: string) => [el('dt', { text: term }), el('dd', { text: value })];
  const occupation = o.occupationTitle ? `${o.occupationTitle} (KldB ${o.occupationCode})` : `KldB ${o.occupationCode}`;
  return el(
    'li',
    {},
    el(
      'article',
      { 'aria-labelledby': `offer-${o.id}` },
      el('h2', { id: `offer-${o.id}`, text: o.title }),
      el('p', { class: 'occupation', text: occupation }),
      el(
        'dl',
        {},
        ...fact(t.provider, o.providerName),
        ...fact(t.kind, t.kinds[o.kind] ?? o.kind),
        ...fact(t.hours, fill(t.hoursValue, o.hours)),
        ...fact(t.format, t.formats[o.format] ?? o.format),
        ...fact(t.places, String(o.places)),
        ...fact(t.starts, o.startDates.map(formatDate).join(', ')),
        ...fact(t.where, `${o.place} (${DISTRICT_LABELS[o.district]})`),
        ...fact(t.cost, o.costEuro === undefined ? t.costFree : formatEuro(o.costEuro)),
      ),
      o.azav ? el('p', { class: 'badge', text: t.azav }) : null,
      o.description ? el('p', { class: 'description', text: o.description }) : null,
    ),
  );
}

function render(focus?: 'status' | 'more' | 'lang') {
  const t = TEXTS[state.lang];
  document.documentElement.lang = state.lang;
  document.title = `${t.title} – amoN`;
  const toggle = el('button', { type: 'button', class: 'lang', lang: state.lang === 'de' ? 'en' : 'de', 'aria-label': t.languageLabel, text: t.language });
  toggle.addEventListener('click', () => {
    state.lang = state.lang === 'de' ? 'en' : 'de';
    localStorage.setItem('catalogue-lang', state.lang);
    render('lang');
  });

  const occupationOptions = [
    el('option', { value: '', text: t.allOccupations }),
    ...GROUPS.map(([group, occupations]) =>
      el(
        'optgroup',
        { label: `${groupTitle(group) ?? group} (${group})` },
        el('option', { value: group, text: fill(t.wholeGroup, groupTitle(group) ?? group) }),
        ...occupations.map(([code, title]) => el('option', { value: code, text: `${title} (${code})` })),
      ),
    ),
  ];
  const districtOptions = [el('option', { value: '', text: t.allDistricts }), ...DISTRICTS.map((d) => el('option', { value: d, text: DISTRICT_LABELS[d] }))];
  const form = el(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t.filters },
    select('beruf', t.occupation, occupationOptions, state.occupation, (v) => (state.occupation = v)),
    select('kreis', t.district, districtOptions, state.district, (v) => (state.district = v)),
    el('button', { type: 'submit', text: t.show }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const query = new URLSearchParams();
    if (state.occupation) query.set('beruf', state.occupation);
    if (state.district) query.set('kreis', state.district);
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
    void load(false, false);
  });

  const statusText =
    state.error ??
    (state.loading
      ? t.loading
      : state.offers.length === 0
        ? t.none
        : state.cursor
          ? fill(t.countMore, state.offers.length)
          : plural(t.count, state.offers.length));
  const status = el('p', { id: 'status', role: state.error ? 'alert' : 'status', tabindex: -1, class: state.error ? 'message error' : 'count' }, statusText);
  const more = el('button', { type: 'button', class: 'secondary', id: 'more', text: t.more, disabled: state.loading });
  more.addEventListener('click', () => void load(true));

  const parts: (Node | null)[] = [
    el('header', {}, el('span', { class: 'brand', text: t.brand }), toggle),
    el('h1', { text: t.title }),
    el('p', { text: t.intro }),
    form,
    status,
    state.offers.length ? el('ul', { class: 'offers' }, ...state.offers.map(offerCard)) : null,
    state.cursor ? el('div', { class: 'actions' }, more) : null,
    el('footer', {}, el('p', { class: 'hint', text: t.privacy })),
  ];
  app.replaceChildren(...parts.filter((p): p is Node => p !== null));
  app.setAttribute('aria-busy', String(state.loading));
  if (focus === 'lang') app.querySelector<HTMLElement>('button.lang')?.focus();
  else if (focus === 'more') (app.querySelector<HTMLElement>('#more') ?? status).focus();
  else if (focus === 'status') status.focus();
}

void load(false, false);
