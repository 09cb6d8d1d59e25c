// The deployed code, proven to run: the CDK app is synthesized with its real esbuild bundles, and each bundle is
// imported in a Node process of its own with exactly the environment the template gives its function (tokens
// resolved to this test's world, plus only the DynamoDB Local endpoint and dummy credentials), then invoked with the
// events Lambda sends: API Gateway payload 2.0 for a read, a write and the public survey route, and a table-stream
// batch for the job worker. A bundle that misses a module, reads a variable CDK does not set, or breaks under ESM
// fails here rather than after a deploy.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf.ts';
import { buildApp } from '#infra/app.ts';
import { database } from '#functions/clients.ts';
import { handler as companies } from '#functions/companies/handler.ts';
import { openApiDocument } from '#functions/openapi/document.ts';
import { RESOURCES } from '#functions/registry.ts';
import { keys } from '#shared/table/keys.ts';
import { occupationsService } from '#shared/occupations/domain.ts';
import { FONT_FILES, FONT_USERS } from '#shared/pdf/fonts.ts';
import { jobRepository } from '#shared/jobs/repository.ts';
import { apiEvent, call } from '../support/api.ts';
import { aCase, aCompany } from '../support/builders.ts';

type Fn = { bundle: string; env: Record<string, string> };
const functions = new Map<string, Fn>();
const work = mkdtempSync(join(tmpdir(), 'amon-bundles-'));

/** What this test's world gives for each value the template leaves to CloudFormation (a Ref, a Join, a secret). */
const WORLD: Record<string, string> = {
  TABLE_NAME: process.env.TABLE_NAME!,
  USER_POOL_ID: 'eu-central-1_BundleTest',
  MAIL_FROM: 'amoN Nachqualifizierung <noreply@amon.example>',
  SITE_URL: 'https://amon.example',
  CORS_ORIGINS: 'https://amon.example',
  SEALING_SECRET: 'bundle-test-sealing-secret-0123456789abcdef',
  UNSUBSCRIBE_SECRET: 'bundle-test-unsubscribe-secret-0123456789',
  REPORTS_BUCKET: 'amon-reports-bundle-test',
  MEETING_ORGANIZER: 'amoN Koordination <koordination@amon.example>',
  MEDIA_BUCKET: 'amon-media-bundle-test',
};

beforeAll(async () => {
  // The shipped occupations, which a new case names as its target.
  await occupationsService(database()).seedShipped();
  const siteDir = join(work, 'site');
  mkdirSync(join(siteDir, 'assets'), { recursive: true });
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>amoN</title>');
  const outdir = join(work, 'cdk.out');
  const { app, stack } = buildApp({ siteDir, outdir });
  const template = app.synth().getStackByName(stack.stackName).template as {
    Resources: Record<
      string,
      { Type: string; Properties: { Code?: { S3Key?: string }; Handler?: string; Environment?: { Variables?: Record<string, unknown> } } }
    >;
  };
  for (const [id, r] of Object.entries(template.Resources)) {
    if (r.Type !== 'AWS::Lambda::Function' || !/^(ApiFn|JobsFn)/.test(id)) continue;
    const name = id.replace(/^(ApiFn|JobsFn)/, '').replace(/[0-9A-F]{8}$/, '');
    const unresolved: string[] = [];
    const env = Object.fromEntries(
      Object.entries(r.Properties.Environment?.Variables ?? {}).map(([k, v]) => {
        if (typeof v === 'string') return [k, v];
        if (!(k in WORLD)) unresolved.push(k);
        return [k, WORLD[k] ?? ''];
      }),
    );
    expect(unresolved, `${name}: variables this test does not know how to resolve`).toEqual([]);
    const [file] = r.Properties.Handler!.split('.');
    functions.set(name, { bundle: join(outdir, `asset.${r.Properties.Code!.S3Key!.replace(/\.zip$/, '')}`, `${file}.mjs`), env });
  }
}, 120_000);

