// Runs before each integration test file: points the handlers at a fresh table of their own.
import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ensureTable } from '#local/dynamodb.ts';

const endpoint = inject('dynamoEndpoint');
process.env.DYNAMODB_ENDPOINT = endpoint;
process.env.TABLE_NAME = `test-${randomUUID()}`;
process.env.CORS_ORIGINS = 'http://127.0.0.1:3000';
process.env.SEALING_SECRET = 'test-sealing-secret-for-cursors-and-pseudonyms';
// Hundreds of concurrent transactions on DynamoDB Local take seconds here; test/integration/black-hole.test.ts
// checks the AWS default of 2.5 s.
process.env.DYNAMODB_REQUEST_TIMEOUT_MS = '10000';
process.env.DYNAMODB_CONNECT_TIMEOUT_MS = '5000';
await ensureTable(endpoint, process.env.TABLE_NAME);
