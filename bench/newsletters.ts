// P1 for newsletters, on a table of its own (bench/apart.ts): counting an audience of 300 companies of one sector and
// district and 50 subscribers; the request that
// sends an issue (the issue and its job in one transaction); and the job's items one after another with a transport
// that only counts: DynamoDB calls per recipient and the time for all of them.
import type { RouteKey } from '../test/support/api.ts';
import type { Figure } from './figure.ts';
import { round } from './timing.ts';

const COMPANIES = 300;
const SUBSCRIBERS = 50;

export async function measureNewsletters(): Promise<Figure[]> {
  process.env.UNSUBSCRIBE_SECRET ??= 'bench-unsubscribe-secret-0123456789-abcdef';
  const { dynamoCalls, database } = await import('#functions/clients.ts');
  const { handler: newsletters } = await import('#functions/newsletters/handler.ts');
  const { handler: companies } = await import('#functions/companies/handler.ts');
  const { jobEngine } = await import('#shared/jobs/engine.ts');
  const { jobRepository } = await import('#shared/jobs/repository.ts');
  const { newsletterJobKinds } = await import('#shared/newsletters/jobs.ts');
  const { newsletterRepository } = await import('#shared/newsletters/repository.ts');
  const { writeSet } = await import('#shared/table/write-set.ts');
  const { apiEvent, lambdaContext } = await import('../test/support/api.ts');
  type Answer = { statusCode?: number; body?: string };
  const invoke = async (fn: typeof newsletters, routeKey: RouteKey, o: Parameters<typeof apiEvent>[1]) =>
    (await fn(apiEvent(routeKey, o), lambdaContext)) as Answer;
  const ok = (res: Answer, what: string) => {
    if (!res.statusCode || res.statusCode >= 300) throw new Error(`${what} answered ${res.statusCode}: ${res.body}`);
    return JSON.parse(res.body ?? 'null') as Record<string, unknown>;
  };
  const db = database();

  process.stdout.write(`  newsletter audience: ${COMPANIES} companies, ${SUBSCRIBERS} subscribers …\r`);
  for (let i = 0; i < COMPANIES; i++)
    ok(
      await invoke(companies, 'POST /api/companies', {
        body: {
          name: `Newsletter-Betrieb ${i}`,
          wzSection: 'U',
          sizeClass: '10-49',
          district: 'outside_mv',
          postcode: '10117',
          email: `betrieb${i}@nl.bench`,
        },
        as: 'coordinator',
      }),
      'company',
    );
  // Confirmed subscribers as the confirmation leaves them (the sign-up path is measured by the integration tests).
  const repo = newsletterRepository(db);
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const at = new Date().toISOString();
    const change = writeSet(db);
    repo.createSubscriber(
      {
        id: `01JBENCH${String(i).padStart(18, '0')}`.replace(/[ILOU]/g, 'X'),
        email: `leser${i}@nl.bench`,
        language: 'de',
        state: 'active',
        signedUpAt: at,
        confirmedAt: at,
        consentText: 'Bench',
        version: 1,
      },
      change,
      () => new Error('taken') as never,
    );
    await change.commit();
  }

  const audience = { companies: { wzSections: ['U'], districts: ['outside_mv'] }, subscribers: true };
  const beforeCount = dynamoCalls.count;
  const t0 = performance.now();
  const count = ok(await invoke(newsletters, 'POST /api/newsletters/audience', { body: audience, as: 'coordinator' }), 'audience');
  const countMs = performance.now() - t0;
  const countCalls = dynamoCalls.count - beforeCount;
  const recipients = Number(count.recipients);
  if (recipients !== COMPANIES + SUBSCRIBERS) throw new Error(`audience has ${recipients} addresses`);

  const issue = ok(
    await invoke(newsletters, 'POST /api/newsletters', {
      body: {
        title: 'Bench-Ausgabe',
        intro: 'Einleitung',
        sections: [{ heading: 'Gute Praxis', body: 'Text', links: [{ label: 'Katalog', url: '/katalog/' }] }],
      },
      as: 'coordinator',
    }),
    'create',
  );
  const beforeSend = dynamoCalls.count;
  const t1 = performance.now();
  const sent = ok(
    await invoke(newsletters, 'POST /api/newsletters/{id}/send', { params: { id: String(issue.id) }, body: { version: 1, audience }, as: 'coordinator' }),
    'send',
  );
  const sendMs = performance.now() - t1;
  const sendCalls = dynamoCalls.count - beforeSend;

  let mails = 0;
  const setup = {
    transport: { send: async () => (mails++, { messageId: 'bench' }) },
    siteUrl: 'http://127.0.0.1:3000',
    unsubscribeMailbox: 'abmelden@bench',
    secret: process.env.UNSUBSCRIBE_SECRET,
  };
  const engine = jobEngine(
    db,
    newsletterJobKinds(
      db,
      () => setup,
      () => new Date(),
    ) as never,
  );
  const job = (await jobRepository(db).get(String(sent.jobId)))!;
  const beforeJob = dynamoCalls.count;
  const t2 = performance.now();
  const ended = await engine.runToEnd(job);
  const jobMs = performance.now() - t2;
  const jobCalls = dynamoCalls.count - beforeJob;
  if (mails !== recipients || ended?.done !== recipients) throw new Error(`sent ${mails} of ${recipients} (job done ${ended?.done})`);

  return [
    {
      id: 'P1.newsletter_audience',
      name: `audience count of ${recipients} addresses (companies of a sector and district, subscribers): calls`,
      value: countCalls,
      unit: 'calls',
    },
    { id: 'P1.newsletter_audience_ms', name: `audience count of ${recipients} addresses`, value: round(countMs, 1), unit: 'ms' },
    { id: 'P1.newsletter_send', name: 'sending an issue (audience, issue and job in one transaction): calls', value: sendCalls, unit: 'calls' },
    { id: 'P1.newsletter_send_ms', name: 'sending an issue: the request', value: round(sendMs, 1), unit: 'ms' },
    {
      id: 'P1.newsletter_item_calls',
      name: `newsletter job: DynamoDB calls per recipient (${recipients} items, expansion included)`,
      value: round(jobCalls / recipients, 1),
      unit: 'calls',
    },
    { id: 'P1.newsletter_job_s', name: `newsletter job: ${recipients} mails one after another (local transport)`, value: round(jobMs / 1000, 2), unit: 's' },
  ];
}
