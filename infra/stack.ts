// The amoN stack: data, API, site, auth, e-mail and jobs, wired together.
import { CfnOutput, CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { JOBS } from '#functions/jobs.ts';
import { Api } from './constructs/api.ts';
import { Auth } from './constructs/auth.ts';
import { Data } from './constructs/data.ts';
import { Email } from './constructs/email.ts';
import { Jobs } from './constructs/jobs.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Reports } from './constructs/reports.ts';
import { Site } from './constructs/site.ts';
import { acknowledgeFindings } from './nag.ts';

/**
 * Mails per second SES allows this account (the SES console's "sending rate"; sandbox 1, production 14 by default),
 * set at deploy: `npx cdk deploy -c mailRatePerSecond=14`.
 */
function mailRatePerSecond(scope: Construct): number {
  const raw: unknown = scope.node.tryGetContext('mailRatePerSecond') ?? 14;
  const rate = Number(raw);
  if (!Number.isInteger(rate) || rate < 1 || rate > 500) throw new Error(`mailRatePerSecond must be a whole number from 1 to 500, not "${String(raw)}"`);
  return rate;
}

export type AmonStackProps = StackProps & { siteDir: string };

export class AmonStack extends Stack {
  constructor(scope: Construct, id: string, props: AmonStackProps) {
    super(scope, id, props);
    const senderDomain = new CfnParameter(this, 'SenderDomain', {
      type: 'String',
      description: 'Domain that sends e-mail (SES identity), e.g. amon.example.de',
      allowedPattern: '^[a-z0-9.-]+\\.[a-z]{2,}$',
    });
    const alarmEmail = new CfnParameter(this, 'AlarmEmail', {
      type: 'String',
      description: 'E-mail address that receives the alarms (confirm the SNS subscription mail once)',
      allowedPattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
    });
    const organizerEmail = new CfnParameter(this, 'OrganizerEmail', {
      type: 'String',
      description: 'Mailbox of the network coordination: the organizer of meetings and events, which receives accepts, declines and replies',
      allowedPattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
    });
    const authDomainPrefix = new CfnParameter(this, 'AuthDomainPrefix', {
      type: 'String',
      description: 'Prefix of the Cognito Hosted UI domain, e.g. amon-rostock',
      allowedPattern: '^[a-z0-9-]{3,63}$',
    });

    const data = new Data(this, 'Data');
    const api = new Api(this, 'Api');
    const site = new Site(this, 'Site', { api: api.httpApi });
    const auth = new Auth(this, 'Auth', { domainPrefix: authDomainPrefix.valueAsString, siteUrl: site.url });
    const email = new Email(this, 'Email', { senderDomain: senderDomain.valueAsString });

    api.addResources({ table: data.table, userPool: auth.userPool, client: auth.client, siteUrl: site.url, mailFrom: email.from });
    const jobs = new Jobs(this, 'Jobs', {
      table: data.table,
      environment: {
        MAIL_TRANSPORT: 'ses',
        MAIL_FROM: email.from,
        MEETING_ORGANIZER: `amoN Koordination <${organizerEmail.valueAsString}>`,
        SITE_URL: site.url,
        IDENTITY_PROVIDER: 'cognito',
        USER_POOL_ID: auth.userPool.userPoolId,
      },
      mailRatePerSecond: mailRatePerSecond(this),
    });
    for (const job of JOBS.filter((j) => j.sendsMail)) email.grantSend(jobs.functions[job.name]!);
    // Every bulk mail (surveys, meetings, the digest) goes out from the job worker, at the configured SES rate.
    email.grantSend(jobs.worker);
    new Monitoring(this, 'Monitoring', {
      alarmEmail: alarmEmail.valueAsString,
      functions: { ...api.functions, ...jobs.functions, worker: jobs.worker },
      api: api.httpApi,
      deadLetters: { schedules: jobs.deadLetters, worker: jobs.workerDeadLetters },
      table: data.table,
      reportCheck: jobs.functions['report-check']!,
    });
    const reports = new Reports(this, 'Reports', { accessLogs: site.logs });
    reports.grant(api.functions.reports!, 'readWrite');
    reports.grant(api.functions.unsubscribe!, 'secretOnly');
    reports.grant(jobs.functions['monthly-report']!, 'readWrite');
    // The worker attaches the PDF to the digest and signs its unsubscribe links.
    reports.grant(jobs.worker, 'read');
    // Newsletter pictures: the newsletters function writes and deletes them; the site serves them.
    const newsletters = api.functions.newsletters!;
    newsletters.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject'], resources: [site.media.arnForObjects('medien/newsletter/*')] }),
    );
    newsletters.addEnvironment('MEDIA_BUCKET', site.media.bucketName);
    site.deploy(props.siteDir, {
      apiUrl: '',
      auth: {
        kind: 'cognito',
        domain: auth.domain.baseUrl(),
        clientId: auth.client.userPoolClientId,
        redirectUri: `${site.url}/auth-callback`,
        issuer: auth.userPool.userPoolProviderUrl,
      },
    });

    new CfnOutput(this, 'SiteUrl', { value: site.url });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    acknowledgeFindings(this);
  }
}
