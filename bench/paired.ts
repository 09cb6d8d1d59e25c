// P2: a handler's warm latency against the raw SDK calls of the same access, measured so that two runs agree. Handler
// and raw calls alternate in one loop (which goes first alternates too), both warmed first, so the machine's and
// DynamoDB Local's drift falls on both sides alike; the whole measurement runs twice and both runs are reported.
import type { Figure } from './figure.ts';
import { percentile } from './timing.ts';

/**
 * A run is BLOCKS blocks of BLOCK pairs. Each block gives its own p50 and p99 ratio, and the run's ratio is the median
 * of its blocks': a pause of DynamoDB Local's JVM or of the machine lands in one block and moves the median by little,
 * where it would move one long run's p99 by much.
 */
export const BLOCKS = 7;
export const BLOCK = 400;
const WARM_UP = 200;

type Call = () => Promise<unknown>;
type Run = { h: number[]; r: number[]; ratios: Record<50 | 99, number> };

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;

/** One run: handler and raw calls alternating (which goes first alternates too), after both are warm. */
async function run(viaHandler: Call, raw: Call): Promise<Run> {
  for (let i = 0; i < WARM_UP; i += 1) {
    await viaHandler();
    await raw();
  }
  const time = async (fn: Call, into: number[]) => {
    const t = performance.now();
    await fn();
    into.push(performance.now() - t);
  };
  const all = { h: [] as number[], r: [] as number[] };
  const blocks: Record<50 | 99, number[]> = { 50: [], 99: [] };
  for (let b = 0; b < BLOCKS; b += 1) {
    const h: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < BLOCK; i += 1) {
      if (i % 2) {
        await time(viaHandler, h);
        await time(raw, r);
      } else {
        await time(raw, r);
        await time(viaHandler, h);
      }
    }
    const [hs, rs] = [sorted(h), sorted(r)];
    for (const p of [50, 99] as const) blocks[p].push(percentile(hs, p) / percentile(rs, p));
    all.h.push(...h);
    all.r.push(...r);
  }
  return { h: sorted(all.h), r: sorted(all.r), ratios: { 50: median(blocks[50]), 99: median(blocks[99]) } };
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The P2 figures of one access: handler ÷ raw at p50 and p99 (the mean of two runs; each run's ratio and the
 * milliseconds in the name), and how far the two runs lie apart (goal ≤ 0.05).
 */
export async function pairedLatency(name: string, label: string, viaHandler: Call, raw: Call): Promise<Figure[]> {
  const a = await run(viaHandler, raw);
  const b = await run(viaHandler, raw);
  PROFILES[label] = { handler: await profileShares(viaHandler), raw: await profileShares(raw) };
  const figures: Figure[] = [];
  for (const p of [50, 99] as const) {
    const [ra, rb] = [a.ratios[p], b.ratios[p]];
    figures.push({
      id: `P2.${name}_p${p}`,
      name: `handler ÷ raw SDK, ${label}, p${p} (${percentile(a.h, p).toFixed(2)} ÷ ${percentile(a.r, p).toFixed(2)} ms; runs ${r2(ra)} and ${r2(rb)})`,
      value: r2((ra + rb) / 2),
      unit: 'ratio',
      goal: '≤ 1.3',
    });
    figures.push({
      id: `P2.${name}_p${p}_runs_apart`,
      name: `two runs of ${label} p${p} (median of ${BLOCKS} blocks of ${BLOCK} pairs each): |run 1 − run 2|`,
      value: r2(Math.abs(ra - rb)),
      unit: 'ratio',
      goal: '≤ 0.05',
    });
  }
  return figures;
}

/** The CPU profile of each P2 access (handler and raw side), printed and written to bench/profile.json by run.ts. */
export const PROFILES: Record<string, { handler: Record<string, number>; raw: Record<string, number> }> = {};

/** Where a warm request's CPU time goes, by the parts the performance issue names (first matching pattern). */
const PROFILE_PARTS: [string, RegExp][] = [
  ['AWS SDK', /node_modules\/(@aws-sdk|@smithy|@aws-crypto|fast-xml-parser|tslib)\//],
  ['zod (validation)', /node_modules\/zod\//],
  ['middy', /node_modules\/@middy\//],
  ['Powertools logger', /node_modules\/@aws-lambda-powertools\//],
  ['date-fns', /node_modules\/(@date-fns|date-fns)\//],
  ['other libraries', /node_modules\//],
  ['amoN: HTTP layer (route, errors, log)', /\/functions\/http\//],
  ['amoN: table layer', /\/shared\/table\//],
  ['amoN: audit', /\/shared\/audit\//],
  ['amoN: domain and handler', /\/(shared|functions)\//],
  ['bench harness', /\/(bench|test)\//],
  ['Node (HTTP, streams, timers)', /^node:|^internal\//],
];

/**
 * A CPU profile of `rounds` calls (node:inspector, in this process): self time per part, as shares of the time that is
 * not idle. Printed with P2, and the basis of docs/benchmarks.md's "where the time goes".
 */
export async function profileShares(call: Call, rounds = 2000): Promise<Record<string, number>> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  for (let i = 0; i < rounds; i += 1) await call();
  const { profile } = (await session.post('Profiler.stop')) as unknown as {
    profile: { nodes: { id: number; callFrame: { url: string; functionName: string } }[]; samples: number[]; timeDeltas: number[] };
  };
  session.disconnect();
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parts: Record<string, number> = {};
  for (const node of profile.nodes) {
    const t = selfTime.get(node.id) ?? 0;
    if (!t) continue;
    const { url, functionName } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    const part = url
      ? (PROFILE_PARTS.find(([, re]) => re.test(url))?.[0] ?? 'other')
      : functionName === '(garbage collector)'
        ? 'garbage collection'
        : 'V8 and native';
    parts[part] = (parts[part] ?? 0) + t;
  }
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  return Object.fromEntries(
    Object.entries(parts)
      .map(([k, v]) => [k, Math.round((v / total) * 1000) / 10] as const)
      .sort((a, b) => b[1] - a[1]),
  );
}
