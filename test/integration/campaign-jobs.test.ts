// Survey e-mails as background work on the real table stream: opening a campaign answers at once with its job, the
// worker mails each company once, an invitation counts as sent only after its mail left, a mail service that fails
// is retried with backoff and ends in "failed" with the reason, failed items are sent again on request, and an item
// handed to the worker again after its mail went out does not mail twice.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const outbox = mkdtempSync(join(tmpdir(), 'amon-campaign-jobs-'));
process.env.OUTBOX_DIR = outbox;

const { handler: campaigns } = await import('#functions/campaigns/handler.ts');
const { handler: companies } = await import('#functions/companies/handler.ts');
const { handler: jobs } = await import('#functions/jobs/handler.ts');
const { database } = await import('#functions/clients.ts');
const { jobRepository } = await import('#shared/jobs/repository.ts');
const { MAX_ATTEMPTS, requeueDue } = await import('#shared/jobs/engine.ts');
const { keys } = await import('#shared/table/keys.ts');
const { call } = await import('../support/api.ts');
const { withMailDown } = await import('../support/outbox.ts');
const { aCampaign, aCompany } = await import('../support/builders.ts');
const { jobEnded, startJobWorker, until } = await import('../support/jobs.ts');

const db = database();
const repo = jobRepository(db);

