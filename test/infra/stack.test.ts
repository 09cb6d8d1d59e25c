import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '#infra/app.ts';
import { TABLE } from '#shared/table/definition.ts';
import { RESOURCES } from '#functions/registry.ts';
import { JOB_WORKER, JOBS } from '#functions/jobs.ts';
import { JOB_STREAM_FILTERS } from '#functions/jobs/stream.ts';
import { STACK } from '../../bench/cost.ts';

const JOB_NAMES = [...JOBS.map((j) => `job:${j.name}`), `job:${JOB_WORKER.name}`];

let template: Template;
let report: { pluginReports: { pluginName: string; violations: unknown[]; suppressedViolations: { ruleName: string; reason: string }[] }[] };

beforeAll(() => {
  const siteDir = mkdtempSync(join(tmpdir(), 'amon-site-'));
  mkdirSync(join(siteDir, 'assets'));
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>amoN</title>');
  const outdir = mkdtempSync(join(tmpdir(), 'amon-cdk-'));
  const { app, stack } = buildApp({ siteDir, outdir });
  const assembly = app.synth();
  template = Template.fromJSON(assembly.getStackByName(stack.stackName).template);
  report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
});

const operations = RESOURCES.flatMap((r) => Object.values(r.contract.operations));

describe('cdk-nag', () => {
  it('reports no unacknowledged AwsSolutions finding, and every acknowledgement gives a reason', () => {
    const nag = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
    expect(nag).toBeDefined();
    expect(nag!.violations).toEqual([]);
    for (const s of nag!.suppressedViolations) expect(s.reason.length, s.ruleName).toBeGreaterThan(20);
  });
});

describe('data', () => {
  it('the table has exactly the shared key schema and GSIs, with PITR, deletion protection and encryption', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
        Projection: i.projection ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...i.projection] } : { ProjectionType: 'ALL' },
      })),
      SSESpecification: { SSEEnabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
    });
  });
});

describe('the cost model (bench/cost.ts, P10)', () => {
  it('counts the resources the stack pays for by the month as the template holds them', () => {
    const count = (type: string) => Object.keys(template.findResources(type)).length;
    expect({
      alarms: count('AWS::CloudWatch::Alarm'),
      dashboards: count('AWS::CloudWatch::Dashboard'),
      kmsKeys: count('AWS::KMS::Key'),
      secrets: count('AWS::SecretsManager::Secret'),
      functions: count('AWS::Lambda::Function'),
    }).toEqual(STACK);
  });
});

describe('auth', () => {
  it('the user pool sets every password flag, requires MFA and has one group per role', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 7,
        },
      },
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
    });
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual(['admin', 'coordinator', 'counsellor']);
  });
});

describe('api', () => {
  it('has one route per operation, and every non-public route uses the JWT authorizer', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(operations.map((o) => o.route).sort());
    for (const op of operations) {
      const route = routes.find((r) => r.RouteKey === op.route)!;
      expect(route.AuthorizationType, op.route).toBe(op.roles === 'public' ? 'NONE' : 'JWT');
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] });
  });

  it('lets the API invoke each function through one permission, and the stack stays below 500 resources', () => {
    const perms = Object.values(template.findResources('AWS::Lambda::Permission')).filter((p) => p.Properties.Principal === 'apigateway.amazonaws.com');
    expect(perms).toHaveLength(RESOURCES.length);
    expect(Object.keys(template.toJSON().Resources).length).toBeLessThanOrEqual(450);
  });

  it('throttles every route and writes access logs', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!.Properties;
    expect(Object.keys(stage.RouteSettings).sort()).toEqual(operations.map((o) => o.route).sort());
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.AccessLogSettings.DestinationArn).toBeDefined();
  });

  it('runs one ESM Node.js 24 function per resource and per job, and the job worker, with the table bound', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function')).filter(
      (f) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'amon',
    );
    expect(fns).toHaveLength(RESOURCES.length + JOBS.length + 1);
    for (const f of fns) {
      expect(f.Properties.Runtime).toBe('nodejs24.x');
      expect(f.Properties.Handler).toBe('index.handler');
      expect(f.Properties.Architectures).toEqual(['arm64']);
    }
  });
});

describe('site', () => {
  it('serves from a private bucket through CloudFront OAC with strict security headers', () => {
    // The site's files, and the newsletter pictures from a private bucket of their own under /medien/*.
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
    const behaviors = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig.CacheBehaviors;
    expect(behaviors.map((b: { PathPattern: string }) => b.PathPattern).sort()).toEqual(['/api/*', '/medien/*']);
    const policy = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties.ResponseHeadersPolicyConfig
      .SecurityHeadersConfig;
    expect(policy.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(policy.ContentSecurityPolicy.ContentSecurityPolicy).toContain("object-src 'none'");
    expect(policy.ContentSecurityPolicy.ContentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(policy.ContentTypeOptions.Override).toBe(true);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });
});

describe('email and jobs', () => {
  it('has an SES identity from the SenderDomain parameter, a scheduler group and an encrypted DLQ', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: { Ref: 'SenderDomain' } });
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });
});

