// The worker holds the SES rate for mails, not for stream records: records of items already done (a stream read
// again from its start after the demo seed, a retried batch) are passed over at once, while mails keep their pace.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';

process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'amon-worker-pace-'));
process.env.MAIL_RATE_PER_SECOND = '2';

const { handler: campaigns } = await import('#functions/campaigns/handler.ts');
const { handler: companies } = await import('#functions/companies/handler.ts');
const { processBatch } = await import('#functions/jobs/worker/handler.ts');
const { database } = await import('#functions/clients.ts');
const { jobRepository } = await import('#shared/jobs/repository.ts');
const { keys } = await import('#shared/table/keys.ts');
const { call } = await import('../support/api.ts');
const { aCampaign, aCompany } = await import('../support/builders.ts');
const { jobEnded } = await import('../support/jobs.ts');

const db = database();

/** A stream event that brings each item's insert again, as the stream read from its start does. */
function replayOf(items: Record<string, unknown>[]): DynamoDBStreamEvent {
  return {
    Records: items.map((item, i) => ({
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: String(1000 + i), NewImage: marshall({ ...item, state: 'pending' }) as never },
    })),
  };
}

describe('the worker paces mails, not records', () => {
  it('passes over 12 records of items already done at once; the 4 mails of a job keep the rate of 2 a second', async () => {
    const made = await Promise.all(Array.from({ length: 4 }, () => call(companies, 'POST /api/companies', { body: aCompany(), as: 'coordinator' })));
    const { body: campaign } = await call(campaigns, 'POST /api/campaigns', { body: aCampaign(), as: 'coordinator' });
    await call(campaigns, 'POST /api/campaigns/{id}/invitations', {
      params: { id: campaign.id },
      body: { companyIds: made.map((r) => r.body.id as string) },
      as: 'coordinator',
    });
    const startedAt = performance.now();
    const opened = await call(campaigns, 'POST /api/campaigns/{id}/open', { params: { id: campaign.id }, as: 'coordinator' });
    const job = await jobEnded(opened.body.jobId);
    const sending = performance.now() - startedAt;
    expect(job.done).toBe(4);
    // Four mails at two a second: the last one leaves 1.5 s after the first.
    expect(sending).toBeGreaterThan(1_400);

    const raw = await Promise.all((await jobRepository(db).allItems(job.id)).map((i) => db.get(keys.jobItem(job.id, i.key), true)));
    const replay = replayOf([...raw, ...raw, ...raw].map((i) => i!));
    const replayedAt = performance.now();
    expect(await processBatch(replay)).toEqual({ batchItemFailures: [] });
    // Paced per record, these 12 would take 5.5 s.
    expect(performance.now() - replayedAt).toBeLessThan(1_500);
    expect((await jobRepository(db).get(job.id))?.done).toBe(4);
  });
});
