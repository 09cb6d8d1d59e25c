// The admin's catalogue: German and English hold the same keys with the same placeholders, every count is a plural,
// react-admin's own texts are all German, and a meeting's status reads as staff expect it.
import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import { appGerman } from '../../admin/src/i18n/app-de.ts';
import { appEnglish } from '../../admin/src/i18n/app-en.ts';
import { raGerman } from '../../admin/src/i18n/ra-de.ts';
import { i18nProvider } from '../../admin/src/i18n/index.ts';
import { meetingStatus } from '../../admin/src/meetings/status.ts';
import type { Meeting } from '#shared/meetings/schema.ts';

type Tree = { [key: string]: string | Tree };

/** Every key of a nested catalogue as a dotted path, with its text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The keys present in one catalogue and missing in the other. */
function missingKeys(a: Tree, b: Tree): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const fa = flatten(a);
  const fb = flatten(b);
  return { onlyInFirst: [...fa.keys()].filter((k) => !fb.has(k)), onlyInSecond: [...fb.keys()].filter((k) => !fa.has(k)) };
}

describe('the admin catalogue', () => {
  const de = flatten(appGerman);
  const en = flatten(appEnglish);

  it('has every key in German and in English', () => {
    expect(missingKeys(appGerman as unknown as Tree, appEnglish as unknown as Tree)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  });

  it('finds a key missing in one language (the check itself can fail)', () => {
    const german = { amon: { a: 'eins', b: { c: 'zwei' } } };
    expect(missingKeys(german, { amon: { a: 'one', b: {} } })).toEqual({ onlyInFirst: ['amon.b.c'], onlyInSecond: [] });
  });

  it('has no empty text, and the same placeholders in both languages', () => {
    for (const [key, text] of de) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('gives every count a singular and a plural form', () => {
    for (const [key, text] of [...de, ...[...en].map(([k, v]) => [`en:${k}`, v] as const)])
      if (text.includes('%{smart_count}')) expect(text.split('||||').length, key).toBe(2);
  });

  it('has all of react-admin’s own texts in German', () => {
    const ra = flatten(englishMessages as unknown as Tree);
    const german = flatten(raGerman as unknown as Tree);
    expect([...ra.keys()].filter((k) => !german.has(k))).toEqual([]);
  });

  it('says "1 Betrieb", not "1 Betriebe"', async () => {
    await i18nProvider.changeLocale('de');
    expect(i18nProvider.translate('amon.jobs.invited', { smart_count: 1 })).toBe('Ein Betrieb eingeladen');
    expect(i18nProvider.translate('amon.jobs.invited', { smart_count: 3 })).toBe('3 Betriebe eingeladen');
  });
});

describe('a meeting’s status', () => {
  const t = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
  const base = {
    cancelledAt: undefined,
    invitationsSentAt: '2026-11-01T09:00:00.000Z',
    startsAt: '2026-11-10T10:00',
    endsAt: '2026-11-10T12:00',
    invitees: [],
  } as unknown as Meeting;
  const now = new Date('2026-12-06T12:00:00Z');

  it('reads "stattgefunden" once it is over, with how many partners came', () => {
    expect(meetingStatus(base, t, now)).toBe('stattgefunden');
    const invitees = [
      { memberId: 'a', name: 'A', contacts: [], attendance: 'present' },
      { memberId: 'b', name: 'B', contacts: [], attendance: 'present' },
      { memberId: 'c', name: 'C', contacts: [], attendance: 'excused' },
    ];
    expect(meetingStatus({ ...base, invitees } as Meeting, t, now)).toBe('stattgefunden, 2 Partner anwesend');
    expect(meetingStatus({ ...base, invitees: invitees.slice(0, 1) } as Meeting, t, now)).toBe('stattgefunden, ein Partner anwesend');
  });

  it('reads "abgesagt" when called off, "eingeladen" before it, and "geplant" before the invitations', () => {
    expect(meetingStatus({ ...base, cancelledAt: '2026-11-05T09:00:00.000Z' }, t, now)).toBe('abgesagt');
    const upcoming = { ...base, startsAt: '2026-12-20T10:00', endsAt: '2026-12-20T12:00' };
    expect(meetingStatus(upcoming, t, now)).toBe('eingeladen');
    expect(meetingStatus({ ...upcoming, invitationsSentAt: undefined }, t, now)).toBe('geplant');
  });
});
