// `npm start`: the whole product on one machine — DynamoDB Local on disk, API, sign-in, admin, survey form, outbox, scheduler, demo data.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertPortFree, ensureTable, startDynamoLocal, StartupError, type DynamoLocal } from './dynamodb.ts';
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
  if ((await ensureTable(env.dynamoEndpoint, env.TABLE_NAME)) === 'created') log(`created table ${env.TABLE_NAME}`);

  const db = database();
  const signIn = await localSignIn({ db, issuer: `${env.siteUrl}/auth`, keyPath: env.keyPath });
  const credentials = await ensureUsers(db, {
    adminEmail: env.AMON_ADMIN_EMAIL,
    adminPassword: env.AMON_ADMIN_PASSWORD,
    demoPassword: env.AMON_DEMO_PASSWORD,
    credentialsPath: env.credentialsPath,
  });

  // The demo data fills in behind the running product: /healthz tells how far it is, and the admin shows it.
  let demo: DemoState = { done: 0, total: 0, running: [], complete: false };
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
    demo: () => ({ percent: percentOf(demo), complete: demo.complete, failed: demo.failed === true }),
  });
  await new Promise<void>((ok) => server.listen(env.PORT, '127.0.0.1', ok));
  // Scheduled runs wait for the demo seed: a job-retries run would hand the seed's items (claimed on its scripted clock,
  // so their lease looks long over) back to the worker in the middle of the seed's own run.
  let seedingEnded: () => void = () => undefined;
  const scheduler = startScheduler(root, JOBS, log, new Promise<void>((ended) => (seedingEnded = ended)));

  // The job worker on the table stream, as the event source mapping runs it in AWS. While the seed runs, it holds
  // the job records it reads (a send started meanwhile goes out once the seed is through) and then leaves out the
  // seed's own jobs, which the seed does itself on its scripted clock. Stopping keeps the checkpoint; the next start
  // goes on from there.
  let seeding: Promise<unknown> = Promise.resolve();
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
  log(`ready in ${seconds} s`);
  process.stdout.write(
    [
      '',
      `  amoN läuft:        ${dev ? `http://127.0.0.1:${process.env.AMON_VITE_PORT ?? '5173'}/ (Vite, Änderungen ohne Neuladen)` : `${env.siteUrl}/`}`,
      ...(existsSync(resolve(env.siteDir, 'survey/index.html')) ? [`  Umfrageformular:   ${env.siteUrl}/survey/`] : []),
      ...(existsSync(resolve(env.siteDir, 'katalog/index.html')) ? [`  Angebotskatalog:   ${env.siteUrl}/katalog/`] : []),
      ...(existsSync(resolve(env.siteDir, 'veranstaltungen/index.html')) ? [`  Veranstaltungen:   ${env.siteUrl}/veranstaltungen/`] : []),
      ...(existsSync(resolve(env.siteDir, 'newsletter/index.html')) ? [`  Newsletter:        ${env.siteUrl}/newsletter/`] : []),
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

  const printProgress = terminalProgress();
  seeding = seedDemo(db, (state) => {
    demo = state;
    printProgress(state);
  }).then(
    (seeded) => {
      seedingEnded();
      demo = { ...demo, complete: true };
      if (seeded.length) log(`demo data seeded: ${seeded.join(', ')}`);
    },
    (error: unknown) => {
      seedingEnded();
      demo = { ...demo, failed: true };
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
