// `npm run seed [-- --reset]`: seeds the demo data; --reset empties the table first. Works with or without `npm start`.
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportHandlerEnv, localEnv } from './env.ts';
import { ensureTable, localClient } from './dynamodb.ts';
import { connectOrStart } from './runtime.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = localEnv(root);
exportHandlerEnv(env);
const reset = process.argv.includes('--reset');

const { started, stop } = await connectOrStart(env);
try {
  if (reset) {
    const client = localClient(env.dynamoEndpoint);
    await client.send(new DeleteTableCommand({ TableName: env.TABLE_NAME }));
    client.destroy();
    await ensureTable(env.dynamoEndpoint, env.TABLE_NAME);
    console.log(`[amon] table ${env.TABLE_NAME} emptied`);
  }
  const { database } = await import('#functions/clients.ts');
  const { ensureUsers } = await import('./seed/users.ts');
  const { seedDemo, terminalProgress } = await import('./seed/index.ts');
  const lines = await ensureUsers(database(), {
    adminEmail: env.AMON_ADMIN_EMAIL,
    adminPassword: env.AMON_ADMIN_PASSWORD,
    demoPassword: env.AMON_DEMO_PASSWORD,
    credentialsPath: env.credentialsPath,
  });
  const seeded = await seedDemo(database(), terminalProgress());
  console.log(seeded.length ? `[amon] seeded: ${seeded.join(', ')}` : '[amon] demo data already present (use --reset to start over)');
  for (const l of lines) console.log(`  ${l.role.padEnd(12)} ${l.email.padEnd(26)} ${l.password}`);
  if (!started) console.log('[amon] note: npm start was running and used the same database');
} finally {
  await stop();
}
