// What the public pages without a sign-in share (event registration, newsletter): a problem the page shows with the
// fields it names, the JSON request to the public API that turns every failure into one, and the page's frame
// (brand, language switch, body, privacy line) with the focus where the reader needs it after a change.
import { el } from '../survey/fields.ts';

/** What went wrong, as the page shows it: a message and the fields it names. */
export class Problem extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type RequestTexts = { networkError: string; tooMany: string; fixFields: string; failed: string };

/** A request to the public API; a failure becomes the message (and field errors) the page shows. */
export async function requestJson<T>(texts: RequestTexts, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'omit',
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch {
    throw new Problem(texts.networkError);
  }
  const body = (await res.json().catch(() => undefined)) as { error?: { message?: string; fields?: { path: string; message: string }[] } } | undefined;
  if (res.ok && body) return body as T;
  if (res.status === 429) throw new Problem(texts.tooMany);
  const fields = Object.fromEntries((body?.error?.fields ?? []).map((f) => [f.path, f.message]));
  const message = res.status === 400 ? texts.fixFields : res.status < 500 && body?.error?.message ? body.error.message : texts.failed;
  throw new Problem(message, fields);
}

export type Frame = {
  lang: 'de' | 'en';
  title: string;
  brand: string;
  /** The switch's text (the other language's name) and its accessible name. */
  language: string;
  languageLabel: string;
  onLanguage: () => void;
  body: (Node | null)[];
  privacy: string;
  busy: boolean;
  /** After a language switch the focus stays on the switch; after an answer it goes to the first wrong field or the message. */
  focus?: 'status' | 'lang' | undefined;
};

/** Draws the page into `app`. */
export function renderFrame(app: HTMLElement, f: Frame): void {
  document.documentElement.lang = f.lang;
  document.title = `${f.title} – amoN`;
  const toggle = el('button', { type: 'button', class: 'lang', lang: f.lang === 'de' ? 'en' : 'de', 'aria-label': f.languageLabel, text: f.language });
  toggle.addEventListener('click', f.onLanguage);
  const parts = [
    el('header', {}, el('span', { class: 'brand', text: f.brand }), toggle),
    ...f.body,
    el('footer', {}, el('p', { class: 'hint', text: f.privacy })),
  ];
  app.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  app.setAttribute('aria-busy', String(f.busy));
  if (f.focus === 'lang') app.querySelector<HTMLElement>('button.lang')?.focus();
  else if (f.focus === 'status') {
    const firstInvalid = app.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? app.querySelector<HTMLElement>('#status'))?.focus();
  }
}
