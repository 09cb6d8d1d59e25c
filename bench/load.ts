// R-load, R-fault-db and R-fault-mail: the local stack (gateway, handlers, job worker on the table stream, scheduler)
// under 32 staff sessions and 200 survey submits, with DynamoDB Local stopped for 10 s, and with the mail transport
// failing for 30 s while 240 invitations go out. bench/run.ts runs this file in a process of its own: its own
// DynamoDB Local on disk (so the database can stop and start again with its data) and its own handler environment.
// The figures go to the file named by the first argument, as JSON.
import './quiet.ts';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as lib from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable, freePort, startDynamoLocal, type DynamoLocal } from '#local/dynamodb.ts';
import type { Figure } from './figure.ts';
import { percentile, round } from './timing.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SESSIONS = 32;
const LOAD_SECONDS = 60;
const SUBMITS = 200;
const MAIL_COMPANIES = 240;
const CASES_PER_COUNSELLOR = 4;
const PASSWORD = 'Bench-Passwort-2026!';
const OUTAGE_SECONDS = 10;
const MAIL_DOWN_SECONDS = 30;

type Sample = { route: string; status: number; ms: number; at: number };
type Call = { name: string; input: unknown };

/** A tiny deterministic PRNG, so every run drives the same mix. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

async function main(out: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'amon-bench-load-'));
  const dynamoPort = await freePort();
  const port = await freePort();
  Object.assign(process.env, { PORT: String(port), DYNAMODB_PORT: String(dynamoPort), AMON_DATA_DIR: dataDir, TABLE_NAME: 'load' });
  const { localEnv, exportHandlerEnv } = await import('#local/env.ts');
  const env = localEnv(root);
  // The handlers see what `npm start` gives them: DynamoDB Local, the outbox, 14 mails a second.
  exportHandlerEnv(env);
  mkdirSync(env.outboxDir, { recursive: true });
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  let dynamo: DynamoLocal = await startDynamoLocal({ port: dynamoPort, dbPath: env.dbPath });
  try {
    await ensureTable(dynamo.endpoint, env.TABLE_NAME);
    const figures = await measure(env, {
      stop: () => dynamo.stop(),
      start: async () => {
        dynamo = await startDynamoLocal({ port: dynamoPort, dbPath: env.dbPath });
      },
    });
    writeFileSync(out, JSON.stringify(figures));
  } finally {
    await dynamo.stop();
  }
}

async function measure(env: import('#local/env.ts').LocalEnv, database$: { stop: () => Promise<void>; start: () => Promise<void> }): Promise<Figure[]> {
  const [
    { database },
    { RESOURCES },
    { JOBS },
    { createGateway },
    { localSignIn },
    { startScheduler },
    { startStreamRunner },
    { matchesJobFilter },
    { processBatch },
    { userRepository },
    { hashPassword },
    { occupationsService },
    { companiesService },
    { surveysService },
    { seedJobRunner },
    { LinkBox },
    { aCampaign, aCase, aCompany, aMember },
    { getItem, queryAll },
    { keys },
    { patterns },
    { CASE_STATUSES },
    { jobRepository },
  ] = await Promise.all([
    import('#functions/clients.ts'),
    import('#functions/registry.ts'),
    import('#functions/jobs.ts'),
    import('#local/gateway.ts'),
    import('#local/signin.ts'),
    import('#local/scheduler.ts'),
    import('#local/streams.ts'),
    import('#functions/jobs/stream.ts'),
    import('#functions/jobs/worker/handler.ts'),
    import('#shared/users/repository.ts'),
    import('#shared/users/password.ts'),
    import('#shared/occupations/domain.ts'),
    import('#shared/companies/domain.ts'),
    import('#shared/surveys/domain.ts'),
    import('#local/seed/jobs.ts'),
    import('#local/seed/surveys-data.ts'),
    import('../test/support/builders.ts'),
    import('#shared/table/access.ts'),
    import('#shared/table/keys.ts'),
    import('#shared/table/patterns.ts'),
    import('#shared/cases/schema.ts'),
    import('#shared/jobs/repository.ts'),
  ]);
  const db = database();
  const actor = { id: 'bench', email: 'bench@amon.local', roles: ['coordinator' as const] };
  const status = (line: string) => process.stdout.write(`  ${line.padEnd(70)}\r`);

  // Every DynamoDB call the handlers make while `recording` is on, to replay the same calls without the product.
  let recording = false;
  const calls: Call[] = [];
  db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (recording) calls.push({ name: context.commandName ?? 'unknown', input: structuredClone(args.input) });
      return next(args);
    },
    { step: 'initialize', name: 'benchRecorder', priority: 'high' },
  );

  // The world: shipped occupations, 32 staff accounts, 440 companies, a campaign open for 200 of them.
  status('seeding staff, companies and a campaign …');
  await occupationsService(db).seedShipped();
  const users = userRepository(db);
  const hash = await hashPassword(PASSWORD);
  const staff = Array.from({ length: SESSIONS }, (_, i) => ({
    email: `bench-${i}@amon.local`,
    role: i % 2 ? ('coordinator' as const) : ('counsellor' as const),
  }));
  for (const [i, s] of staff.entries()) {
    const now = new Date().toISOString();
    await users.insert({
      id: `01BENCHUSER${String(i).padStart(15, '0')}`,
      email: s.email,
      name: `Bench ${i}`,
      roles: [s.role],
      enabled: true,
      status: 'active',
      createdAt: now,
      updatedAt: now,
      passwordHash: hash,
    });
  }
  const companies = companiesService(db);
  const companyIds: string[] = [];
  for (let i = 0; i < SUBMITS + MAIL_COMPANIES; i += 1)
    companyIds.push((await companies.create(aCompany({ name: `Last Betrieb ${String(i).padStart(4, '0')}`, email: `last-${i}@betrieb.example` }), actor)).id);
  const links = new LinkBox();
  const surveys = surveysService(db);
  const runJob = seedJobRunner(db, links, env.siteUrl, () => new Date());
  const campaign = await surveys.create(aCampaign({ title: 'Lastprobe' }), actor);
  await surveys.invite(campaign.id, { companyIds: companyIds.slice(0, SUBMITS) }, actor);
  await runJob((await surveys.open(campaign.id, actor)).jobId);
  const tokens = Array.from({ length: SUBMITS }, (_, i) => links.token(`last-${i}@betrieb.example`)!);

  // The stack as `npm start` runs it: the gateway, the job worker on the table stream, the retry schedule.
  const signIn = await localSignIn({ db, issuer: `${env.siteUrl}/auth`, keyPath: env.keyPath });
  const server = createGateway({
    root,
    resources: RESOURCES,
    signIn,
    siteDir: env.siteDir,
    siteConfig: () => ({}),
    corsOrigins: [],
    isReady: () => true,
    // One address stands for 32 people and 200 companies here: the per-address limits are lifted.
    publicRateLimit: { capacity: 1e9, refillPerSecond: 1e9 },
    signInRateLimit: { capacity: 1e9, refillPerSecond: 1e9 },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const worker = startStreamRunner({
    endpoint: process.env.DYNAMODB_ENDPOINT!,
    tableName: env.TABLE_NAME,
    checkpointPath: env.streamCheckpointPath,
    filter: matchesJobFilter,
    handle: (batch, signal) => processBatch(batch, signal),
  });
  const scheduler = startScheduler(
    root,
    JOBS.filter((j) => j.name === 'job-retries'),
    () => undefined,
  );

  try {
    const request = async (method: string, path: string, token: string | undefined, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: token } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as Record<string, unknown> };
    };
    const signedIn = await Promise.all(
      staff.map(async (s) => {
        const res = await request('POST', '/auth/login', undefined, { email: s.email, password: PASSWORD });
        if (res.status !== 200) throw new Error(`sign-in ${s.email}: ${res.status} ${JSON.stringify(res.body)}`);
        return { ...s, token: `Bearer ${String(res.body.token)}` };
      }),
    );

    // Each person's own records: a counsellor's cases, a coordinator's network partner.
    status('creating the sessions’ records …');
    const sessions = await Promise.all(
      signedIn.map(async (s, i) => {
        const own: { id: string; version: number }[] = [];
        if (s.role === 'counsellor')
          for (let k = 0; k < CASES_PER_COUNSELLOR; k += 1) {
            const res = await request('POST', '/api/cases', s.token, aCase());
            if (res.status !== 201) throw new Error(`case: ${res.status} ${JSON.stringify(res.body)}`);
            own.push({ id: String(res.body.id), version: Number(res.body.version) });
          }
        else {
          const res = await request('POST', '/api/members', s.token, aMember({ name: `Lastpartner ${i}` }));
          if (res.status !== 201) throw new Error(`member: ${res.status} ${JSON.stringify(res.body)}`);
          own.push({ id: String(res.body.id), version: Number(res.body.version) });
        }
        return { ...s, own, random: prng(1000 + i) };
      }),
    );

    const samples: Sample[] = [];
    let started = performance.now();
    const timed = async (route: string, fn: () => Promise<{ status: number; body: Record<string, unknown> }>) => {
      const t = performance.now();
      let res: { status: number; body: Record<string, unknown> };
      try {
        res = await fn();
      } catch {
        res = { status: 0, body: {} }; // the connection failed: counted as an error apart from any status
      }
      samples.push({ route, status: res.status, ms: performance.now() - t, at: (t - started) / 1000 });
      return res;
    };
    const targets = ['intake', 'counselling', 'plan', 'qualification', 'paused', 'referred'];

    /** Reads one record and keeps its version for the next change. */
    const readVersion = async (label: string, path: string, token: string, mine: { version: number }) => {
      const res = await timed(label, () => request('GET', path, token));
      if (res.status === 200) mine.version = Number(res.body.version);
      return res;
    };

    /** One step of a person's work: mostly reading, now and then a change (70 : 30). */
    const step = async (s: (typeof sessions)[number]) => {
      const roll = s.random();
      const mine = s.own[Math.floor(s.random() * s.own.length)]!;
      if (s.role === 'counsellor') {
        if (roll < 0.25) return timed('GET /api/cases', () => request('GET', '/api/cases?limit=25', s.token));
        if (roll < 0.55) return readVersion('GET /api/cases/{id}', `/api/cases/${mine.id}`, s.token, mine);
        if (roll < 0.7) return timed('GET /api/dashboard', () => request('GET', '/api/dashboard', s.token));
        if (roll < 0.85)
          return timed('POST /api/cases/{id}/sessions', () =>
            request('POST', `/api/cases/${mine.id}/sessions`, s.token, { date: '2026-11-10', kind: 'counselling', minutes: 30, followUp: '2026-12-01' }),
          );
        if (roll < 0.97) {
          const to = targets[Math.floor(s.random() * targets.length)]!;
          const res = await timed('POST /api/cases/{id}/moves', () => request('POST', `/api/cases/${mine.id}/moves`, s.token, { to, version: mine.version }));
          if (res.status === 200) mine.version = Number(res.body.version);
          return res;
        }
        const res = await timed('POST /api/cases', () => request('POST', '/api/cases', s.token, aCase()));
        if (res.status === 201) s.own.push({ id: String(res.body.id), version: Number(res.body.version) });
        return res;
      }
      if (roll < 0.2) return timed('GET /api/members', () => request('GET', '/api/members?limit=25', s.token));
      if (roll < 0.4) return readVersion('GET /api/members/{id}', `/api/members/${mine.id}`, s.token, mine);
      if (roll < 0.55) return timed('GET /api/companies', () => request('GET', '/api/companies?limit=25', s.token));
      if (roll < 0.65) return timed('GET /api/campaigns/{id}', () => request('GET', `/api/campaigns/${campaign.id}`, s.token));
      if (roll < 0.7) return timed('GET /api/jobs', () => request('GET', '/api/jobs?limit=25', s.token));
      const res = await timed('PUT /api/members/{id}', () =>
        request('PUT', `/api/members/${mine.id}`, s.token, { ...aMember({ name: `Lastpartner ${s.email} ${mine.version}` }), version: mine.version }),
      );
      if (res.status === 200) mine.version = Number(res.body.version);
      return res;
    };
    const drive = async (seconds: number, during?: (elapsed: () => number) => Promise<void>) => {
      samples.length = 0;
      started = performance.now();
      const elapsed = () => (performance.now() - started) / 1000;
      await Promise.all([
        ...sessions.map(async (s) => {
          while (elapsed() < seconds) await step(s);
        }),
        during?.(elapsed),
      ]);
      return elapsed();
    };
    const submit = (i: number) =>
      timed('POST /api/survey/response', () =>
        request('POST', '/api/survey/response', `Survey ${tokens[i]}`, {
          answers: {
            qtraining: 'yes',
            qchannels: ['agency'],
            qstaff: 12,
            qoutlook: 3,
            qneeds: [{ occupation: '51312', headcount: 2, timeframe: 'now', lowSkilled: true, migrant: true }],
          },
        }),
      );
    const wait = (seconds: number, elapsed: () => number) => new Promise((r) => setTimeout(r, Math.max(0, (seconds - elapsed()) * 1000)));

    // Warm-up: every route once per person, so modules are loaded and connections open.
    for (let k = 0; k < 6; k += 1) await Promise.all(sessions.map(step));

    // R-load: 60 s of 32 people at work; 20 s in, 200 companies answer at once.
    status(`R-load: ${SESSIONS} sessions for ${LOAD_SECONDS} s, ${SUBMITS} submits at 20 s …`);
    recording = true;
    calls.length = 0;
    const loadSeconds = await drive(LOAD_SECONDS, async (elapsed) => {
      await wait(20, elapsed);
      await Promise.all(Array.from({ length: SUBMITS }, (_, i) => submit(i)));
    });
    recording = false;
    const load = [...samples];
    const recorded = [...calls];

    // The same DynamoDB calls without the product: the same concurrency (the 32 sessions), straight to DynamoDB Local.
    status(`R-load: replaying ${recorded.length} DynamoDB calls raw …`);
    const rawSeconds = await replay(recorded, SESSIONS, lib, process.env.DYNAMODB_ENDPOINT!);

    // R-fault-db: 15 s of work, DynamoDB Local stopped for 10 s, started again on its data, 20 s more.
    status('R-fault-db: DynamoDB Local stopped for 10 s under load …');
    let down = 0;
    let up = 0;
    await drive(45, async (elapsed) => {
      await wait(15, elapsed);
      down = elapsed();
      await database$.stop();
      await wait(15 + OUTAGE_SECONDS, elapsed);
      await database$.start();
      up = elapsed();
    });
    const fault = [...samples];
    const recovered = fault.find((s) => s.at >= up && s.status >= 200 && s.status < 300);
    const settledAfter = up + 5;

    // Counters against a recount of what is stored.
    const cases = await queryAll(db, patterns.casesByUpdate.of());
    const counters = (await getItem(db, keys.counters(), true))!;
    const mismatches = [
      Number(counters.cases ?? 0) !== cases.length,
      ...CASE_STATUSES.map((st) => Number(counters[`status_${st}`] ?? 0) !== cases.filter((c) => c.status === st).length),
    ].filter(Boolean).length;
    const invitations = await queryAll(db, patterns.invitationsOfCampaign.of(campaign.id));
    const campaignNow = (await getItem(db, keys.campaign(campaign.id), true))!;
    const submittedMismatch = Number(campaignNow.submitted ?? 0) !== invitations.filter((inv) => inv.state === 'submitted').length ? 1 : 0;

    // R-fault-mail: a coordinator opens a campaign for 240 companies; the mail transport fails for its first 30 s.
    status(`R-fault-mail: ${MAIL_COMPANIES} invitations, mail down for ${MAIL_DOWN_SECONDS} s …`);
    const coordinator = sessions.find((s) => s.role === 'coordinator')!;
    const created = await request('POST', '/api/campaigns', coordinator.token, aCampaign({ title: 'Ausfallprobe Versand' }));
    const mailIds = companyIds.slice(SUBMITS);
    const invited = await request('POST', `/api/campaigns/${String(created.body.id)}/invitations`, coordinator.token, { companyIds: mailIds });
    if (invited.status !== 200) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
    const { withMailDown } = await import('../test/support/outbox.ts');
    const mailStart = performance.now();
    let jobId = '';
    await withMailDown(env.outboxDir, async () => {
      const opened = await request('POST', `/api/campaigns/${String(created.body.id)}/open`, coordinator.token);
      if (opened.status !== 200) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
      jobId = String(opened.body.jobId);
      await new Promise((r) => setTimeout(r, MAIL_DOWN_SECONDS * 1000));
    });
    const jobs = jobRepository(db);
    let job = await jobs.get(jobId);
    const deadline = Date.now() + 10 * 60_000;
    while (job?.status === 'running' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      job = await jobs.get(jobId);
    }
    const mailSeconds = (performance.now() - mailStart) / 1000;
    const items = await queryAll(db, patterns.jobItems.of(jobId));
    const retried = items.filter((i) => Number(i.attempts ?? 0) > 1).length;
    const files = readdirSync(env.outboxDir).filter((f) => f.includes('survey-'));
    const perCompany = mailIds.map((_, k) => files.filter((f) => f.endsWith(`-last-${SUBMITS + k}@betrieb.example.eml`)).length);

    return [
      ...loadFigures(load, loadSeconds, recorded.length, rawSeconds),
      {
        id: 'R.fault_db.5xx_other',
        name: `R-fault-db: answers other than 503 among the 5xx (DynamoDB Local down ${OUTAGE_SECONDS} s)`,
        value: fault.filter((s) => (s.status >= 500 && s.status !== 503) || s.status === 0).length,
        unit: 'count',
        goal: '= 0',
      },
      {
        id: 'R.fault_db.503',
        name: 'R-fault-db: 503 answers while the database was down',
        value: fault.filter((s) => s.status === 503 && s.at >= down && s.at <= up).length,
        unit: 'count',
        goal: '> 0',
      },
      {
        id: 'R.fault_db.recovery',
        name: 'R-fault-db: seconds from the database answering again to the next 2xx',
        value: recovered ? round(recovered.at + recovered.ms / 1000 - up, 2) : -1,
        unit: 's',
        goal: '≤ 5 s',
      },
      {
        id: 'R.fault_db.5xx_after',
        name: 'R-fault-db: 5xx answers from 5 s after the database is back',
        value: fault.filter((s) => s.at >= settledAfter && (s.status >= 500 || s.status === 0)).length,
        unit: 'count',
        goal: '= 0',
      },
      {
        id: 'R.fault_db.counters',
        name: `R-fault-db: counters unequal to a recount (${cases.length} cases by status, ${invitations.length} invitations)`,
        value: mismatches + submittedMismatch,
        unit: 'count',
        goal: '= 0',
      },
      {
        id: 'R.fault_mail.one_each',
        name: `R-fault-mail: companies without exactly one invitation (of ${MAIL_COMPANIES}; job ${job?.status}, ${job?.done}/${job?.total})`,
        value: perCompany.filter((n) => n !== 1).length,
        unit: 'count',
        goal: '= 0',
      },
      {
        id: 'R.fault_mail.retried',
        name: `R-fault-mail: invitations sent on a retry after the transport failed ${MAIL_DOWN_SECONDS} s`,
        value: retried,
        unit: 'count',
      },
      {
        id: 'R.fault_mail.seconds',
        name: `R-fault-mail: seconds until all ${MAIL_COMPANIES} invitations were out (14 mails/s, retry after 30 s)`,
        value: round(mailSeconds, 1),
        unit: 's',
      },
    ];
  } finally {
    scheduler.stop();
    server.closeAllConnections();
    server.close();
    await worker.stop();
  }
}

