// Runs before each integration test file: points the handlers at a fresh table of their own.
import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ensureTable } from '#local/dynamodb.ts';

const endpoint = inject('dynamoEndpoint');
process.env.DYNAMODB_ENDPOINT = endpoint;
process.env.TABLE_NAME = `test-${randomUUID()}`;
process.env.CORS_ORIGINS = 'http://127.0.0.1:3000';
process.env.SEALING_SECRET = 'test-sealing-secret-for-cursors-and-pseudonyms';
await ensureTable(endpoint, process.env.TABLE_NAME);
