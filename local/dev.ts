// `npm run dev`: the development loop. DynamoDB Local runs for the whole session; the API (local/start.ts) runs under
// `tsx watch` and restarts in about two seconds when a handler, the shared code or the local stack changes; the admin
// and the public pages come from Vite's dev server with hot module replacement, which hands /api, /auth, /config.json,
// /healthz and /medien to the API.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertPortFree, StartupError } from './dynamodb.ts';
import { localEnv } from './env.ts';
import { connectOrStart } from './runtime.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stdout.write(`[amon dev] ${line}\n`);
const children: ChildProcess[] = [];
let dynamo: Awaited<ReturnType<typeof connectOrStart>> | undefined;

async function main() {
  const env = localEnv(root);
  const vitePort = Number(process.env.AMON_VITE_PORT ?? '5173');
  await assertPortFree(env.PORT, 'API (PORT)');
  await assertPortFree(vitePort, 'Vite (AMON_VITE_PORT)');
  dynamo = await connectOrStart(env);
  if (dynamo.started) log(`DynamoDB Local runs on port ${env.DYNAMODB_PORT} (data in ${env.dbPath})`);

  const run = (args: string[], extra: Record<string, string>) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...extra }, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (!stopping) log(`${args.join(' ')} ended (${signal ?? code}); stopping`);
      void stop();
    });
    children.push(child);
  };
  run([join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', '--clear-screen=false', '--exclude', './admin/**', '--exclude', './.data/**', 'local/start.ts'], {
    AMON_DEV: '1',
    AMON_VITE_PORT: String(vitePort),
  });
  run([join(root, 'node_modules/vite/bin/vite.js'), '--port', String(vitePort), '--strictPort', '--host', '127.0.0.1'], { AMON_API_PORT: String(env.PORT) });
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((done) => {
          if (c.exitCode !== null || c.signalCode) return done();
          c.once('exit', () => done());
          c.kill('SIGINT');
        }),
    ),
  );
  await dynamo?.stop();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
process.on('exit', () => {
  if (dynamo?.started?.process.exitCode === null) dynamo.started.process.kill('SIGKILL');
});

main().catch(async (error: unknown) => {
  process.stderr.write(`\n[amon dev] ${error instanceof StartupError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  await stop();
});
