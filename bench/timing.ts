// Timing helpers of the bench: warm-up, then timed rounds, sorted for percentiles.
export const ROUNDS = 400;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function timings(fn: () => Promise<unknown>, rounds = ROUNDS): Promise<number[]> {
  for (let i = 0; i < 50; i += 1) await fn();
  const out: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
