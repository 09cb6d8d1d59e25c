import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADJACENT, distance } from '#shared/matching/districts.ts';
import { OCCUPATION_POINTS, occupationFit, skillLevel } from '#shared/matching/occupation.ts';
import { DISTRICTS } from '#shared/regions.ts';

const inMv = DISTRICTS.filter((d) => d !== 'outside_mv');

describe('district adjacency of Mecklenburg-Vorpommern', () => {
  it('is symmetric, has no district bordering itself, and covers every district', () => {
    expect(Object.keys(ADJACENT).sort()).toEqual([...inMv].sort());
    for (const [d, neighbours] of Object.entries(ADJACENT)) {
      expect(neighbours).not.toContain(d);
      for (const n of neighbours) expect(ADJACENT[n], `${n} ↔ ${d}`).toContain(d);
    }
  });

  it('measures steps across borders', () => {
    expect(distance('rostock_city', 'rostock_city')).toBe(0);
    expect(distance('rostock_city', 'landkreis_rostock')).toBe(1);
    expect(distance('rostock_city', 'vorpommern_greifswald')).toBe(3);
    expect(distance('schwerin_city', 'vorpommern_greifswald')).toBe(3);
    expect(distance('outside_mv', 'rostock_city')).toBeUndefined();
  });

  it('property: every district reaches every other, and the distance is symmetric', () => {
    fc.assert(
      fc.property(fc.constantFrom(...inMv), fc.constantFrom(...inMv), (a, b) => {
        const d = distance(a, b);
        expect(d).toBeDefined();
        expect(distance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});

describe('occupation fit by KldB code', () => {
  it('ranks the same code over the 4-digit and the 3-digit group', () => {
    expect(occupationFit('51312', '51312')).toBe('same');
    expect(occupationFit('51312', '51313')).toBe('group4');
    expect(occupationFit('51312', '51322')).toBe('group3');
    expect(occupationFit('51312', '24412')).toBe('none');
    expect(skillLevel('51312')).toBe(2);
  });

  it('property: points never rise as the shared prefix gets shorter', () => {
    const code = fc.stringMatching(/^[0-9]{5}$/);
    fc.assert(
      fc.property(code, code, (a, b) => {
        const points = OCCUPATION_POINTS[occupationFit(a, b)];
        const prefix = [5, 4, 3].find((n) => a.slice(0, n) === b.slice(0, n)) ?? 0;
        const worse = prefix === 5 ? OCCUPATION_POINTS.group4 : prefix === 4 ? OCCUPATION_POINTS.group3 : 0;
        expect(points).toBeGreaterThanOrEqual(worse);
      }),
    );
  });
});
