// A small deterministic PRNG (mulberry32), so every fresh start shows the same demo.

export type Random = ReturnType<typeof random>;

export function random(seed: number) {
  let t = seed;
  const next = () => {
    t += 0x6d2b79f5;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
    int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)),
    /** A few distinct items of `list`. */
    some: <T>(list: readonly T[], n: number) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, Math.max(0, n));
    },
  };
}
