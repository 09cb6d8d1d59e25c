// Stopping `npm start` in the middle of a send and starting it again: the local stream runner with the worker's
// code, stopped while 120 invitations go out at 40 a second, leaves no attempt half-done, and the next start on the
// same checkpoint finishes the job with exactly one mail per company.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, inject } from 'vitest';

const outbox = mkdtempSync(join(tmpdir(), 'amon-restart-'));
process.env.OUTBOX_DIR = outbox;
process.env.MAIL_RATE_PER_SECOND = '40';

const { handler: campaigns } = await import('#functions/campaigns/handler.ts');
const { handler: companies } = await import('#functions/companies/handler.ts');
const { database } = await import('#functions/clients.ts');
const { matchesJobFilter } = await import('#functions/jobs/stream.ts');
const { processBatch } = await import('#functions/jobs/worker/handler.ts');
const { jobRepository } = await import('#shared/jobs/repository.ts');
const { startStreamRunner } = await import('#local/streams.ts');
const { call } = await import('../support/api.ts');
const { aCampaign, aCompany } = await import('../support/builders.ts');
const { until } = await import('../support/jobs.ts');

const checkpointPath = join(mkdtempSync(join(tmpdir(), 'amon-restart-cp-')), 'checkpoints.json');
const worker = () =>
  startStreamRunner({
    endpoint: inject('dynamoEndpoint'),
    tableName: database().tableName,
    checkpointPath,
    filter: matchesJobFilter,
    handle: (batch, signal) => processBatch(batch, signal),
    pollMs: 50,
  });

const mails = () => readdirSync(outbox).filter((f) => f.endsWith('.eml'));

describe('a send stopped half-way and started again', () => {
  it('finishes with exactly one mail per company', { timeout: 120_000 }, async () => {
    const made = await Promise.all(Array.from({ length: 120 }, () => call(companies, 'POST /api/companies', { body: aCompany(), as: 'coordinator' })));
    const emails = made.map((r) => (r.body as { email: string }).email);
    const { body: campaign } = await call(campaigns, 'POST /api/campaigns', { body: aCampaign(), as: 'coordinator' });
    await call(campaigns, 'POST /api/campaigns/{id}/invitations', {
      params: { id: campaign.id },
      body: { companyIds: made.map((r) => (r.body as { id: string }).id) },
      as: 'coordinator',
    });
    const first = worker();
    const opened = await call(campaigns, 'POST /api/campaigns/{id}/open', { params: { id: campaign.id }, as: 'coordinator' });
    const jobId = opened.body.jobId!;
    await until(() => mails().length >= 30);
    await first.stop();
    const sentBefore = mails().length;
    expect(sentBefore).toBeLessThan(120);
    // Stopped cleanly: the attempts under way ended; nothing is left half-done.
    const repo = jobRepository(database());
    expect((await repo.items(jobId, undefined, 100, 'working')).items).toEqual([]);
    expect((await repo.get(jobId))!.status).toBe('running');
    await new Promise((r) => setTimeout(r, 500));
    expect(mails()).toHaveLength(sentBefore); // nothing goes out while stopped

    const second = worker();
    await until(async () => (await repo.get(jobId))!.status !== 'running');
    await second.stop();
    expect(await repo.get(jobId)).toMatchObject({ status: 'done', total: 120, done: 120, failed: 0, skipped: 0 });
    const perRecipient = new Map<string, number>();
    for (const f of mails()) {
      const to = emails.find((e) => f.endsWith(`-${e}.eml`));
      if (to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    }
    expect(perRecipient.size).toBe(120);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    const now = await call(campaigns, 'GET /api/campaigns/{id}', { params: { id: campaign.id }, as: 'coordinator' });
    expect(now.body.counts).toMatchObject({ invited: 120, sent: 120 });
  });
});
