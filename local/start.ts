// `npm start`: the whole product on one machine — DynamoDB Local on disk, API, sign-in, admin, survey form, outbox, scheduler, demo data.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertPortFree, enableStream, ensureTable, startDynamoLocal, StartupError, type DynamoLocal } from './dynamodb.ts';
import { isAnswering } from './runtime.ts';
import { exportHandlerEnv, localEnv } from './env.ts';
import type { DemoState } from './seed/index.ts';

const started = performance.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stdout.write(`[amon] ${line}\n`);

let dynamo: DynamoLocal | undefined;
let shuttingDown = false;

async function main() {
  const env = localEnv(root);
  exportHandlerEnv(env);
  mkdirSync(env.dataDir, { recursive: true });
  // The outbox is where a person looks for the mails; it is there from the start, empty until something is sent.
  mkdirSync(env.outboxDir, { recursive: true });
  await assertPortFree(env.PORT, 'API and admin (PORT)');

  // Handler modules read the environment when first imported, so they load only after exportHandlerEnv.
  const [
    { siteIsStale, buildSite },
    { database },
    { RESOURCES },
    { JOBS },
    { createGateway },
    { localSignIn },
    { ensureUsers },
    { seedDemo, terminalProgress, percentOf },
    { SEED_JOBS },
    { startScheduler },
    { startStreamRunner },
    { matchesJobFilter, jobIdOf },
  ] = await Promise.all([
    import('./site-build.ts'),
    import('#functions/clients.ts'),
    import('#functions/registry.ts'),
    import('#functions/jobs.ts'),
    import('./gateway.ts'),
    import('./signin.ts'),
    import('./seed/users.ts'),
    import('./seed/index.ts'),
    import('./seed/jobs.ts'),
    import('./scheduler.ts'),
    import('./streams.ts'),
    import('#functions/jobs/stream.ts'),
  ]);

  // `npm run dev` runs this file under `tsx watch`: the admin comes from Vite, and DynamoDB Local is dev's own, kept
  // running while the API restarts on a change.
  const dev = process.env.AMON_DEV === '1';
  const siteBuild = !dev && siteIsStale(root, env.siteDir) ? (log('building the admin site …'), buildSite(root)) : Promise.resolve();
  if (!(dev && (await isAnswering(env.dynamoEndpoint)))) {
    log(`starting DynamoDB Local on port ${env.DYNAMODB_PORT} (data in ${env.dbPath})`);
    dynamo = await startDynamoLocal({ port: env.DYNAMODB_PORT, dbPath: env.dbPath });
  }
  // A new table gets its stream once the demo seed is through: the seed writes ~20,000 items in bulk, and a stream
  // record of each (which the job worker would read and pass over) costs DynamoDB Local an eighth more time.
  if ((await ensureTable(env.dynamoEndpoint, env.TABLE_NAME, { stream: false })) === 'created') log(`created table ${env.TABLE_NAME}`);

  const db = database();
  const signIn = await localSignIn({ db, issuer: `${env.siteUrl}/auth`, keyPath: env.keyPath });
  const credentials = await ensureUsers(db, {
    adminEmail: env.AMON_ADMIN_EMAIL,
    adminPassword: env.AMON_ADMIN_PASSWORD,
    demoPassword: env.AMON_DEMO_PASSWORD,
    credentialsPath: env.credentialsPath,
  });

  // The demo data fills in behind the running product: /healthz tells how far it is, and the admin shows it.
  // Scheduled runs wait for the demo seed: a job-retries run would hand the seed's items (claimed on its scripted clock,
  // so their lease looks long over) back to the worker in the middle of the seed's own run.
  // One gate for the scheduler, the job worker and changes made during a staged seed: open once the seed is through
  // (or has failed).
  let seedingEnded: () => void = () => undefined;
  const seeding = new Promise<void>((ended) => (seedingEnded = ended));
  // Until the seed has looked at the table, changes wait as if it were staged.
  let demo: DemoState = { done: 0, total: 0, running: [], complete: false, staged: true };
  let ready = false;
  const server = createGateway({
    root,
    resources: RESOURCES,
    signIn,
    siteDir: env.siteDir,
    mediaDir: env.mediaDir,
    siteConfig: () => ({ apiUrl: '', auth: { kind: 'local' }, demo: { statusUrl: '/healthz' } }),
    corsOrigins: [env.siteUrl],
    isReady: () => ready,
    demo: () => ({
      percent: percentOf(demo),
      complete: demo.complete,
      failed: demo.failed === true,
      ...(demo.seconds ? { seconds: Math.round(demo.seconds * 10) / 10 } : {}),
    }),
    changesWait: () => (demo.staged && !demo.complete && !demo.failed ? seeding : Promise.resolve()),
  });
  await new Promise<void>((ok) => server.listen(env.PORT, '127.0.0.1', ok));
  const scheduler = startScheduler(root, JOBS, log, seeding);

  // The job worker on the table stream, as the event source mapping runs it in AWS. While the seed runs, it holds
  // the job records it reads (a send started meanwhile goes out once the seed is through) and then leaves out the
  // seed's own jobs, which the seed does itself on its scripted clock. Stopping keeps the checkpoint; the next start
  // goes on from there.
  // The seed's jobs as a file too: a restart before the runner has passed their records still leaves them out.
  if (existsSync(env.seedJobsPath)) for (const id of JSON.parse(readFileSync(env.seedJobsPath, 'utf8')) as string[]) SEED_JOBS.add(id);
  const keepSeedJobs = () => SEED_JOBS.size && writeFileSync(env.seedJobsPath, JSON.stringify([...SEED_JOBS]));
  const stop = new AbortController();
  const stopping = new Promise((stopped) => stop.signal.addEventListener('abort', stopped, { once: true }));
  const { processBatch } = await import('#functions/jobs/worker/handler.ts');
  const worker = startStreamRunner({
    endpoint: env.dynamoEndpoint,
    tableName: env.TABLE_NAME,
    checkpointPath: env.streamCheckpointPath,
    filter: matchesJobFilter,
    handle: async (batch, signal) => {
      await Promise.race([seeding, stopping]);
      if (signal.aborted || stop.signal.aborted) return { batchItemFailures: batch.Records.map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber! })) };
      const Records = batch.Records.filter((r) => !SEED_JOBS.has(jobIdOf(r) ?? ''));
      return Records.length ? processBatch({ Records }, signal) : { batchItemFailures: [] };
    },
    onGiveUp: (records, error) => log(`job worker gave up on ${records.length} records: ${(error as Error).message}`),
  });
  await siteBuild;
  ready = true;

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // Under `npm run dev` the pages come from Vite (its sources under admin/), otherwise from the build.
  const site = dev ? `http://127.0.0.1:${process.env.AMON_VITE_PORT ?? '5173'}` : env.siteUrl;
  const pages = dev ? resolve(root, 'admin') : env.siteDir;
  log(`ready in ${seconds} s`);
  process.stdout.write(
    [
      '',
      `  amoN läuft:        ${site}/${dev ? ' (Vite: Änderungen erscheinen ohne Neuladen)' : ''}`,
      ...(existsSync(resolve(pages, 'survey/index.html')) ? [`  Umfrageformular:   ${site}/survey/`] : []),
      ...(existsSync(resolve(pages, 'katalog/index.html')) ? [`  Angebotskatalog:   ${site}/katalog/`] : []),
      ...(existsSync(resolve(pages, 'veranstaltungen/index.html')) ? [`  Veranstaltungen:   ${site}/veranstaltungen/`] : []),
      ...(existsSync(resolve(pages, 'newsletter/index.html')) ? [`  Newsletter:        ${site}/newsletter/`] : []),
      `  API (OpenAPI):     ${env.siteUrl}/api/openapi.json`,
      `  E-Mail-Ausgang:    ${env.outboxDir}`,
      `  Aufträge:          ${env.siteUrl}/#/jobs (Versand und Importe im Hintergrund)`,
      '',
      '  Anmeldung:',
      ...credentials.map((c) => `    ${c.role.padEnd(12)} ${c.email.padEnd(26)} ${c.password}`),
      '',
      ...(JOBS.length ? ['  Zeitplan (Europe/Berlin):', ...scheduler.next().map((j) => `    ${j.name}: ${j.next}`), ''] : []),
      '  Beenden mit Strg+C.',
      '',
    ].join('\n'),
  );

  // Before changes and the scheduler go on: a job they start must reach the worker.
  const streamOn = () =>
    enableStream(env.dynamoEndpoint, env.TABLE_NAME).catch((error: unknown) =>
      log(`the table's stream could not be turned on (${(error as Error).message}); the next start does it`),
    );
  const printProgress = terminalProgress();
  void seedDemo(db, (state) => {
    // Complete for the product only once the stream is on and the gate open (below).
    demo = { ...state, complete: false };
    printProgress(state);
  }).then(
    async (seeded) => {
      keepSeedJobs();
      await streamOn();
      demo = { ...demo, complete: true };
      seedingEnded();
      if (seeded.length) log(`demo data seeded: ${seeded.join(', ')}`);
    },
    async (error: unknown) => {
      keepSeedJobs();
      await streamOn();
      demo = { ...demo, failed: true };
      seedingEnded();
      log(
        `the demo data could not be seeded: ${(error as Error).message} — the product runs with what is in; \`npm run seed -- --reset\` starts the demo data over`,
      );
    },
  );

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: stopping …`);
    scheduler.stop();
    server.closeAllConnections();
    server.close();
    // The items under way finish (one mail each); the rest wait for the next start.
    stop.abort();
    keepSeedJobs();
    await worker.stop();
    await dynamo?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
}

// Whatever happens, no java process is left behind.
process.on('exit', () => {
  if (dynamo?.process.exitCode === null) dynamo.process.kill('SIGKILL');
});

main().catch(async (error: unknown) => {
  process.stderr.write(`\n[amon] ${error instanceof StartupError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  await dynamo?.stop();
  process.exit(1);
});
