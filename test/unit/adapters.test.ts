import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoTable } from '#shared/table/dynamodb.ts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { simpleParser } from 'mailparser';
import { outboxTransport, sesTransport, toMime } from '#functions/email/transport.ts';
import { cognitoDirectory } from '#functions/users/cognito-directory.ts';
import type { OutgoingMail } from '#shared/email/message.ts';
import { runJob, startScheduler } from '#local/scheduler.ts';
import { tokenBucket } from '#local/rate-limit.ts';
import { runs } from './support/tick-job.ts';

const mail: OutgoingMail = {
  to: 'partnerin@example.org',
  subject: 'Monatsbericht Oktober 2026 – Übersicht',
  text: 'Grüße aus Rostock',
  html: '<p>Grüße aus Rostock</p>',
  headers: { 'List-Unsubscribe': '<https://amon.example/abmelden>' },
  attachments: [{ filename: 'bericht.txt', content: 'Inhalt', contentType: 'text/plain' }],
  kind: 'digest',
};

describe('e-mail transports: one MIME message for both worlds', () => {
  it('the outbox writes a real .eml that parses back with umlauts, headers and attachment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amon-outbox-'));
    await outboxTransport(dir, 'amoN <noreply@amon.local>').send(mail);
    const [file] = readdirSync(dir);
    expect(file).toMatch(/digest-partnerin@example\.org\.eml$/);
    const parsed = await simpleParser(readFileSync(join(dir, file!)));
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text?.trim()).toBe('Grüße aus Rostock');
    expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain('https://amon.example/abmelden');
    expect(parsed.attachments[0]?.filename).toBe('bericht.txt');
  });

  it('SES gets the same raw MIME message', async () => {
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const result = await sesTransport(new SESv2Client({ region: 'eu-central-1' }), 'amoN <noreply@amon.example>').send(mail);
    expect(result.messageId).toBe('ses-1');
    const raw = Buffer.from(ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Content!.Raw!.Data!).toString('utf8');
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe('partnerin@example.org');
    const local = await toMime(mail, 'amoN <noreply@amon.example>');
    expect(local.raw.toString()).toContain('Content-Type: multipart/mixed');
  });
});

describe('the Cognito adapter of the user directory', () => {
  const cognito = mockClient(CognitoIdentityProviderClient);
  const dynamo = mockClient(DynamoDBDocumentClient);
  const db = dynamoTable(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-central-1' })), 't');
  const actor = { id: 'admin-1', email: 'a@amon.local', roles: ['admin'] };
  const directory = cognitoDirectory(new CognitoIdentityProviderClient({ region: 'eu-central-1' }), 'pool-1', db);

  beforeEach(() => {
    cognito.reset();
    dynamo.reset();
    dynamo.on(PutCommand).resolves({});
    cognito.on(AdminGetUserCommand).resolves({
      Username: 'u-1',
      UserAttributes: [
        { Name: 'email', Value: 'neu@amon.local' },
        { Name: 'name', Value: 'Neu' },
      ],
      Enabled: true,
      UserStatus: 'FORCE_CHANGE_PASSWORD',
      UserCreateDate: new Date('2026-11-01T10:00:00Z'),
      UserLastModifiedDate: new Date('2026-11-01T10:00:00Z'),
    });
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'counsellor' }] });
  });

  it('invites through AdminCreateUser, adds the groups and audits the change', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'u-1' } });
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    const user = await directory.invite({ email: 'neu@amon.local', name: 'Neu', roles: ['counsellor'] }, actor);
    expect(user).toMatchObject({ id: 'u-1', status: 'invited', roles: ['counsellor'] });
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input.DesiredDeliveryMediums).toEqual(['EMAIL']);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((c) => c.args[0].input.GroupName)).toEqual(['counsellor']);
    expect(dynamo.commandCalls(PutCommand)[0]!.args[0].input.Item).toMatchObject({ action: 'create', recordType: 'user' });
  });

  it('maps an existing username to a 409 on email', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'exists', $metadata: {} }));
    await expect(directory.invite({ email: 'neu@amon.local', name: 'Neu', roles: ['counsellor'] }, actor)).rejects.toMatchObject({
      status: 409,
      code: 'email_taken',
    });
  });

  it('changes only what changed: groups added and removed, account disabled', async () => {
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    cognito.on(AdminRemoveUserFromGroupCommand).resolves({});
    cognito.on(AdminDisableUserCommand).resolves({});
    await directory.update('u-1', { name: 'Neu', roles: ['coordinator'], enabled: false }, actor);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((c) => c.args[0].input.GroupName)).toEqual(['coordinator']);
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand).map((c) => c.args[0].input.GroupName)).toEqual(['counsellor']);
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(1);
  });

  it('refuses to let an admin disable their own account', async () => {
    await expect(directory.update('admin-1', { name: 'Ich', roles: ['admin'], enabled: false }, actor)).rejects.toMatchObject({ code: 'self_lockout' });
  });
});

describe('the local scheduler', () => {
  const job = { name: 'tick', cron: '* * * * * *', entry: 'test/unit/support/tick-job.ts', description: 'test', sendsMail: false };

  it('runs a job now with its arguments', async () => {
    await runJob(process.cwd(), job, ['2026-10']);
    expect(runs.at(-1)).toMatchObject({ job: 'tick', args: ['2026-10'] });
  });

  it('runs a job at its cron in Europe/Berlin and reports the next run', async () => {
    const before = runs.length;
    const scheduler = startScheduler(process.cwd(), [job], () => {});
    expect(scheduler.next()[0]!.next).toEqual(expect.any(String));
    await new Promise((r) => setTimeout(r, 2100));
    scheduler.stop();
    expect(runs.length).toBeGreaterThan(before);
  });
});

describe('the token bucket', () => {
  it('allows the capacity, then refuses until it refills', () => {
    const bucket = tokenBucket({ capacity: 3, refillPerSecond: 1 });
    const t = 1_000_000;
    expect([1, 2, 3, 4].map(() => bucket.take('ip', t))).toEqual([true, true, true, false]);
    expect(bucket.take('ip', t + 1000)).toBe(true);
    expect(bucket.take('other', t)).toBe(true);
  });
});
