import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CEFR } from '#shared/cases/schema.ts';
import { distance } from '#shared/matching/districts.ts';
import { MATCH_STAGES, score, type NeedTerms, type Profile } from '#shared/matching/score.ts';
import { DISTRICTS } from '#shared/regions.ts';
import { TIMEFRAMES } from '#shared/surveys/questions.ts';

const TODAY = '2026-11-27';

/** A person in qualification for warehouse logistics in Rostock, without a car. */
const aProfile = (over: Partial<Profile> = {}): Profile => ({
  occupation: '51312',
  district: 'rostock_city',
  districtsReachable: [],
  car: false,
  drivingLicence: false,
  hoursAvailable: 40,
  germanLevel: 'B1',
  migrationBackground: 'yes',
  stage: 'qualification',
  ...over,
});
const aNeed = (over: Partial<NeedTerms> = {}): NeedTerms => ({
  occupation: '51312',
  district: 'rostock_city',
  timeframe: 'within6Months',
  conditions: { partTime: false, lowSkilled: false, migrant: true },
  statedOn: '2026-10-15',
  ...over,
});
const points = (p: Profile, n: NeedTerms) => Object.fromEntries(score(p, n, TODAY).components.map((c) => [c.key, c.points]));

describe('the match score, component by component', () => {
  it.each([
    ['the same code in the same district, ready in time, all conditions met', aProfile(), aNeed(), { occupation: 50, reach: 25, timeframe: 15, conditions: 8 }],
    ['the same 4-digit group at helper level', aProfile(), aNeed({ occupation: '51311' }), { occupation: 35 }],
    [
      'the same 4-digit group at specialist level (hotel clerks, KldB 63212 → 63213)',
      aProfile({ occupation: '63212' }),
      aNeed({ occupation: '63213' }),
      { occupation: 30 },
    ],
    ['the same 3-digit group', aProfile(), aNeed({ occupation: '51322' }), { occupation: 20 }],
    ['a neighbouring district without a car', aProfile(), aNeed({ district: 'landkreis_rostock' }), { reach: 5 }],
    ['a neighbouring district with car and licence', aProfile({ car: true, drivingLicence: true }), aNeed({ district: 'landkreis_rostock' }), { reach: 15 }],
    ['a car without a licence does not count', aProfile({ car: true }), aNeed({ district: 'landkreis_rostock' }), { reach: 5 }],
    ['a district named as reachable', aProfile({ districtsReachable: ['vorpommern_greifswald'] }), aNeed({ district: 'vorpommern_greifswald' }), { reach: 20 }],
    ['three districts away', aProfile({ car: true, drivingLicence: true }), aNeed({ district: 'vorpommern_greifswald' }), { reach: 0 }],
    ['a need whose timeframe has passed', aProfile(), aNeed({ timeframe: 'now', statedOn: '2026-01-10' }), { timeframe: 0 }],
    ['a plan is about 9 months from ready, 4 past a need that ends in 5', aProfile({ stage: 'plan' }), aNeed(), { timeframe: 8 }],
    ['counselling is about a year from ready, 7 past a need that ends in 5', aProfile({ stage: 'counselling' }), aNeed(), { timeframe: 3 }],
    ['a need for later has not begun yet for someone ready in 3 months', aProfile(), aNeed({ timeframe: 'later' }), { timeframe: 10 }],
    [
      'a learning venue takes a person in counselling at once',
      aProfile({ stage: 'counselling' }),
      aNeed({ conditions: { partTime: false, lowSkilled: true, migrant: true } }),
      { timeframe: 15, conditions: 10 },
    ],
    ['30 hours a week and no part time', aProfile({ hoursAvailable: 30 }), aNeed(), { conditions: 4 }],
    [
      'German below the level the work needs',
      aProfile({ germanLevel: 'A2' }),
      aNeed({ conditions: { partTime: true, lowSkilled: false, migrant: true, germanLevel: 'B1' } }),
      { conditions: 5 },
    ],
    [
      'a company that did not say it would employ migrants',
      aProfile(),
      aNeed({ conditions: { partTime: false, lowSkilled: false, migrant: false } }),
      { conditions: 7 },
    ],
  ])('%s', (_name, p, n, expected) => {
    expect(points(p, n)).toMatchObject(expected);
    const s = score(p, n, TODAY);
    expect(s.total).toBe(s.components.reduce((t, c) => t + c.points, 0));
    for (const c of s.components) {
      expect(c.points).toBeGreaterThanOrEqual(0);
      expect(c.points).toBeLessThanOrEqual(c.max);
      expect(c.reasons.length + (c.key === 'conditions' ? 1 : 0)).toBeGreaterThan(0);
    }
  });

  it('explains each component in German', () => {
    const s = score(aProfile({ car: true, drivingLicence: true }), aNeed({ occupation: '51311', district: 'landkreis_rostock' }), TODAY);
    expect(s.components.map((c) => c.reasons.join('; '))).toEqual([
      'gleiche Berufsuntergruppe 5131; Anforderungsniveau Helfer statt Fachkraft',
      'Nachbarkreis, mit eigenem Auto erreichbar',
      'Bedarf bis 15.04.2027; voraussichtlich in etwa 3 Monaten bereit',
      'offen für Beschäftigte mit Migrationsgeschichte',
    ]);
  });
});

