import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForSearch } from '#shared/text.ts';
import { MemberInput, MEMBER_KINDS } from '#shared/members/schema.ts';
import { parseGroups } from '#functions/http/route.ts';
import { berlinDate, berlinMonth } from '#shared/time.ts';
import { decodeCursor, encodeCursor } from '#shared/table/access.ts';
import { changedFields } from '#shared/audit/entry.ts';

describe('search folding', () => {
  it.each([
    ['Müller-Lüdenscheidt GmbH', 'mueller luedenscheidt gmbh'],
    ['ÖSTERREICH', 'oesterreich'],
    ['Straße', 'strasse'],
    ['Diên Hông', 'dien hong'],
    ['  IHK  zu   Rostock ', 'ihk zu rostock'],
  ])('%s folds to %s', (input, folded) => expect(foldForSearch(input)).toBe(folded));

  it('is idempotent, and a folded prefix of a name is a prefix of the folded name', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zÄÖÜäöüß]{1,12}$/), fc.stringMatching(/^[a-zäöü ]{0,12}$/), (head, tail) => {
        expect(foldForSearch(head + tail).startsWith(foldForSearch(head))).toBe(true);
      }),
    );
  });
});

describe('the member schema', () => {
  const valid = { name: 'IHK zu Rostock', kind: 'chamber' };

  it('accepts a minimal member and fills defaults', () => {
    expect(MemberInput.parse(valid)).toMatchObject({ contacts: [], networks: [], steeringCommittee: false, digestSubscribed: false });
  });

  it('refuses any unknown key', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((k) => !(k in MemberInput.shape) && k !== '__proto__'),
        (key) => {
          expect(MemberInput.safeParse({ ...valid, [key]: 1 }).success).toBe(false);
        },
      ),
    );
  });

  it('bounds every text and list', () => {
    expect(MemberInput.safeParse({ ...valid, name: 'x'.repeat(201) }).success).toBe(false);
    expect(MemberInput.safeParse({ ...valid, notes: 'x'.repeat(4001) }).success).toBe(false);
    expect(MemberInput.safeParse({ ...valid, contacts: Array.from({ length: 21 }, () => ({ name: 'A' })) }).success).toBe(false);
    expect(MemberInput.safeParse({ ...valid, address: { postcode: '1805' } }).success).toBe(false);
  });

  it('accepts any known kind and refuses anything else', () => {
    fc.assert(
      fc.property(fc.string(), (kind) => {
        expect(MemberInput.safeParse({ ...valid, kind }).success).toBe((MEMBER_KINDS as readonly string[]).includes(kind));
      }),
    );
  });
});

describe('roles from the authorizer', () => {
  it('reads API Gateway’s "[a b]" form and real arrays, ignoring unknown groups', () => {
    expect(parseGroups('[admin counsellor]')).toEqual(['admin', 'counsellor']);
    expect(parseGroups(['coordinator', 'visitor'])).toEqual(['coordinator']);
    expect(parseGroups(undefined)).toEqual([]);
  });
});

describe('Berlin dates', () => {
  it('a UTC evening on the last day of a month belongs to the next Berlin month', () => {
    expect(berlinMonth(new Date('2026-10-31T23:30:00Z'))).toBe('2026-11');
    expect(berlinDate(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
    expect(berlinDate(new Date('2026-07-15T21:59:00Z'))).toBe('2026-07-15');
  });
});

describe('cursors', () => {
  it('round-trip, and are refused for another partition or when tampered with', () => {
    const key = { pk: 'MEMBER#1', sk: 'MEMBER', gsi2pk: 'MEMBERS#KIND#chamber', gsi2sk: 'ihk#1' };
    const cursor = encodeCursor(key);
    expect(decodeCursor(cursor, 'gsi2pk', 'MEMBERS#KIND#chamber')).toEqual(key);
    expect(() => decodeCursor(cursor, 'gsi2pk', 'MEMBERS#KIND#union')).toThrow();
    expect(() => decodeCursor('%%%', 'gsi2pk', 'x')).toThrow();
    fc.assert(fc.property(fc.string(), (junk) => void expect(() => decodeCursor(junk, 'gsi1pk', 'MEMBERS')).toThrow()));
  });
});

describe('audit fields', () => {
  it('names the changed fields and never version or updatedAt', () => {
    expect(changedFields({ a: 1, b: [1], version: 1, updatedAt: 'x' }, { a: 1, b: [2], c: 3, version: 2, updatedAt: 'y' })).toEqual(['b', 'c']);
  });
});
