import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';

const outbox = mkdtempSync(join(tmpdir(), 'amon-survey-outbox-'));
process.env.OUTBOX_DIR = outbox;

const { handler: campaigns } = await import('#functions/campaigns/handler.ts');
const { handler: survey } = await import('#functions/survey/handler.ts');
const { campaignsContract } = await import('#functions/campaigns/contract.ts');
const { database, dynamoCalls } = await import('#functions/clients.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { runSurveyReminders } = await import('#shared/surveys/domain.ts');
const { jobEnded } = await import('../support/jobs.ts');
const { addDays, berlinDate } = await import('#shared/time.ts');
const { patterns } = await import('#shared/table/patterns.ts');
const { handler: needsHandler } = await import('#functions/needs/handler.ts');
const { needRepository } = await import('#shared/needs/repository.ts');
const { surveyRepository } = await import('#shared/surveys/repository.ts');
const { call } = await import('../support/api.ts');
const { aCampaign } = await import('../support/builders.ts');
const { openCampaignWith } = await import('../support/surveys.ts');
const { linksFor } = await import('../support/outbox.ts');

const asCompany = (token: string) => ({ as: 'anonymous' as const, headers: { authorization: `Survey ${token}` } });
const load = (token: string) => call(survey, 'GET /api/survey', asCompany(token));
const draft = (token: string, answers: unknown) => call(survey, 'PUT /api/survey/draft', { ...asCompany(token), body: { answers } });
const submit = (token: string, answers: unknown) => call(survey, 'POST /api/survey/response', { ...asCompany(token), body: { answers } });
const complete = {
  qtraining: 'yes',
  qchannels: ['agency', 'web'],
  qstaff: 42,
  qoutlook: 4,
  qnotes: 'Wir suchen dringend.',
  qneeds: [{ occupation: '51312', headcount: 3, timeframe: 'now', lowSkilled: true, migrant: true }],
};

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
});