const mv = DISTRICTS.filter((d) => d !== 'outside_mv');
const code = fc
  .tuple(fc.constantFrom('5', '2'), fc.constantFrom('1', '4'), fc.constantFrom('1', '3'), fc.constantFrom('1', '2'), fc.constantFrom('1', '2', '3', '4'))
  .map((d) => d.join(''));
const profile = fc
  .record({
    occupation: code,
    district: fc.option(fc.constantFrom(...DISTRICTS), { nil: undefined }),
    districtsReachable: fc.uniqueArray(fc.constantFrom(...DISTRICTS), { maxLength: 4 }),
    car: fc.boolean(),
    drivingLicence: fc.boolean(),
    hoursAvailable: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    germanLevel: fc.option(fc.constantFrom(...CEFR), { nil: undefined }),
    migrationBackground: fc.constantFrom('yes' as const, 'no' as const, 'not_stated' as const),
    stage: fc.constantFrom(...MATCH_STAGES),
  })
  .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Profile);
const need = fc
  .record({
    occupation: code,
    district: fc.constantFrom(...DISTRICTS),
    timeframe: fc.constantFrom(...TIMEFRAMES),
    conditions: fc.record({
      partTime: fc.boolean(),
      lowSkilled: fc.boolean(),
      migrant: fc.boolean(),
      germanLevel: fc.option(fc.constantFrom(...CEFR), { nil: undefined }),
    }),
    statedOn: fc.date({ min: new Date('2025-01-01'), max: new Date('2026-11-27'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  })
  .map((n) => ({ ...n, conditions: Object.fromEntries(Object.entries(n.conditions).filter(([, v]) => v !== undefined)) as NeedTerms['conditions'] }));
const total = (p: Profile, n: NeedTerms) => score(p, n, TODAY).total;

describe('property: the score never rises when reach gets worse or the occupation match gets weaker', () => {
  it('losing the car or the licence never raises it', () => {
    fc.assert(
      fc.property(profile, need, (p, n) => {
        expect(total({ ...p, car: false }, n)).toBeLessThanOrEqual(total(p, n));
        expect(total({ ...p, drivingLicence: false }, n)).toBeLessThanOrEqual(total(p, n));
      }),
      { numRuns: 1000 },
    );
  });

  it('taking a district off the reachable list never raises it', () => {
    fc.assert(
      fc.property(profile, need, (p, n) => {
        expect(total({ ...p, districtsReachable: p.districtsReachable.filter((d) => d !== n.district) }, n)).toBeLessThanOrEqual(total(p, n));
      }),
      { numRuns: 1000 },
    );
  });

  it('a workplace further from home never scores higher, all else equal', () => {
    fc.assert(
      fc.property(profile, need, fc.constantFrom(...mv), (p, n, other) => {
        const home = p.district;
        fc.pre(home !== undefined && home !== 'outside_mv');
        const near = distance(home, n.district) ?? Infinity;
        const far = distance(home, other) ?? Infinity;
        fc.pre(far > near && !p.districtsReachable.includes(other));
        expect(total(p, { ...n, district: other })).toBeLessThanOrEqual(total(p, n));
      }),
      { numRuns: 1000 },
    );
  });

  it('a weaker occupation match (same → 4-digit → 3-digit → other) never scores higher', () => {
    const weaker = (c: string) => [
      c,
      `${c.slice(0, 4)}${c[4] === '1' ? '2' : '1'}`,
      `${c.slice(0, 3)}${c[3] === '1' ? '2' : '1'}${c[4]}`,
      `${c[0] === '9' ? '8' : '9'}${c.slice(1)}`,
    ];
    fc.assert(
      fc.property(profile, need, (p, n) => {
        const ladder = weaker(p.occupation).map((o) => total(p, { ...n, occupation: o }));
        for (let i = 1; i < ladder.length; i++) expect(ladder[i]).toBeLessThanOrEqual(ladder[i - 1]!);
      }),
      { numRuns: 1000 },
    );
  });
});
