// AWS SDK clients, created once per cold start from the configuration (DynamoDB Local or AWS).
import type { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
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
    // A database that does not answer fails fast (503 within seconds), not at the Lambda timeout.
    requestHandler: new NodeHttpHandler({
      connectionTimeout: cfg.DYNAMODB_CONNECT_TIMEOUT_MS,
      requestTimeout: cfg.DYNAMODB_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      // As the SDK's own handler: reused connections, at most 50 at a time.
      httpAgent: { keepAlive: true, maxSockets: 50 },
    }),
    maxAttempts: 2,
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

/** An S3 client made on first use and then kept (the S3 client's code is loaded only then). */
export function lazyS3(region: string): () => Promise<S3Client> {
  let client: Promise<S3Client> | undefined;
  return () => (client ??= import('@aws-sdk/client-s3').then(({ S3Client }) => new S3Client({ region })));
}
