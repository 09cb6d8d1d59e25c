// `npm run bench`: measures the figures of docs/benchmarks.md, prints them as a table and writes bench/results.json.
import './quiet.ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { freePort, startDynamoLocal, ensureTable } from '#local/dynamodb.ts';
import { buildSite, siteIsStale } from '#local/site-build.ts';
import { measureApi } from './api.ts';
import { measureAdmin } from './admin.ts';
import { measureBundles } from './bundles.ts';
import { PROFILES } from './paired.ts';
import { costFigures } from './cost.ts';
import { measureCases } from './cases.ts';
import { measureMatching } from './matching.ts';
import { measureOffers } from './offers.ts';
import { measureMeasures } from './measures.ts';
import { measureEvents } from './events.ts';
import { measureSurveys } from './surveys.ts';
import { round } from './timing.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
import type { Figure } from './figure.ts';
const figures: Figure[] = [];
const add = (f: Figure) => {
  figures.push(f);
  process.stdout.write(`  ${f.id.padEnd(18)} ${f.name.padEnd(64)} ${String(f.value).padStart(10)} ${f.unit.padEnd(6)} ${f.goal ?? ''}\n`);
};

async function main() {
  console.log('amoN bench — figures, not timed tests (2 cores, DynamoDB Local)\n');
  // The bundle figures read the admin build: a fresh clone has none yet.
  if (siteIsStale(root, join(root, '.build/site'))) await buildSite(root);
  // `npm run bench -- --only=P7`: the first-start figures and the admin's time to interactive (P9) alone, printed and not written (results.json is a full run).
  if (process.argv.includes('--only=P7')) {
    for (const f of await startToReady()) add(f);
    return;
  }
  // `npm run bench -- --only=P10`: the cost figures again from the measured figures of the last full run (they are
  // computed from them alone), written back into bench/results.json and bench/cost.json.
  if (process.argv.includes('--only=P10')) {
    const file = join(root, 'bench/results.json');
    figures.push(...(JSON.parse(readFileSync(file, 'utf8')) as { figures: Figure[] }).figures.filter((f) => !f.id.startsWith('P10.')));
    addCost();
    writeFileSync(file, JSON.stringify({ figures: figures.map(({ goal: _goal, ...f }) => f) }, null, 2) + '\n');
    return;
  }
  // `npm run bench -- --only=P2`: the warm latency figures alone, with their profiles, printed and not written.
  if (process.argv.includes('--only=P2')) {
    await withDynamo([measureApi, measureCases, () => measureSurveys(root)]);
    printProfiles();
    return;
  }
  // `npm run bench -- --only=P3`: the bundle figures alone, printed with what each bundle is made of; they replace
  // the P3 figures of bench/results.json and bench/composition.json (the other figures stay as the last full run left them).
  if (process.argv.includes('--only=P3')) {
    const file = join(root, 'bench/results.json');
    const before = (JSON.parse(readFileSync(file, 'utf8')) as { figures: Figure[] }).figures;
    for (const f of await measureBundles(root, join(root, 'bench/composition.json'))) add(f);
    printComposition(JSON.parse(readFileSync(join(root, 'bench/composition.json'), 'utf8')) as Record<string, Record<string, number>>);
    const merged = [...before.filter((f) => !f.id.startsWith('P3.')), ...figures];
    writeFileSync(file, JSON.stringify({ figures: merged.map(({ goal: _goal, ...f }) => f) }, null, 2) + '\n');
    return;
  }

  await withDynamo([measureApi, measureCases, () => measureSurveys(root), measureMatching, measureOffers, measureMeasures, measureEvents]);
  printProfiles();
  writeFileSync(join(root, 'bench/profile.json'), JSON.stringify(PROFILES, null, 2) + '\n');
  for (const f of await apart(['bench/apart.ts', 'reports'])) add(f);
  for (const f of await apart(['bench/apart.ts', 'newsletters'])) add(f);
  for (const f of await apart(['bench/load.ts'])) add(f);
  for (const f of await measureBundles(root, join(root, 'bench/composition.json'))) add(f);
  printComposition(JSON.parse(readFileSync(join(root, 'bench/composition.json'), 'utf8')) as Record<string, Record<string, number>>);
  add(initialJs('index.html', 'P6.admin_initial_js', 'admin initial JS', '≤ 300 KB'));
  add(initialJs('survey/index.html', 'P6.survey_form_js', 'survey form JS', '≤ 60 KB'));
  for (const f of await startToReady()) add(f);
  const load = figures.find((f) => f.id === 'R.load.ratio');
  if (load) add({ ...load, id: 'P8.api_throughput', name: `API throughput at concurrency 32, mixed staff work, gateway ÷ raw (= R.load.ratio)` });
  addCost();

  writeFileSync(join(root, 'bench/results.json'), JSON.stringify({ figures: figures.map(({ goal: _goal, ...f }) => f) }, null, 2) + '\n');
  console.log('\nwritten to bench/results.json');
}

/** P10: the month's bill from the figures measured so far, with its lines printed (and written to bench/cost.json). */
function addCost() {
  const { figures: cost, bills } = costFigures(figures);
  for (const f of cost) add(f);
  for (const [name, lines] of Object.entries(bills)) {
    console.log(`\n  P10 ${name}, a month (USD, eu-central-1 list prices, no free tier):`);
    for (const l of lines) console.log(`    ${l.item.padEnd(46)} ${l.usd.toFixed(2).padStart(8)}   ${l.basis}`);
  }
  console.log('');
  writeFileSync(join(root, 'bench/cost.json'), JSON.stringify(bills, null, 2) + '\n');
}

