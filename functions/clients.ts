// AWS SDK clients, created once per cold start from the configuration (DynamoDB Local or AWS).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoTable, type DynamoTable } from '#shared/table/dynamodb.ts';
import { config } from './config.ts';
import { checkTableAccess } from './table-access.ts';

/** Counts every DynamoDB call made through the shared client (the bench reads it, P1) and checks it against the running function's access. */
export const dynamoCalls = { count: 0, byCommand: {} as Record<string, number> };

let db: DynamoTable | undefined;

export function database(): DynamoTable {
  if (db) return db;
  const cfg = config();
  const client = new DynamoDBClient({
    region: cfg.AWS_REGION,
    ...(cfg.DYNAMODB_ENDPOINT ? { endpoint: cfg.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 3,
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      dynamoCalls.count += 1;
      const name = context.commandName ?? 'unknown';
      checkTableAccess(name, args.input as Record<string, unknown>);
      dynamoCalls.byCommand[name] = (dynamoCalls.byCommand[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'amonCallCounter' },
  );
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  db = dynamoTable(doc, cfg.TABLE_NAME);
  return db;
}
