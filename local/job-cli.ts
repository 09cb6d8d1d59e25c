// `npm run job -- <name> [args]`: runs one scheduled job now, with or without `npm start` running.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportHandlerEnv, localEnv } from './env.ts';
import { connectOrStart } from './runtime.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = localEnv(root);
exportHandlerEnv(env);
const [name, ...args] = process.argv.slice(2);
const { JOBS } = await import('#functions/jobs.ts');
const job = JOBS.find((j) => j.name === name);
if (!job) {
  console.error(`Unknown job "${name ?? ''}". Jobs: ${JOBS.map((j) => j.name).join(', ') || '(none yet)'}`);
  process.exit(2);
}
const { stop } = await connectOrStart(env);
try {
  const { runJob } = await import('./scheduler.ts');
  console.log(JSON.stringify(await runJob(root, job, args), null, 2));
} finally {
  await stop();
}
