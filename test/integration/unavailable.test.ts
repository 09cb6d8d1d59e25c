import { describe, expect, it } from 'vitest';
import { freePort } from '#local/dynamodb.ts';
import { call } from '../support/api.ts';

describe('when DynamoDB cannot be reached', () => {
  it('the API answers 503 with a clear German message, not 500', async () => {
    process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${await freePort()}`;
    const { handler } = await import('#functions/members/handler.ts');
    const res = await call(handler, 'GET /api/members', {});
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    expect(res.body.error.message).toMatch(/Datenbank/);
  });
});
