import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'amon-survey-race-'));

const { handler: campaigns } = await import('#functions/campaigns/handler.ts');
const { handler: survey } = await import('#functions/survey/handler.ts');
const { database } = await import('#functions/clients.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { queryAll } = await import('#shared/table/access.ts');
const { patterns } = await import('#shared/table/patterns.ts');
const { call } = await import('../support/api.ts');
const { openCampaignWith } = await import('../support/surveys.ts');
const { stopJobWorker } = await import('../support/jobs.ts');
const { linksFor } = await import('../support/outbox.ts');

const submit = (token: string, answers: unknown) =>
  call(survey, 'POST /api/survey/response', { as: 'anonymous', headers: { authorization: `Survey ${token}` }, body: { answers } });
const answers = (staff: number) => ({
  qtraining: 'yes',
  qstaff: staff,
  qneeds: [{ occupation: '51312', headcount: 1, timeframe: 'now', lowSkilled: true, migrant: false }],
});

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
});

describe('surveys under concurrent submissions', () => {
  it('200 companies submitting at once: each answer stored once and the counters equal a recount', { timeout: 120_000 }, async () => {
    const { campaign, companies } = await openCampaignWith(200);
    // The invitations are out; the worker's stream polling would share the two cores with the 200 submits.
    await stopJobWorker();
    const tokens = await Promise.all(companies.map(async (c) => (await linksFor(process.env.OUTBOX_DIR!, c.email))[0]!));
    const results = await Promise.all(tokens.map((t, i) => submit(t, answers(i + 1))));
    expect(results.map((r) => r.status)).toEqual(tokens.map(() => 200));

    const partition = await queryAll(database(), patterns.invitationsOfCampaign.of(campaign.id), {}).then(async (inv) => [
      ...inv,
      ...(await queryAll(database(), patterns.needRecordsOfCampaign.of(campaign.id))),
    ]);
    const invitations = partition.filter((i) => String(i.sk).startsWith('INVITATION#'));
    const submitted = invitations.filter((i) => i.state === 'submitted');
    expect(submitted).toHaveLength(200);
    expect(submitted.every((i) => i.version === 1)).toBe(true);
    expect(partition.filter((i) => String(i.sk).startsWith('NEED#'))).toHaveLength(200);
    const { body } = await call(campaigns, 'GET /api/campaigns/{id}', { params: { id: campaign.id }, as: 'coordinator' });
    expect(body.counts).toEqual({ invited: invitations.length, sent: invitations.length, opened: submitted.length, submitted: submitted.length });
  });

  it('the same company submitting twice at once: one response, version 2', async () => {
    const { campaign, companies } = await openCampaignWith(1);
    const [token] = await linksFor(process.env.OUTBOX_DIR!, companies[0]!.email);
    const both = await Promise.all([submit(token!, answers(5)), submit(token!, answers(6))]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const partition = await queryAll(database(), patterns.invitationsOfCampaign.of(campaign.id), {}).then(async (inv) => [
      ...inv,
      ...(await queryAll(database(), patterns.needRecordsOfCampaign.of(campaign.id))),
    ]);
    const invitation = partition.find((i) => String(i.sk).startsWith('INVITATION#'))!;
    expect(invitation.version).toBe(2);
    expect(partition.filter((i) => String(i.sk).startsWith('NEED#'))).toHaveLength(1);
    const { body } = await call(campaigns, 'GET /api/campaigns/{id}', { params: { id: campaign.id }, as: 'coordinator' });
    expect(body.counts.submitted).toBe(1);
  });
});
