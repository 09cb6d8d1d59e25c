// Disclosure control for the report's breakdowns: cells of 1 or 2 are shown as "<3" (primary suppression), and
// when that leaves one hidden cell in a breakdown, a second one is hidden (secondary), so that no hidden cell can
// be worked out from the total.
//
// Every breakdown in the report splits one population whose total is published as a headline figure (new
// inquiries, qualifications, …) along one dimension. Breakdowns along different dimensions (gender, age, …) share
// only the total, and any set of margins with equal totals has a joint table behind it, so they cannot be played
// against each other. Two breakdowns of one population are nested, though: every target occupation lies in one
// occupation sector, so a sector's count is the sum of its occupations' counts. Those two are suppressed together
// (suppressNested), so that no equation of the pair (the total over the sectors, each sector over its occupations)
// is left with exactly one hidden cell. Breakdowns are deliberately not crossed: a cross
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

/**
 * Suppresses a breakdown and its refinement together: `parents` splits the total, `children` splits it finer, and
 * `parentOf` names each child's parent. The parents are suppressed as one breakdown; then in each parent's group
 * (the equation "parent = sum of its children") hidden cells are completed so that the group holds none, or at least
 * two, counting the parent when it is hidden. A group whose only hidden cell would be one child, or the parent
 * alone, would give that cell away by subtraction (a sector of 6 beside its occupations 5 and "<3").
 */
export function suppressNested(
  parents: Record<string, number>,
  children: Record<string, number>,
  parentOf: (child: string) => string,
): { parents: Breakdown; children: Breakdown } {
  const top = suppressBreakdown(parents);
  const hidden = new Set(Object.keys(children).filter((k) => isPrimary(children[k]!)));
  let secondary = 0;
  for (const parent of Object.keys(parents)) {
    const group = Object.keys(children).filter((k) => parentOf(k) === parent);
    const hiddenInGroup = group.filter((k) => hidden.has(k)).length + (top.cells[parent] === '<3' ? 1 : 0);
    if (hiddenInGroup !== 1) continue;
    // The same choice as within one breakdown: the smallest count of at least 3, else the smallest other count.
    const order = (v: number) => (v >= 3 ? 0 : 1);
    const [complement] = group.filter((k) => !hidden.has(k)).sort((a, b) => order(children[a]!) - order(children[b]!) || children[a]! - children[b]!);
    if (complement === undefined) continue;
    hidden.add(complement);
    secondary += 1;
  }
  const total = Object.values(children).reduce((a, v) => a + v, 0);
  return { parents: top, children: { cells: Object.fromEntries(Object.entries(children).map(([k, v]) => [k, hidden.has(k) ? '<3' : v])), total, secondary } };
}