/** p50 / p99 per route, the 5xx count and the throughput ratio. */
function loadFigures(samples: Sample[], seconds: number, callCount: number, rawSeconds: number): Figure[] {
  const routes = [...new Set(samples.map((s) => s.route))].sort();
  const perRoute = routes.flatMap((route) => {
    const ms = samples
      .filter((s) => s.route === route)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    return [
      { id: `R.load.${route}.p50`, name: `R-load p50: ${route} (n=${ms.length})`, value: round(percentile(ms, 50), 1), unit: 'ms' },
      { id: `R.load.${route}.p99`, name: `R-load p99: ${route}`, value: round(percentile(ms, 99), 1), unit: 'ms' },
    ];
  });
  const served = callCount / seconds;
  const raw = callCount / rawSeconds;
  const statuses = samples.reduce<Record<string, number>>((acc, s) => ((acc[s.status] = (acc[s.status] ?? 0) + 1), acc), {});
  return [
    {
      id: 'R.load.5xx',
      name: `R-load: 5xx answers of ${samples.length} (${SESSIONS} sessions ${LOAD_SECONDS} s + ${SUBMITS} submits; ${Object.entries(statuses)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')})`,
      value: samples.filter((s) => s.status >= 500 || s.status === 0).length,
      unit: 'count',
      goal: '= 0',
    },
    {
      id: 'R.load.requests_per_s',
      name: 'R-load: requests per second through the gateway',
      value: round(samples.length / seconds, 1),
      unit: '/s',
    },
    {
      id: 'R.load.ratio',
      name: `R-load: DynamoDB calls/s through the product ÷ the same calls raw at concurrency ${SESSIONS} (${served.toFixed(0)} ÷ ${raw.toFixed(0)}/s)`,
      value: round(served / raw),
      unit: 'ratio',
      goal: '≥ 0.5',
    },
    ...perRoute,
  ];
}

