// A database that accepts connections and never answers (a black-holed endpoint) gives 503 within a few seconds,
// not at the Lambda timeout: the DynamoDB client has connect and request timeouts.
import { createServer, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../support/api.ts';

const sockets: Socket[] = [];
const hole = createServer((socket) => void sockets.push(socket));
afterAll(() => {
  for (const s of sockets) s.destroy();
  hole.close();
});

describe('when DynamoDB accepts connections but never answers', () => {
  it('the API answers 503 within a few seconds', async () => {
    await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
    const address = hole.address();
    process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // The default, as in AWS (the other test files allow DynamoDB Local more).
    delete process.env.DYNAMODB_REQUEST_TIMEOUT_MS;
    delete process.env.DYNAMODB_CONNECT_TIMEOUT_MS;
    const { handler } = await import('#functions/members/handler.ts');
    const started = Date.now();
    const res = await call(handler, 'GET /api/members', {});
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 20_000);
});