/** Runs the in-process measurements against a DynamoDB Local of their own, one after the other. */
async function withDynamo(measures: (() => Promise<Figure[]>)[]) {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  try {
    await benchEnvironment(dynamo.endpoint);
    for (const measure of measures) for (const f of await measure()) add(f);
  } finally {
    await dynamo.stop();
  }
}

/** The handlers' environment against the bench's DynamoDB Local, and its table. */
async function benchEnvironment(endpoint: string) {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_NAME = 'bench';
  process.env.DYNAMODB_REQUEST_TIMEOUT_MS = '10000';
  process.env.DYNAMODB_CONNECT_TIMEOUT_MS = '5000';
  process.env.CORS_ORIGINS = 'http://127.0.0.1:3000';
  process.env.SEALING_SECRET = 'bench-sealing-secret-for-cursors-and-pseudonyms';
  await ensureTable(endpoint, 'bench');
}

/** Where the P2 accesses spend their CPU time: shares of self time by part, handler and raw side. */
function printProfiles() {
  console.log('\n  P2 where the time goes (CPU self time, % of busy time; bench/profile.json):');
  for (const [name, { handler, raw }] of Object.entries(PROFILES)) {
    const line = (shares: Record<string, number>) =>
      Object.entries(shares)
        .filter(([, pct]) => pct >= 1)
        .map(([part, pct]) => `${part} ${pct}`)
        .join(' · ');
    console.log(`    ${name.padEnd(20)} handler: ${line(handler)}`);
    console.log(`    ${''.padEnd(20)} raw:     ${line(raw)}`);
  }
  console.log('');
}

/** What each bundle is made of, a line per bundle, largest part first (KB, minified). */
function printComposition(compositions: Record<string, Record<string, number>>) {
  console.log('\n  P3 bundle composition (KB, minified; bench/composition.json):');
  for (const [name, parts] of Object.entries(compositions)) {
    const line = Object.entries(parts)
      .filter(([, kb]) => kb >= 1)
      .sort((a, b) => b[1] - a[1])
      .map(([part, kb]) => `${part} ${kb}`)
      .join(' · ');
    console.log(`    ${name.padEnd(22)} ${line}`);
  }
  console.log('');
}

/** Runs a bench script in a process of its own (its own DynamoDB Local and handler environment) and reads its figures. */
async function apart(args: string[]): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'amon-bench-apart-'));
  const out = join(dir, 'figures.json');
  try {
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), ...args, out], { cwd: root, stdio: 'inherit' });
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
    return JSON.parse(readFileSync(out, 'utf8')) as Figure[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** P6: the JavaScript a page loads before its first screen (entry script and its modulepreloads), gzip. */
function initialJs(page: string, id: string, name: string, goal: string): Figure {
  const site = join(root, '.build/site');
  const html = readFileSync(join(site, page), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(site, f))).length, 0);
  return { id, name: `${name}, gzip (${files.length} files)`, value: Math.round(bytes / 1024), unit: 'KB', goal };
}

/**
 * P7: `npm start` (its entry) on a fresh data folder with the admin site to build, as on a fresh clone: the time until
 * a sign-in succeeds, and until the demo data is complete; then a restart on the same data until a sign-in succeeds.
 */
async function startToReady(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'amon-bench-start-'));
  const password = 'Bench-Passwort-2026!';
  let admin: Figure[] = [];
  const once = async (waitForDemo: boolean) => {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'local/start.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DYNAMODB_PORT: String(await freePort()),
        AMON_DATA_DIR: dataDir,
        AMON_ADMIN_PASSWORD: password,
        AMON_DEMO_PASSWORD: password,
      },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    const poll = async <T>(probe: () => Promise<T | undefined>): Promise<T> => {
      for (;;) {
        if (child.exitCode !== null) throw new Error('npm start exited early');
        const value = await probe().catch(() => undefined);
        if (value !== undefined) return value;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await poll(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined));
      await poll(async () => {
        const res = await fetch(`${base}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@amon.local', password }),
        });
        return res.ok ? true : undefined;
      });
      const signIn = (performance.now() - started) / 1000;
      if (!waitForDemo) return { signIn, demo: 0, seed: 0 };
      const outcome = await poll(async () => {
        const health = (await (await fetch(`${base}/healthz`)).json()) as { demo?: { complete: boolean; failed: boolean; seconds?: number } };
        return health.demo?.failed || health.demo?.complete ? health.demo : undefined;
      });
      if (outcome.failed) throw new Error('the demo data could not be seeded');
      const demo = (performance.now() - started) / 1000;
      // P9 on the product just started, its demo data complete.
      admin = await measureAdmin(base, password);
      return { signIn, demo, seed: outcome.seconds ?? Number.NaN };
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
  };
  try {
    // A fresh clone has no admin build: the first start builds it (the figure includes the build).
    const index = join(root, '.build/site/index.html');
    if (existsSync(index)) utimesSync(index, new Date(0), new Date(0));
    const first = await once(true);
    const restart = await once(false);
    return [
      {
        id: 'P7.start_first',
        name: 'npm start to a sign-in, fresh clone (admin build, table, users)',
        value: round(first.signIn, 1),
        unit: 's',
        goal: '≤ 10 s',
      },
      { id: 'P7.demo_complete', name: 'npm start to complete demo data, fresh clone', value: round(first.demo, 1), unit: 's', goal: '≤ 30 s' },
      { id: 'P7.demo_seed', name: 'the demo seed itself, from its start to complete data', value: round(first.seed, 1), unit: 's', goal: '≤ 30 s' },
      { id: 'P7.start_restart', name: 'npm start to a sign-in, restart on existing data', value: round(restart.signIn, 1), unit: 's', goal: '≤ 10 s' },
      ...admin,
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