/** Invokes a bundle in a process of its own, as Lambda would, and answers what the handler returned. */
function invoke(name: string, event: unknown): { statusCode?: number; body?: string; batchItemFailures?: unknown[] } {
  const fn = functions.get(name);
  if (!fn) throw new Error(`no function ${name} in the template: ${[...functions.keys()].join(', ')}`);
  const eventFile = join(work, `event-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(eventFile, JSON.stringify(event));
  const runner = join(work, 'invoke.mjs');
  writeFileSync(
    runner,
    `import { readFileSync } from 'node:fs';
const [bundle, eventFile] = process.argv.slice(2);
const { handler } = await import(bundle);
const context = { awsRequestId: 'bundle-test', functionName: 'bundle-test', getRemainingTimeInMillis: () => 10000 };
const out = await handler(JSON.parse(readFileSync(eventFile, 'utf8')), context);
process.stdout.write('\\n@@' + JSON.stringify(out ?? null));`,
  );
  const stdout = execFileSync(process.execPath, [runner, fn.bundle, eventFile], {
    // Exactly the function's environment; the only additions point the SDK at DynamoDB Local.
    env: {
      ...fn.env,
      PATH: process.env.PATH!,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT!,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(stdout.slice(stdout.lastIndexOf('\n@@') + 3)) as ReturnType<typeof invoke>;
}

const json = (r: { body?: string }) => JSON.parse(r.body ?? 'null') as Record<string, unknown>;

describe('the deployed bundles run with the environment CDK gives them', () => {
  it('cases: a write route stores a case, a read route lists it', () => {
    const created = invoke('cases', apiEvent('POST /api/cases', { body: aCase(), as: 'counsellor' }));
    expect(created.statusCode, created.body).toBe(201);
    const id = json(created).id as string;
    const listed = invoke('cases', apiEvent('GET /api/cases', { query: { limit: '50' }, as: 'counsellor' }));
    expect(listed.statusCode, listed.body).toBe(200);
    expect((json(listed).items as { id: string }[]).map((c) => c.id)).toContain(id);
  });

  it('the documents function renders an attendance list with the Unicode font copied beside its bundle', async () => {
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const event = {
      kind: 'workshop',
      title: 'Bündelprobe Workshop',
      startsAt: `${day}T10:00`,
      endsAt: `${day}T12:00`,
      place: 'Rostock',
      capacity: 5,
      registrationDeadline: day,
      audience: 'public',
    };
    const created = invoke('events', apiEvent('POST /api/events', { body: event, as: 'coordinator' }));
    expect(created.statusCode, created.body).toBe(201);
    const id = json(created).id as string;
    const person = { name: 'Łukasz Wiśniewski', email: 'lukasz@example.org', notify: false };
    const added = invoke('events', apiEvent('POST /api/events/{id}/registrations', { params: { id }, body: person, as: 'coordinator' }));
    expect(added.statusCode, added.body).toBe(201);
    const pdf = invoke('evaluations', apiEvent('GET /api/events/{id}/attendance-list/pdf', { params: { id }, as: 'coordinator' }));
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(await pdfText(pdf.body!)).toContain('Łukasz Wiśniewski');
  });

  it('the functions that render PDFs (event documents, the monthly report on demand and by its job) have the font beside them', () => {
    for (const name of FONT_USERS) {
      // Logical ids drop the hyphen of a job's name (monthly-report: JobsFnmonthlyreport…).
      const fn = functions.get(name) ?? functions.get(name.replace(/-/g, ''));
      expect(fn, name).toBeDefined();
      for (const font of FONT_FILES) expect(existsSync(join(dirname(fn!.bundle), font)), `${name}: ${font}`).toBe(true);
    }
  });

  it('the OpenAPI function serves the document built at bundle time, the same as the contracts give', () => {
    const res = invoke('openapi', apiEvent('GET /api/openapi.json', { as: 'anonymous' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual(JSON.parse(JSON.stringify(openApiDocument(RESOURCES))));
  });

  it('the public survey route answers a forged link with a 4xx that says why, not a 5xx', () => {
    const res = invoke('survey', apiEvent('GET /api/survey', { headers: { authorization: `Survey ${'x'.repeat(60)}` }, as: 'anonymous' }));
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(json(res)).toHaveProperty('error');
  });

  it('the job worker takes a stream batch: a new import job releases its rows, their records write the companies', async () => {
    const db = database();
    const rows = [aCompany({ name: 'Bündelprobe Nord GmbH' }), aCompany({ name: 'Bündelprobe Süd GmbH' })];
    const started = await call(companies, 'POST /api/companies/import', { body: { dryRun: false, rows }, as: 'coordinator' });
    const jobId = started.body.jobId as string;
    const record = (item: Record<string, unknown>, i: number) => ({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: { SequenceNumber: String(100 + i), NewImage: marshall(item, { removeUndefinedValues: true }) },
    });
    const job = (await db.get(keys.job(jobId), true))!;
    expect(invoke('worker', { Records: [record(job, 0)] })).toEqual({ batchItemFailures: [] });
    const items = await jobRepository(db).allItems(jobId);
    expect(items.map((i) => i.state)).toEqual(['pending', 'pending']);
    const raw = await Promise.all(items.map((i) => db.get(keys.jobItem(jobId, i.key), true)));
    expect(invoke('worker', { Records: raw.map((r, i) => record(r!, i + 1)) })).toEqual({ batchItemFailures: [] });
    expect(await jobRepository(db).get(jobId)).toMatchObject({ status: 'done', done: 2 });
    for (const i of items) expect(await db.get(keys.company(i.key), true)).toMatchObject({ name: expect.stringMatching(/^Bündelprobe/) });
  });
});
