// The settings of the local stack (npm start, seed, job), from the environment with defaults; wrong values stop at once.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as z from 'zod/mini';

const LocalEnv = z.object({
  PORT: z._default(z.coerce.number().check(z.int()).check(z.gte(1)).check(z.lte(65535)), 3000),
  DYNAMODB_PORT: z._default(z.coerce.number().check(z.int()).check(z.gte(1)).check(z.lte(65535)), 8000),
  AMON_DATA_DIR: z._default(z.string(), '.data'),
  TABLE_NAME: z._default(z.string(), 'amon'),
  AMON_ADMIN_EMAIL: z._default(z.email(), 'admin@amon.local'),
  AMON_ADMIN_PASSWORD: z.optional(z.string().check(z.minLength(12))),
  AMON_DEMO_PASSWORD: z.optional(z.string().check(z.minLength(12))),
});

export function localEnv(root: string) {
  const parsed = LocalEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ');
    throw new Error(`Invalid environment:\n  ${problems}`);
  }
  const env = parsed.data;
  const dataDir = resolve(root, env.AMON_DATA_DIR);
  const siteUrl = `http://127.0.0.1:${env.PORT}`;
  return {
    ...env,
    dataDir,
    siteUrl,
    dbPath: resolve(dataDir, 'dynamodb'),
    outboxDir: resolve(dataDir, 'outbox'),
    keyPath: resolve(dataDir, 'signing-key.json'),
    credentialsPath: resolve(dataDir, 'sign-in.json'),
    /** Where the local stream runner keeps its place in the table stream. */
    streamCheckpointPath: resolve(dataDir, 'stream-checkpoints.json'),
    /** The ids of the jobs the demo seed did itself, which the stream runner leaves out (also after a restart). */
    seedJobsPath: resolve(dataDir, 'seed-jobs.json'),
    reportsDir: resolve(dataDir, 'reports'),
    mediaDir: resolve(dataDir, 'media'),
    unsubscribeSecretPath: resolve(dataDir, 'unsubscribe-secret'),
    sealingSecretPath: resolve(dataDir, 'sealing-secret'),
    siteDir: resolve(root, '.build/site'),
    dynamoEndpoint: `http://127.0.0.1:${env.DYNAMODB_PORT}`,
  };
}
export type LocalEnv = ReturnType<typeof localEnv>;

/** A secret made once per data folder and kept there (like the signing key): unsubscribe links, cursors, pseudonyms. */
function keptSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

/** Points the handler modules at the local world: DynamoDB Local, the outbox, the local identity store. */
export function exportHandlerEnv(env: LocalEnv): void {
  Object.assign(process.env, {
    TABLE_NAME: env.TABLE_NAME,
    DYNAMODB_ENDPOINT: env.dynamoEndpoint,
    // DynamoDB Local shares two cores with everything else here; AWS keeps the default of 2.5 s.
    DYNAMODB_REQUEST_TIMEOUT_MS: '10000',
    DYNAMODB_CONNECT_TIMEOUT_MS: '5000',
    AWS_REGION: 'eu-central-1',
    CORS_ORIGINS: env.siteUrl,
    IDENTITY_PROVIDER: 'local',
    MAIL_TRANSPORT: 'outbox',
    OUTBOX_DIR: env.outboxDir,
    SITE_URL: env.siteUrl,
    // As SES in production: 14 mails a second (the worker's pace; the digest's too).
    MAIL_RATE_PER_SECOND: process.env.MAIL_RATE_PER_SECOND ?? '14',
    REPORTS_DIR: env.reportsDir,
    MEDIA_DIR: env.mediaDir,
    UNSUBSCRIBE_SECRET: keptSecret(env.unsubscribeSecretPath),
    SEALING_SECRET: keptSecret(env.sealingSecretPath),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  });
}