describe('jobs', () => {
  it('runs every job on an EventBridge Scheduler schedule in Europe/Berlin with retries and the dead-letter queue', async () => {
    const { JOBS } = await import('#functions/jobs.ts');
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map((s) => s.Properties);
    expect(schedules).toHaveLength(JOBS.length);
    for (const s of schedules) {
      expect(s.ScheduleExpressionTimezone).toBe('Europe/Berlin');
      expect(s.Target.RetryPolicy.MaximumRetryAttempts).toBe(3);
      expect(s.Target.DeadLetterConfig.Arn).toBeDefined();
    }
    expect(schedules.find((s) => s.ScheduleExpression === 'cron(30 3 * * ? *)')).toBeDefined();
  });
});

describe('least privilege', () => {
  type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, string[]>> };
  const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

  /** Our function names, as CDK spells them in logical ids ("Api" + "Fn" + "cases", "Jobs" + "Fn" + "monthlyreport"). */
  const functionNames = [...RESOURCES.map((r) => r.contract.name), ...JOB_NAMES];
  const logicalName = (name: string) => (name.startsWith('job:') ? `JobsFn${name.slice(4)}` : `ApiFn${name}`).replace(/[^A-Za-z0-9]/g, '');

  /** The statements of each of our functions, read from the synthesized policies attached to its role. */
  function statementsByFunction(): Map<string, Statement[]> {
    const fns = template.findResources('AWS::Lambda::Function');
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const out = new Map<string, Statement[]>();
    for (const [logicalId, fn] of Object.entries(fns)) {
      const name = functionNames.find((n) => new RegExp(`^${logicalName(n)}[0-9A-F]{8}$`).test(logicalId));
      if (!name) continue;
      const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const statements = policies
        .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role))
        .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
      out.set(name, statements);
    }
    return out;
  }

  it('each function may touch only its declared partitions, with no Scan and nothing but item actions', async () => {
    const { TABLE_ACCESS } = await import('#functions/access.ts');
    const byFunction = statementsByFunction();
    expect([...byFunction.keys()].sort()).toEqual([...functionNames].sort());
    for (const [name, statements] of byFunction) {
      const declared = TABLE_ACCESS[name]!;
      const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      // The worker alone reads the table stream, and only the stream.
      const stream = dynamo.filter((s) => actionsOf(s).some((a) => /^dynamodb:(DescribeStream|GetRecords|GetShardIterator|ListStreams)$/.test(a)));
      if (name === `job:${JOB_WORKER.name}`) {
        expect(stream.length, name).toBeGreaterThan(0);
        for (const s of stream) expect(JSON.stringify(s.Resource)).toMatch(/StreamArn|\*/);
      } else expect(stream, `${name} reads the table stream`).toEqual([]);
      for (const s of dynamo.filter((x) => !stream.includes(x))) {
        expect(
          actionsOf(s).filter((a) => !/^dynamodb:(GetItem|BatchGetItem|Query|ConditionCheckItem|PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/.test(a)),
          name,
        ).toEqual([]);
        expect(s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'], `${name} has a table grant without a partition condition`).toBeDefined();
      }
      const patterns = (kind: 'GetItem' | 'PutItem') =>
        dynamo.filter((s) => actionsOf(s).includes(`dynamodb:${kind}`)).flatMap((s) => s.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys']!);
      expect(patterns('GetItem').sort(), `${name} read`).toEqual([...declared.read].sort());
      expect(patterns('PutItem').sort(), `${name} write`).toEqual([...declared.write].sort());
    }
  });

  it('the public survey, unsubscribe, event registration and newsletter sign-up functions cannot read any case or audit item, nor change a case', async () => {
    const { TABLE_ACCESS } = await import('#functions/access.ts');
    const { matchesPattern } = await import('#functions/table-access.ts');
    const byFunction = statementsByFunction();
    for (const name of ['survey', 'unsubscribe', 'registration', 'subscriptions']) {
      const granted = byFunction
        .get(name)!
        .flatMap((s) => (actionsOf(s).includes('dynamodb:GetItem') ? s.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys']! : []));
      expect(granted.length).toBeGreaterThan(0);
      for (const key of [
        'CASE#01J0000000000000000000000',
        'AUDIT#case#01J0000000000000000000000',
        'AUDITUSER#u1',
        'CASES',
        'CASES#NAME',
        'CASEDUP#mueller#1990-01-01',
        'USER#u1',
      ]) {
        expect(
          granted.filter((p) => matchesPattern(p, key)),
          `${name} may read ${key}`,
        ).toEqual([]);
        expect(
          TABLE_ACCESS[name]!.write.filter((p) => matchesPattern(p, key)),
          `${name} may write ${key}`,
        ).toEqual([]);
      }
    }
  });

  it('only the functions that send mail get SES, and only the report functions get the report bucket', () => {
    const byFunction = statementsByFunction();
    const holders = (prefix: string) =>
      [...byFunction]
        .filter(([, ss]) => ss.some((s) => actionsOf(s).some((a) => a.startsWith(prefix))))
        .map(([n]) => n)
        .sort();
    expect(holders('ses:')).toEqual(['job:worker']);
    expect(holders('s3:')).toEqual(['job:monthly-report', 'job:worker', 'newsletters', 'reports']);
    // The newsletters function writes and deletes pictures under one prefix of the media bucket, and nothing else.
    const pictures = byFunction.get('newsletters')!.filter((st) => actionsOf(st).some((a) => a.startsWith('s3:')));
    expect(pictures.flatMap(actionsOf).sort()).toEqual(['s3:DeleteObject', 's3:PutObject']);
    expect(JSON.stringify(pictures.map((st) => st.Resource))).toMatch(/SiteMedia[0-9A-F]+.*\/medien\/newsletter\/\*/);
  });
});

describe('background work and alarms', () => {
  const alarms = () => Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const alarm = (name: string) => alarms().find((a) => a.AlarmName === `amon-${name}`);
  const topicRef = () => Object.keys(template.findResources('AWS::SNS::Topic'))[0]!;

  it('the job worker takes the table stream filtered to jobs and pending items, with partial failures, bisect, retries and a DLQ', () => {
    const [mapping, ...more] = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).map((m) => m.Properties);
    expect(more).toEqual([]);
    expect(mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual(JOB_STREAM_FILTERS);
    expect(mapping).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 8,
      StartingPosition: 'TRIM_HORIZON',
    });
    expect(JSON.stringify(mapping.EventSourceArn)).toContain('StreamArn');
    expect(JSON.stringify(mapping.DestinationConfig.OnFailure.Destination)).toContain('WorkerDeadLetters');
  });

  it('holds the SES rate: one worker at a time, paced at the configured mails per second', () => {
    const worker = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('JobsFnworker'))![1].Properties;
    expect(worker.ReservedConcurrentExecutions).toBe(1);
    expect(worker.Environment.Variables.MAIL_RATE_PER_SECOND).toBe('14');
  });

  it('every scheduled job retries twice when it throws and then lands in the dead-letter queue', () => {
    const configs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig')).map((c) => c.Properties);
    expect(configs).toHaveLength(JOBS.length);
    for (const c of configs) {
      expect(c.MaximumRetryAttempts).toBe(2);
      expect(JSON.stringify(c.DestinationConfig.OnFailure.Destination)).toMatch(/JobsDeadLetters/);
    }
  });

  it('the job worker sends meeting and event invitations with the OrganizerEmail parameter as their organizer', () => {
    const worker = Object.values(template.findResources('AWS::Lambda::Function')).find((f) =>
      JSON.stringify(f.Properties?.Environment?.Variables ?? {}).includes('MEETING_ORGANIZER'),
    );
    expect(JSON.stringify(worker?.Properties.Environment.Variables.MEETING_ORGANIZER)).toContain('"Ref":"OrganizerEmail"');
  });

  it('alarms go to an encrypted SNS topic whose e-mail subscriber is the AlarmEmail parameter', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: { Ref: 'AlarmEmail' } });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    expect(alarms().length).toBeGreaterThan(0);
    for (const a of alarms()) expect(a.AlarmActions, a.AlarmName).toEqual([{ Ref: topicRef() }]);
  });

  it('alarms on errors of every function, on throttling in the account, the API 5xx rate, both DLQs, the table, SES and the monthly report', () => {
    for (const name of [...RESOURCES.map((r) => r.contract.name), ...JOBS.map((j) => j.name), JOB_WORKER.name]) {
      expect(alarm(`Errors-${name}`), name).toMatchObject({ MetricName: 'Errors', Namespace: 'AWS/Lambda', Threshold: 1 });
    }
    // Throttling is the account's concurrency: one alarm on the account-wide metric (no function dimension).
    expect(alarm('LambdaThrottles')).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Throttles', Threshold: 1 });
    expect(alarm('LambdaThrottles')!.Dimensions).toBeUndefined();
    expect(JSON.stringify(alarm('Api5xxRate')!.Metrics)).toContain('5xx');
    expect(alarm('Api5xxRate')!.Threshold).toBe(1);
    for (const q of ['schedules', 'worker'])
      expect(alarm(`DeadLetters-${q}`)).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
    expect(JSON.stringify(alarm('TableThrottles')!.Metrics)).toContain('WriteThrottleEvents');
    expect(JSON.stringify(alarm('TableSystemErrors')!.Metrics)).toContain('SystemErrors');
    expect(alarm('SesBounceRate')).toMatchObject({ MetricName: 'Reputation.BounceRate', Threshold: 0.05, ComparisonOperator: 'GreaterThanThreshold' });
    expect(alarm('SesComplaintRate')).toMatchObject({ MetricName: 'Reputation.ComplaintRate', Threshold: 0.001 });
    const missing = alarm('MonthlyReportMissing')!;
    expect(missing).toMatchObject({ MetricName: 'Errors', Threshold: 1 });
    expect(JSON.stringify(missing.Dimensions)).toContain('JobsFnreportcheck');
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 8 1 * ? *)' });
  });

  it('a dashboard shows the alarms', () => {
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(JSON.stringify(dashboard!.Properties.DashboardBody)).toContain('MonitoringMonthlyReportMissing');
  });
});