/**
 * Sends the recorded calls again with `concurrency` in flight, through a document client of its own (no product code
 * in between). A write whose condition no longer holds (it was done already) costs DynamoDB its read and check, and
 * counts as done: the replay is, if anything, cheaper than the first time.
 */
async function replay(recorded: Call[], concurrency: number, commands: Record<string, unknown>, endpoint: string): Promise<number> {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      requestHandler: new NodeHttpHandler({ httpAgent: { keepAlive: true, maxSockets: 50 } }),
    }),
    { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
  );
  type Ctor = new (input: unknown) => Parameters<typeof doc.send>[0];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < recorded.length) {
        const call = recorded[next++]!;
        // The recorder sees the low-level names (GetItemCommand) with the document client's native input (GetCommand).
        const Command = commands[call.name.replace(/Items?Command$/, 'Command')] as Ctor | undefined;
        if (!Command) throw new Error(`replay: no command ${call.name}`);
        try {
          await doc.send(new Command(call.input));
        } catch (error) {
          const name = (error as Error).name;
          if (name !== 'ConditionalCheckFailedException' && name !== 'TransactionCanceledException') throw error;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  doc.destroy();
  return seconds;
}

const out = process.argv[2];
if (!out) throw new Error('usage: tsx bench/load.ts <figures.json>');
main(out).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