/** The mails in the outbox, per recipient. */
function mailsPerRecipient(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of readdirSync(outbox).filter((name) => name.endsWith('.eml'))) {
    const to = /-survey-(?:invitation|reminder)-(.+)\.eml$/.exec(f)?.[1];
    if (to) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

async function draftWith(n: number) {
  const made = await Promise.all(Array.from({ length: n }, () => call(companies, 'POST /api/companies', { body: aCompany(), as: 'coordinator' })));
  const list = made.map((r) => r.body as { id: string; email: string });
  const { body: campaign } = await call(campaigns, 'POST /api/campaigns', { body: aCampaign(), as: 'coordinator' });
  const invited = await call(campaigns, 'POST /api/campaigns/{id}/invitations', {
    params: { id: campaign.id },
    body: { companyIds: list.map((c) => c.id) },
    as: 'coordinator',
  });
  expect(invited.body).toMatchObject({ invited: n });
  expect(invited.body.jobId).toBeUndefined(); // a draft mails nothing yet
  return { campaign, companies: list };
}

describe('survey e-mails as jobs', () => {
  it('opening answers at once with the job; the worker mails each of 60 companies once and counts them sent', async () => {
    await startJobWorker();
    const { campaign, companies: list } = await draftWith(60);
    const opened = await call(campaigns, 'POST /api/campaigns/{id}/open', { params: { id: campaign.id }, as: 'coordinator' });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', jobId: expect.any(String) });
    const job = await jobEnded(opened.body.jobId);
    expect(job).toMatchObject({ kind: 'campaign-invitations', subject: { type: 'campaign', id: campaign.id }, status: 'done', total: 60, done: 60, failed: 0 });
    const mails = mailsPerRecipient();
    for (const c of list) expect(mails.get(c.email)).toBe(1);
    const after = await call(campaigns, 'GET /api/campaigns/{id}', { params: { id: campaign.id }, as: 'coordinator' });
    expect(after.body.counts).toMatchObject({ invited: 60, sent: 60 });
    // The campaign page shows the job, and the jobs page lists it.
    const ofCampaign = await call(jobs, 'GET /api/jobs', { query: { subjectType: 'campaign', subjectId: campaign.id }, as: 'coordinator' });
    expect(ofCampaign.body.items.map((j: { id: string }) => j.id)).toEqual([job.id]);
    const recent = await call(jobs, 'GET /api/jobs', { as: 'admin' });
    expect(recent.body.items.map((j: { id: string }) => j.id)).toContain(job.id);
    expect((await call(jobs, 'GET /api/jobs', { as: 'counsellor' })).status).toBe(403);
  });

  it('while the mail service fails nothing counts as sent; the items wait and retry with backoff, and end failed with the reason', async () => {
    await startJobWorker();
    const { campaign, companies: list } = await draftWith(3);
    const jobId = await withMailDown(outbox, async () => {
      const opened = await call(campaigns, 'POST /api/campaigns/{id}/open', { params: { id: campaign.id }, as: 'coordinator' });
      const id = opened.body.jobId!;
      await until(async () => (await repo.items(id, undefined, 10, 'retry')).items.length === 3);
      const now = await call(campaigns, 'GET /api/campaigns/{id}', { params: { id: campaign.id }, as: 'coordinator' });
      expect(now.body.counts.sent).toBe(0);
      const invitations = await call(campaigns, 'GET /api/campaigns/{id}/invitations', { params: { id: campaign.id }, as: 'coordinator' });
      expect(invitations.body.items.map((i: { state: string }) => i.state)).toEqual(['created', 'created', 'created']);
      const waiting = (await repo.items(id, undefined, 10, 'retry')).items;
      expect(waiting[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/ENOTDIR|EEXIST|not a directory/i), retryAt: expect.any(String) });
      // The job-retries schedule puts them back when their wait is over, until the attempts are used up.
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
        expect(await requeueDue(db, () => new Date(Date.now() + 2 * 3_600_000))).toBe(3);
        await until(async () => {
          const items = (await repo.items(id, undefined, 10)).items;
          return items.every((i) => i.attempts === attempt && (i.state === 'retry' || i.state === 'failed'));
        });
      }
      return id;
    });
    const failed = await jobEnded(jobId);
    expect(failed).toMatchObject({ status: 'done_with_failures', total: 3, done: 0, failed: 3 });
    const items = await call(jobs, 'GET /api/jobs/{id}/items', { params: { id: jobId }, query: { state: 'failed' }, as: 'coordinator' });
    expect(items.body.items).toHaveLength(3);
    expect(items.body.items[0]).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, lastError: expect.any(String) });
    expect([...mailsPerRecipient().keys()].filter((to) => list.some((c) => c.email === to))).toEqual([]);

    // With the mail service back, "send again" puts them back, and each company gets one mail.
    const retried = await call(jobs, 'POST /api/jobs/{id}/retries', { params: { id: jobId }, body: {}, as: 'coordinator' });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'running', failed: 0 });
    expect(await jobEnded(jobId)).toMatchObject({ status: 'done', done: 3, failed: 0 });
    const mails = mailsPerRecipient();
    for (const c of list) expect(mails.get(c.email)).toBe(1);
    const now = await call(campaigns, 'GET /api/campaigns/{id}', { params: { id: campaign.id }, as: 'coordinator' });
    expect(now.body.counts.sent).toBe(3);
  });

  it('an item handed to the worker again after its mail went out (the end of the attempt was lost) does not mail twice', async () => {
    await startJobWorker();
    const { campaign, companies: list } = await draftWith(2);
    const opened = await call(campaigns, 'POST /api/campaigns/{id}/open', { params: { id: campaign.id }, as: 'coordinator' });
    const job = await jobEnded(opened.body.jobId);
    expect(job.done).toBe(2);
    // As if the worker had died after the mail and before it ended the item: the item is pending again.
    await db.write({ update: keys.jobItem(job.id, list[0]!.id), set: { state: 'pending' }, add: { attempts: 0 } });
    await db.write({ update: keys.job(job.id), set: { status: 'running' }, add: { done: -1 } });
    expect(await jobEnded(job.id)).toMatchObject({ status: 'done', done: 2 });
    expect(mailsPerRecipient().get(list[0]!.email)).toBe(1);
    const now = await call(campaigns, 'GET /api/campaigns/{id}', { params: { id: campaign.id }, as: 'coordinator' });
    expect(now.body.counts.sent).toBe(2);
  });

  it('reminding answers 202 with the job; only companies without an answer get a reminder, once', async () => {
    await startJobWorker();
    const { campaign, companies: list } = await draftWith(2);
    const opened = await call(campaigns, 'POST /api/campaigns/{id}/open', { params: { id: campaign.id }, as: 'coordinator' });
    await jobEnded(opened.body.jobId);
    const reminded = await call(campaigns, 'POST /api/campaigns/{id}/reminders', {
      params: { id: campaign.id },
      body: { companyIds: [list[0]!.id] },
      as: 'coordinator',
    });
    expect(reminded.status).toBe(202);
    expect(reminded.body).toMatchObject({ kind: 'campaign-reminders', status: 'running' });
    expect(await jobEnded(reminded.body.id)).toMatchObject({ status: 'done', total: 1, done: 1 });
    const files = readdirSync(outbox).filter((f) => f.includes('survey-reminder') && f.endsWith(`${list[0]!.email}.eml`));
    expect(files).toHaveLength(1);
  });

  it('a tampered job id or an unknown field is a 400, an unknown job a 404', async () => {
    expect((await call(jobs, 'GET /api/jobs/{id}', { params: { id: 'nicht-gültig' }, as: 'admin' })).status).toBe(400);
    expect((await call(jobs, 'GET /api/jobs/{id}', { params: { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, as: 'admin' })).status).toBe(404);
    const extra = await call(jobs, 'POST /api/jobs/{id}/retries', { params: { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, body: { all: true }, as: 'admin' });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.body)).toContain('all');
    const halfFilter = await call(jobs, 'GET /api/jobs', { query: { subjectType: 'campaign' }, as: 'admin' });
    expect(halfFilter.status).toBe(400);
    expect(JSON.stringify(halfFilter.body)).toContain('subjectId');
  });
});
