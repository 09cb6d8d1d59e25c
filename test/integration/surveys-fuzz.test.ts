import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'amon-survey-fuzz-'));

const { handler: campaigns } = await import('#functions/campaigns/handler.ts');
const { handler: survey } = await import('#functions/survey/handler.ts');
const { database } = await import('#functions/clients.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { answersSchema } = await import('#shared/surveys/questions.ts');
const { surveyRepository } = await import('#shared/surveys/repository.ts');
const { call } = await import('../support/api.ts');
type RouteKey = import('../support/api.ts').RouteKey;
const { aCampaign, allQuestionTypes } = await import('../support/builders.ts');
const { openCampaignWith } = await import('../support/surveys.ts');
const { linksFor } = await import('../support/outbox.ts');

const RUNS = 1000;
let token = '';
let campaignId = '';
let companyId = '';
let draftId = '';

/** Bodies that are mostly wrong: random JSON, valid answers with one value broken, unknown fields, huge strings. */
const answerValue = fc.oneof(
  fc.jsonValue(),
  fc.string({ maxLength: 3000 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.jsonValue(), { maxLength: 12 }),
  fc.constant(null),
);
const brokenAnswers = fc.oneof(
  fc.dictionary(fc.constantFrom('qtraining', 'qchannels', 'qstaff', 'qoutlook', 'qnotes', 'qneeds', 'qunknown', '__proto__', 'constructor'), answerValue),
  fc.record({ qtraining: fc.constantFrom('yes', 'no'), qstaff: fc.oneof(fc.integer({ min: -10, max: 10_000 }), fc.double()) }),
  fc.record({
    qtraining: fc.constant('yes'),
    qstaff: fc.constant(3),
    qneeds: fc.array(
      fc.record(
        {
          occupation: fc.oneof(fc.constantFrom('51312', '99999', ''), fc.string()),
          headcount: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double()),
          timeframe: fc.string(),
          lowSkilled: fc.anything(),
          migrant: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 12 },
    ),
  }),
);
const body = fc.oneof(fc.record({ answers: brokenAnswers }), fc.jsonValue(), fc.record({ answers: brokenAnswers, extra: fc.string() }), fc.string());

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
  const opened = await openCampaignWith(1);
  campaignId = opened.campaign.id;
  companyId = opened.companies[0]!.id;
  token = (await linksFor(process.env.OUTBOX_DIR!, opened.companies[0]!.email))[0]!;
  draftId = (await call(campaigns, 'POST /api/campaigns', { body: aCampaign(), as: 'coordinator' })).body.id;
});

const send = (route: RouteKey, b: unknown, extra: Partial<Parameters<typeof call>[2]> = {}) =>
  call(survey, route, { as: 'anonymous', headers: { authorization: `Survey ${token}` }, rawBody: typeof b === 'string' ? b : JSON.stringify(b), ...extra });

describe('survey endpoints under generated bad input', () => {
  it.each<[RouteKey]>([['PUT /api/survey/draft'], ['POST /api/survey/response']])(
    `%s: ${RUNS} generated bodies, never a 500, never a stored invalid answer`,
    { timeout: 300_000 },
    async (route) => {
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const res = await send(route, b);
          expect([200, 400, 413]).toContain(res.status);
          if (res.status === 400) expect(res.body.error.fields.length).toBeGreaterThan(0);
        }),
        { numRuns: RUNS },
      );
      const repo = surveyRepository(database());
      const { campaign, invitation } = await repo.campaignWithInvitation(campaignId, companyId);
      const codes = campaign!.occupations.map((o) => o.code);
      if (invitation!.answers) expect(answersSchema(campaign!.questions, codes, 'submit').safeParse(invitation!.answers).success).toBe(true);
      if (invitation!.draft) expect(answersSchema(campaign!.questions, codes, 'draft').safeParse(invitation!.draft).success).toBe(true);
    },
  );

  it(`GET /api/survey: ${RUNS} generated tokens find nothing and all get the same 404`, { timeout: 120_000 }, async () => {
    const bodies = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^[0-9A-Z]{26}\.[0-9A-Z]{26}\.[A-Za-z0-9_-]{22}$/),
          fc.constant(`${campaignId}.${companyId}.`).chain((p) => fc.stringMatching(/^[A-Za-z0-9_-]{22}$/).map((s) => p + s)),
        ),
        async (t) => {
          const res = await call(survey, 'GET /api/survey', { as: 'anonymous', headers: { authorization: `Survey ${t}` } });
          expect(res.status).toBe(404);
          bodies.add(JSON.stringify(res.body));
        },
      ),
      { numRuns: RUNS },
    );
    expect(bodies.size).toBe(1);
  });

  const staffRoutes: [RouteKey, Record<string, string>][] = [
    ['POST /api/campaigns', {}],
    ['PUT /api/campaigns/{id}', { id: '' }],
    ['POST /api/campaigns/{id}/waves', { id: '' }],
    ['POST /api/campaigns/{id}/invitations', { id: '' }],
    ['POST /api/campaigns/{id}/reminders', { id: '' }],
  ];
  const question = fc.oneof(
    fc
      .constantFrom(...allQuestionTypes())
      .chain((q) => fc.record({ key: fc.constantFrom(...Object.keys(q), 'extra'), value: fc.jsonValue() }).map(({ key, value }) => ({ ...q, [key]: value }))),
    fc.jsonValue(),
  );
  const staffBody = fc.oneof(
    fc.jsonValue(),
    fc
      .record({ key: fc.constantFrom(...Object.keys(aCampaign()), 'version', 'status', 'extra'), value: fc.jsonValue() })
      .map(({ key, value }) => ({ ...aCampaign(), version: 1, [key]: value })),
    fc.array(question, { maxLength: 45 }).map((questions) => ({ ...aCampaign(), version: 1, questions })),
    fc.record({ companyIds: fc.array(fc.string(), { maxLength: 3 }), filter: fc.jsonValue() }, { requiredKeys: [] }),
  );
  it.each(staffRoutes)(`%s: ${RUNS} generated bodies, never a 500`, { timeout: 300_000 }, async (route, params) => {
    await fc.assert(
      fc.asyncProperty(staffBody, async (b) => {
        const res = await call(campaigns, route, { as: 'coordinator', params: { ...params, id: draftId }, rawBody: JSON.stringify(b) });
        expect(res.status).toBeLessThan(500);
        if (res.status === 400) expect(res.body.error.fields.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
