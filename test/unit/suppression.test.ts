import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressBreakdown, type Breakdown } from '#shared/reports/suppression.ts';

/**
 * What someone holding the published breakdown and its total can work out: every assignment of non-negative whole
 * numbers to the hidden cells that adds up to the total. Returns, per hidden cell, the values it can take; a cell
 * with a single possible value is disclosed.
 */
function possibleValues(b: Breakdown): Map<string, Set<number>> {
  const hidden = Object.keys(b.cells).filter((k) => b.cells[k] === '<3');
  const rest = b.total - Object.values(b.cells).reduce<number>((a, c) => a + (c === '<3' ? 0 : c), 0);
  const values = new Map(hidden.map((k) => [k, new Set<number>()]));
  const chosen: number[] = [];
  const search = (i: number, left: number) => {
    if (i === hidden.length) {
      if (left === 0) hidden.forEach((k, n) => values.get(k)!.add(chosen[n]!));
      return;
    }
    for (let v = 0; v <= left; v++) {
      chosen[i] = v;
      search(i + 1, left - v);
    }
  };
  search(0, rest);
  return values;
}

const count = fc.oneof(fc.constant(0), fc.constant(1), fc.constant(2), fc.integer({ min: 0, max: 40 }));
const breakdown = fc.array(count, { minLength: 2, maxLength: 8 }).map((vs) => Object.fromEntries(vs.map((v, i) => [`k${i}`, v])));

describe('disclosure control', () => {
  it('shows "<3" for 1 and 2, hides a second cell when one would be alone, and keeps the total', () => {
    expect(suppressBreakdown({ female: 1, male: 14, diverse: 0, not_stated: 6 })).toEqual({ cells: { female: '<3', male: 14, diverse: 0, not_stated: '<3' }, total: 21, secondary: 1 });
    expect(suppressBreakdown({ a: 5, b: 7, c: 0 })).toEqual({ cells: { a: 5, b: 7, c: 0 }, total: 12, secondary: 0 });
    expect(suppressBreakdown({ a: 1, b: 2, c: 9 }).cells).toEqual({ a: '<3', b: '<3', c: 9 });
    // Only zeros to pair with: a hidden 0 next to the 1 leaves open which of the two it is.
    expect(suppressBreakdown({ a: 1, b: 0, c: 0 }).cells).toEqual({ a: '<3', b: '<3', c: 0 });
  });

  it('property: no published cell is 1 or 2', () => {
    fc.assert(
      fc.property(breakdown, (counts) => {
        const b = suppressBreakdown(counts);
        expect(Object.values(b.cells).filter((c) => c === 1 || c === 2)).toEqual([]);
        expect(b.total).toBe(Object.values(counts).reduce((a, v) => a + v, 0));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: no hidden cell can be worked out from the published cells and the total', () => {
    fc.assert(
      fc.property(breakdown, (counts) => {
        const b = suppressBreakdown(counts);
        for (const [cell, options] of possibleValues(b)) {
          expect(options.size, `${cell} of ${JSON.stringify(counts)} → ${JSON.stringify(b.cells)}`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
