// P1, P2 and P5 for surveys: DynamoDB calls of campaign reads and of a submit, a submit's latency against its raw
// calls, and submit throughput through the
// local gateway against the raw TransactWrite that a submit boils down to, both at concurrency 16.
import type { RouteKey } from '../test/support/api.ts';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { pairedLatency } from './paired.ts';
import type { Figure } from './figure.ts';
import { round } from './timing.ts';

const COMPANIES = 400;
const CONCURRENCY = 16;
const ANSWERS = {
  qtraining: 'yes',
  qchannels: ['agency', 'web'],
  qstaff: 42,
  qoutlook: 4,
  qnotes: 'Wir suchen dringend Fachkräfte für das Lager.',
  qneeds: [
    { occupation: '51312', headcount: 3, timeframe: 'now', lowSkilled: true, migrant: true },
    { occupation: '52122', headcount: 1, timeframe: 'within6Months', lowSkilled: false, migrant: true },
  ],
};

type Tx = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Runs `total` calls of `fn` with `CONCURRENCY` in flight; calls per second. */
async function throughput(total: number, fn: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await fn(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

export async function measureSurveys(root: string): Promise<Figure[]> {
  const { database, dynamoCalls } = await import('#functions/clients.ts');
  const { handler: campaignsHandler } = await import('#functions/campaigns/handler.ts');
  const { handler: surveyHandler } = await import('#functions/survey/handler.ts');
  const { RESOURCES } = await import('#functions/registry.ts');
  const { companiesService } = await import('#shared/companies/domain.ts');
  const { occupationsService } = await import('#shared/occupations/domain.ts');
  const { surveysService } = await import('#shared/surveys/domain.ts');
  const { surveyRepository } = await import('#shared/surveys/repository.ts');
  const { needRecords } = await import('#shared/surveys/responses.ts');
  const { surveyNeedWrites } = await import('#shared/needs/from-survey.ts');
  const { eventItem } = await import('#shared/feed/events.ts');
  const { keys } = await import('#shared/table/keys.ts');
  const { transactItemsOf } = await import('#shared/table/dynamodb.ts');
  const { createGateway } = await import('#local/gateway.ts');
  const { localSignIn } = await import('#local/signin.ts');
  const { LinkBox } = await import('#local/seed/surveys-data.ts');
  const { apiEvent, lambdaContext } = await import('../test/support/api.ts');
  const { aCampaign, aCompany } = await import('../test/support/builders.ts');
  const db = database();
  const actor = { id: 'bench', email: 'bench@amon.local', roles: ['coordinator' as const] };
  await occupationsService(db).seedShipped();

  process.stdout.write(`  seeding ${COMPANIES} companies and two campaigns …\r`);
  const companies = companiesService(db);
  const ids: string[] = [];
  for (let i = 0; i < COMPANIES; i += 1)
    ids.push((await companies.create(aCompany({ name: `Bench Betrieb ${String(i).padStart(4, '0')}`, email: `bench-${i}@betrieb.example` }), actor)).id);
  const mail = new LinkBox();
  const surveys = surveysService(db);
  // The invitations are jobs; the bench does each at once with the worker's kinds, as the demo seed does.
  const { seedJobRunner } = await import('#local/seed/jobs.ts');
  const runJob = seedJobRunner(db, mail, 'http://127.0.0.1:3000', () => new Date());
  const openWith = async (title: string) => {
    const c = await surveys.create(aCampaign({ title }), actor);
    await surveys.invite(c.id, { companyIds: ids }, actor);
    await runJob((await surveys.open(c.id, actor)).jobId);
    return surveys.get(c.id, true);
  };
  const viaGateway = await openWith('Bench über das Gateway');
  const tokens = ids.map((_, i) => mail.token(`bench-${i}@betrieb.example`)!);
  const raw = await openWith('Bench roh');

  // P1: what a campaign read, a list page and a submit cost.
  const invokeStaff = (routeKey: RouteKey, o: Parameters<typeof apiEvent>[1]) =>
    campaignsHandler(apiEvent(routeKey, { as: 'coordinator', ...o }), lambdaContext);
  const calls = async (fn: () => Promise<unknown>) => {
    const before = dynamoCalls.count;
    await fn();
    return dynamoCalls.count - before;
  };
  const submitOnce = (token: string) =>
    surveyHandler(
      apiEvent('POST /api/survey/response', { as: 'anonymous', headers: { authorization: `Survey ${token}` }, body: { answers: ANSWERS } }),
      lambdaContext,
    );
  // The first staff request here also reads the session mark (more than 5 s since the user's last one): counted apart.
  const firstOfUser = await calls(() => invokeStaff('GET /api/campaigns/{id}', { params: { id: viaGateway.id } }));
  const p1: Figure[] = [
    {
      id: 'P1.campaign_get_first',
      name: "DynamoDB calls: a user's first GET /api/campaigns/{id} (+ session mark)",
      value: firstOfUser,
      unit: 'calls',
      goal: '= 2',
    },
    {
      id: 'P1.campaign_get',
      name: 'DynamoDB calls: GET /api/campaigns/{id}',
      value: await calls(() => invokeStaff('GET /api/campaigns/{id}', { params: { id: viaGateway.id } })),
      unit: 'calls',
      goal: '= 1',
    },
    {
      id: 'P1.campaign_list',
      name: 'DynamoDB calls: GET /api/campaigns (one page)',
      value: await calls(() => invokeStaff('GET /api/campaigns', { query: { limit: '25' } })),
      unit: 'calls',
      goal: '= 1',
    },
    {
      id: 'P1.survey_submit',
      name: 'DynamoDB calls: POST /api/survey/response (token lookup + TransactWrite)',
      value: await calls(() => submitOnce(tokens[0]!)),
      unit: 'calls',
      goal: '≤ 2',
    },
  ];

  // P5: the gateway, with the public rate limit lifted (the bench is one address sending as fast as it can).
  const signIn = await localSignIn({ db, issuer: 'http://127.0.0.1/auth' });
  const server = createGateway({
    root,
    resources: RESOURCES,
    signIn,
    siteDir: join(root, '.build/site'),
    siteConfig: () => ({}),
    corsOrigins: [],
    isReady: () => true,
    publicRateLimit: { capacity: 1e9, refillPerSecond: 1e9 },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/survey/response`;
  const body = JSON.stringify({ answers: ANSWERS });
  const post = async (i: number) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Survey ${tokens[i % COMPANIES]}` }, body });
    if (res.status !== 200) throw new Error(`submit ${i}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 32; i += 1) await post(i); // warm-up: handler module loaded, connections open
  const gatewayRate = await throughput(COMPANIES * 2, post);
  await new Promise((ok) => server.close(ok));

  // The same writes without the product: one TransactWrite with the invitation (guarded by its revision),
  // the campaign counters (only while open), the feed event and the need records, retried on a conflict.
  const invitations = await surveyRepository(db).allInvitations(raw.id);
  const revs = new Map(invitations.map((inv) => [inv.companyId, inv.rev]));
  const answered = new Set<string>();
  const rawSubmit = async (i: number) => {
    const inv = invitations[i % invitations.length]!;
    for (let attempt = 1; ; attempt += 1) {
      const rev = revs.get(inv.companyId)!;
      const now = new Date();
      const tx: Tx = [
        {
          Update: {
            TableName: db.tableName,
            Key: keys.invitation(raw.id, inv.companyId),
            UpdateExpression: 'SET rev = :next, answers = :a, #state = :s, submittedAt = :now, version = version + :one',
            ConditionExpression: 'rev = :rev',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':next': rev + 1, ':rev': rev, ':a': ANSWERS, ':s': 'submitted', ':now': now.toISOString(), ':one': 1 },
          },
        },
        {
          Update: {
            TableName: db.tableName,
            Key: keys.campaign(raw.id),
            UpdateExpression: 'SET lastResponseAt = :now ADD submitted :one',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':now': now.toISOString(), ':one': 1, ':open': 'open' },
          },
        },
        {
          Put: {
            TableName: db.tableName,
            Item: eventItem({
              type: 'survey.response',
              at: now,
              data: { campaignId: raw.id, kind: raw.kind, wzSection: inv.wzSection, district: inv.district, sizeClass: inv.sizeClass, first: true },
            }),
          },
        },
        ...needRecords(raw, inv, ANSWERS as never, now.toISOString()).map((Item) => ({ Put: { TableName: db.tableName, Item } })),
        // The needs the answer states: written by a company's first answer; the same answer again changes none.
        ...transactItemsOf(db.tableName, surveyNeedWrites(raw, inv, answered.has(inv.companyId) ? (ANSWERS as never) : undefined, ANSWERS as never, now)),
      ];
      try {
        await db.doc.send(new TransactWriteCommand({ TransactItems: tx }));
        revs.set(inv.companyId, rev + 1);
        answered.add(inv.companyId);
        return;
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException' || attempt >= 12) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  };
  for (let i = 0; i < 32; i += 1) await rawSubmit(i);
  const rawRate = await throughput(COMPANIES * 2, rawSubmit);

  // P2: one submit at a time through the handler against its raw calls (the invitation read, the TransactWrite).
  let viaHandler = 0;
  let viaRaw = 0;
  const p2 = await pairedLatency(
    'survey_submit',
    'survey submit',
    async () => {
      const res = await submitOnce(tokens[viaHandler++ % COMPANIES]!);
      if (res.statusCode !== 200) throw new Error(`survey submit: ${res.statusCode} ${String(res.body)}`);
    },
    async () => {
      const inv = invitations[viaRaw % invitations.length]!;
      await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.invitation(raw.id, inv.companyId) }));
      await rawSubmit(viaRaw++);
    },
  );

  return [
    ...p1,
    ...p2,
    {
      id: 'P5.survey_submit_ratio',
      name: `survey submits/s, gateway ÷ raw TransactWrite, concurrency ${CONCURRENCY} (${gatewayRate.toFixed(0)} ÷ ${rawRate.toFixed(0)}/s)`,
      value: round(gatewayRate / rawRate),
      unit: 'ratio',
      goal: '≥ 0.5',
    },
  ];
}
