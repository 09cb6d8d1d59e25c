// Reaches the local DynamoDB: the one `npm start` runs, or a private one on the same files for a CLI command.
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable, localClient, startDynamoLocal, type DynamoLocal } from './dynamodb.ts';
import type { LocalEnv } from './env.ts';

export async function isAnswering(endpoint: string): Promise<boolean> {
  const client = localClient(endpoint);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/** Uses the running DynamoDB Local if there is one, otherwise starts one on the data directory until `stop`. */
export async function connectOrStart(env: LocalEnv): Promise<{ started: DynamoLocal | undefined; stop: () => Promise<void> }> {
  const started = (await isAnswering(env.dynamoEndpoint)) ? undefined : await startDynamoLocal({ port: env.DYNAMODB_PORT, dbPath: env.dbPath });
  await ensureTable(env.dynamoEndpoint, env.TABLE_NAME);
  return { started, stop: async () => started?.stop() };
}