describe('a survey campaign from draft to results', () => {
  it('freezes questions when opened, mails each company a personal link and stores only its hash', async () => {
    const { campaign, companies } = await openCampaignWith(3);
    expect(campaign).toMatchObject({ status: 'open', counts: { invited: 3, sent: 3, opened: 0, submitted: 0 } });
    const [link] = await linksFor(outbox, companies[0]!.email);
    expect(link).toMatch(new RegExp(`^${campaign.id}\\.${companies[0]!.id}\\.[A-Za-z0-9_-]{22}$`));
    const secret = link!.split('.')[2]!;
    const partition = await database().doc.send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': patterns.invitationsOfCampaign.partitionOf(campaign.id) },
      }),
    );
    expect(JSON.stringify(partition.Items)).not.toContain(secret);

    const { body: current } = await call(campaigns, 'GET /api/campaigns/{id}', { params: { id: campaign.id }, as: 'coordinator' });
    const frozen = await call(campaigns, 'PUT /api/campaigns/{id}', {
      params: { id: campaign.id },
      body: { ...aCampaign(), questions: [], version: current.version },
      as: 'coordinator',
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.fields[0].path).toBe('questions');
  });

  it('offers one occupation choice per KldB code; occupations sharing a code share it, titled with both', async () => {
    const { companies } = await openCampaignWith(1);
    const [token] = await linksFor(outbox, companies[0]!.email);
    const { body: form } = await load(token!);
    const codes = form.campaign.occupations.map((o: { code: string }) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    const shared = form.campaign.occupations.find((o: { code: string }) => o.code === '24412');
    expect(shared.title).toBe('Konstruktionsmechaniker/in / Metallbauer/in'); // titles in alphabetical order
  });

  it('a company opens its link, saves a draft, submits, and changes its answers as version 2', async () => {
    const { campaign, companies } = await openCampaignWith(1);
    const [token] = await linksFor(outbox, companies[0]!.email);
    const opened = await load(token!);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ accepting: 'open', state: 'opened', company: { name: companies[0]!.name }, answers: {} });
    expect(opened.body.campaign.occupations.length).toBeGreaterThan(50);

    expect((await draft(token!, { qtraining: 'no' })).body).toMatchObject({ state: 'draft', isDraft: true, answers: { qtraining: 'no' } });
    expect((await load(token!)).body.answers).toEqual({ qtraining: 'no' });

    const missing = await submit(token!, { qtraining: 'no' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['answers.qstaff']);

    dynamoCalls.count = 0;
    const first = await submit(token!, complete);
    expect(dynamoCalls.count).toBe(2);
    expect(first.body).toMatchObject({ state: 'submitted', version: 1, isDraft: false });
    const second = await submit(token!, { ...complete, qstaff: 44, qneeds: [] });
    expect(second.body).toMatchObject({ version: 2, answers: { qstaff: 44 } });

    const { body: c } = await call(campaigns, 'GET /api/campaigns/{id}', { params: { id: campaign.id }, as: 'coordinator' });
    expect(c.counts).toEqual({ invited: 1, sent: 1, opened: 1, submitted: 1 });
    // The answer's rows are gone from the campaign, and the need they stated is withdrawn.
    expect(await surveyRepository(database()).needsOfCampaign(campaign.id)).toEqual([]);
    const needs = await call(needsHandler, 'GET /api/needs', { query: { companyId: companies[0]!.id }, as: 'counsellor' });
    expect(needs.body.items).toEqual([expect.objectContaining({ occupation: '51312', status: 'withdrawn', campaignId: campaign.id })]);
  });

  it('occupation answers become the rows of the results and open needs of the company, which matching finds by occupation group', async () => {
    const { campaign, companies } = await openCampaignWith(1);
    const [token] = await linksFor(outbox, companies[0]!.email);
    await submit(token!, { ...complete, qneeds: [{ occupation: '29302', headcount: 2, timeframe: 'within6Months', lowSkilled: true, migrant: false }] });
    expect(await surveyRepository(database()).needsOfCampaign(campaign.id)).toEqual([
      expect.objectContaining({ occupation: '29302', headcount: 2, companyId: companies[0]!.id }),
    ]);
    const needs = await call(needsHandler, 'GET /api/needs', { query: { companyId: companies[0]!.id }, as: 'counsellor' });
    expect(needs.body.items).toEqual([
      expect.objectContaining({
        source: 'survey',
        campaignId: campaign.id,
        occupation: '29302',
        headcount: 2,
        timeframe: 'within6Months',
        conditions: { partTime: false, lowSkilled: true, migrant: false },
        wzSection: 'H',
        status: 'open',
      }),
    ]);
    const open = await needRepository(database()).openInGroup('29302');
    expect(open.map((n) => n.id)).toContain(needs.body.items[0].id);
  });

  it("a company's page lists its invitations newest first, page by page, without tokens or answers", async () => {
    const first = await openCampaignWith(1, { opensOn: '2026-01-05', closesOn: '2099-02-01' });
    const company = first.companies[0]!;
    const later = await call(campaigns, 'POST /api/campaigns', {
      body: aCampaign({ title: 'Zweite Welle', opensOn: '2026-06-01', closesOn: '2099-07-01' }),
      as: 'coordinator',
    });
    await call(campaigns, 'POST /api/campaigns/{id}/invitations', { params: { id: later.body.id }, body: { companyIds: [company.id] }, as: 'coordinator' });
    const [token] = await linksFor(outbox, company.email);
    await submit(token!, complete);

    const page1 = await call(campaigns, 'GET /api/companies/{id}/invitations', { params: { id: company.id }, query: { limit: '1' }, as: 'counsellor' });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0]).toMatchObject({ campaignId: later.body.id, state: 'created' });
    const page2 = await call(campaigns, 'GET /api/companies/{id}/invitations', {
      params: { id: company.id },
      query: { limit: '1', cursor: page1.body.nextCursor },
      as: 'counsellor',
    });
    expect(page2.body.items[0]).toMatchObject({ campaignId: first.campaign.id, state: 'submitted', version: 1 });
    expect(JSON.stringify([page1.body, page2.body])).not.toMatch(/tokenHashes|answers|draft"/);
  });

  it('unknown, malformed and other-campaign links all get the same 404', async () => {
    const a = await openCampaignWith(1);
    const b = await openCampaignWith(1);
    const [tokenA] = await linksFor(outbox, a.companies[0]!.email);
    const secretA = tokenA!.split('.')[2]!;
    const answers = await Promise.all([
      load(`${b.campaign.id}.${a.companies[0]!.id}.${secretA}`),
      load(`${a.campaign.id}.${a.companies[0]!.id}.${'A'.repeat(22)}`),
      load('kaputt'),
      call(survey, 'GET /api/survey', { as: 'anonymous' }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(answers.map((r) => JSON.stringify(r.body))).size).toBe(1);
  });

  it('after closing, answers are read-only with a clear message', async () => {
    const { campaign, companies } = await openCampaignWith(1);
    const [token] = await linksFor(outbox, companies[0]!.email);
    await submit(token!, complete);
    await call(campaigns, 'POST /api/campaigns/{id}/close', { params: { id: campaign.id }, as: 'coordinator' });
    expect((await load(token!)).body).toMatchObject({ accepting: 'closed', answers: { qstaff: 42 } });
    const late = await submit(token!, complete);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/beendet/);
  });

  it('reminds non-responders on the configured day once; the old link keeps working', async () => {
    // Berlin's day, as the worker stamps its reminders with the real time: the run's day below is that day (between
    // 23:00 and 24:00 UTC the UTC date is a day behind, and the second run found nobody reminded "today").
    const closesOn = addDays(berlinDate(new Date()), 2);
    const { campaign, companies } = await openCampaignWith(2, { closesOn, reminderDaysBefore: [2] });
    const [answered, silent] = companies;
    const [tokenAnswered] = await linksFor(outbox, answered!.email);
    await submit(tokenAnswered!, complete);
    const clock = () => new Date(`${closesOn}T08:00:00Z`);
    const runAt = (days: number) => () => new Date(clock().getTime() - days * 86_400_000);
    // The run starts one reminder job per campaign due today; the worker mails the one company without an answer.
    const first = await runSurveyReminders(database(), runAt(2));
    expect(first.reminderJobs).toHaveLength(1);
    expect(await jobEnded(first.reminderJobs[0]!)).toMatchObject({ status: 'done', total: 1, done: 1 });
    // Run again the same day: a job with nobody left to remind.
    const again = await runSurveyReminders(database(), runAt(2));
    expect(await jobEnded(again.reminderJobs[0]!)).toMatchObject({ status: 'done', total: 0, done: 0 });
    const links = await linksFor(outbox, silent!.email);
    expect(links).toHaveLength(2);
    expect(await linksFor(outbox, answered!.email)).toHaveLength(1);
    for (const link of links) expect((await load(link)).status).toBe(200);
    const { body: invs } = await call(campaigns, 'GET /api/campaigns/{id}/invitations', { params: { id: campaign.id }, as: 'coordinator' });
    expect(invs.items.find((i: { companyId: string }) => i.companyId === silent!.id).remindedAt).toHaveLength(1);
  });

  it('results count answers per question, filter by district, and the export lists one row per company', async () => {
    const { campaign, companies } = await openCampaignWith(3);
    const tokens = await Promise.all(companies.map(async (c) => (await linksFor(outbox, c.email))[0]!));
    await submit(tokens[0]!, complete);
    await submit(tokens[1]!, { ...complete, qtraining: 'no', qstaff: 8, qchannels: ['web'] });
    const { body } = await call(campaigns, 'GET /api/campaigns/{id}/results', { params: { id: campaign.id }, as: 'coordinator' });
    expect(body).toMatchObject({ invited: 3, submitted: 2, responseRate: 0.6667 });
    const q = (id: string) => body.questions.find((x: { id: string }) => x.id === id);
    expect(q('qtraining').counts).toEqual([
      { value: 'yes', label: 'Ja', count: 1 },
      { value: 'no', label: 'Nein', count: 1 },
    ]);
    expect(q('qchannels').counts.map((c: { count: number }) => c.count)).toEqual([1, 2, 0]);
    expect(q('qstaff')).toMatchObject({ answered: 2, mean: 25, median: 25 });
    expect(q('qneeds').demand[0]).toMatchObject({ occupation: '51312', headcount: 6, companies: 2, lowSkilled: 6 });
    const other = await call(campaigns, 'GET /api/campaigns/{id}/results', {
      params: { id: campaign.id },
      query: { district: 'vorpommern_greifswald' },
      as: 'coordinator',
    });
    expect(other.body).toMatchObject({ invited: 0, submitted: 0 });
    const rows = await call(campaigns, 'GET /api/campaigns/{id}/responses', { params: { id: campaign.id }, as: 'coordinator' });
    expect(rows.body.items).toHaveLength(2);
    expect(rows.body.items[0]).not.toHaveProperty('tokenHashes');
  });

  it('a new wave copies questions and panel; the comparison shows the change for companies that answered both', async () => {
    const first = await openCampaignWith(2);
    const tokens = await Promise.all(first.companies.map(async (c) => (await linksFor(outbox, c.email)).at(-1)!));
    await submit(tokens[0]!, complete);
    await submit(tokens[1]!, { ...complete, qstaff: 10 });
    const wave = await call(campaigns, 'POST /api/campaigns/{id}/waves', {
      params: { id: first.campaign.id },
      body: { title: 'Zweite Welle', opensOn: aCampaign().opensOn, closesOn: aCampaign().closesOn },
      as: 'coordinator',
    });
    expect(wave.status).toBe(201);
    expect(wave.body).toMatchObject({ status: 'draft', previousWaveId: first.campaign.id, counts: { invited: 2 } });
    const opened = await call(campaigns, 'POST /api/campaigns/{id}/open', { params: { id: wave.body.id }, as: 'coordinator' });
    expect(await jobEnded(opened.body.jobId)).toMatchObject({ status: 'done', done: 2 });
    const next = await linksFor(outbox, first.companies[0]!.email);
    await submit(next.at(-1)!, { ...complete, qstaff: 50 });
    const cmp = await call(campaigns, 'GET /api/campaigns/{id}/comparison', {
      params: { id: wave.body.id },
      query: { with: first.campaign.id, question: 'qstaff' },
      as: 'coordinator',
    });
    expect(cmp.status).toBe(200);
    expect(cmp.body).toMatchObject({ companies: 1, changed: 1, rows: [{ companyId: first.companies[0]!.id, before: 42, after: 50, change: 8 }] });
  });

  it('a counsellor reads results but cannot change campaigns', async () => {
    const editorRoutes = Object.values(campaignsContract.operations).filter((o) => !o.route.startsWith('GET') || o.route.endsWith('/responses'));
    for (const op of editorRoutes) {
      const res = await call(campaigns, op.route, {
        as: 'counsellor',
        params: { id: '01J0000000000000000000000A', companyId: '01J0000000000000000000000B' },
        body: {},
      });
      expect(res.status, op.route).toBe(403);
    }
  });
});
