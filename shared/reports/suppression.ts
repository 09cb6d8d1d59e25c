// Disclosure control for the report's breakdowns: cells of 1 or 2 are shown as "<3" (primary suppression), and
// when that leaves one hidden cell in a breakdown, a second one is hidden (secondary), so that no hidden cell can
// be worked out from the total.
//
// Every breakdown in the report splits one population whose total is published as a headline figure (new
// inquiries, qualifications, …) along one dimension. Breakdowns are deliberately one-dimensional: a cross
// table with row and column totals can disclose a hidden cell through a chain of totals even when every line
// hides two cells. In [[2,1,2],[1,0,0],[1,0,0]], hiding each 1 and 2 leaves two hidden cells per line, yet rows
// 2 and 3 add up to the total minus row 1, so column 1 gives its first cell away. One-dimensional splits cannot.

/** A published cell: a count, or hidden. */
export type Cell = number | '<3';

export type Breakdown = { cells: Record<string, Cell>; total: number; secondary: number };

const isPrimary = (n: number) => n === 1 || n === 2;

/**
 * Suppresses the counts of one breakdown whose total is published. If exactly one cell is hidden, the total would
 * give it away, so another is hidden: the smallest count of at least 3 (the hidden sum then leaves the widest
 * doubt), otherwise the smallest other count (a 0 hidden next to a 1 leaves open which of the two is the 1).
 */
export function suppressBreakdown(counts: Record<string, number>): Breakdown {
  const entries = Object.entries(counts);
  const total = entries.reduce((a, [, v]) => a + v, 0);
  const hidden = new Set(entries.filter(([, v]) => isPrimary(v)).map(([k]) => k));
  let secondary = 0;
  if (hidden.size === 1) {
    const order = (v: number) => (v >= 3 ? 0 : 1);
    const [complement] = entries.filter(([k]) => !hidden.has(k)).sort(([, a], [, b]) => order(a) - order(b) || a - b);
    if (complement) {
      hidden.add(complement[0]);
      secondary = 1;
    }
  }
  return { cells: Object.fromEntries(entries.map(([k, v]) => [k, hidden.has(k) ? '<3' : v])), total, secondary };
}
