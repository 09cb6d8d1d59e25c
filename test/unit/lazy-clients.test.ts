// The clients a function loads on first use (the S3 stores, the SES transport) work as the eager ones did: the client
// is made once, with the first call, and the commands reach it.
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { lazyS3 } from '#functions/clients.ts';
import { s3Store } from '#functions/reports/store.ts';
import { s3Media } from '#functions/newsletters/media.ts';
import { lazySesTransport } from '#functions/email/transport.ts';

const s3 = mockClient(S3Client);
const ses = mockClient(SESv2Client);
beforeEach(() => {
  s3.reset();
  ses.reset();
});

describe('clients made on first use', () => {
  it('lazyS3 makes one client, on the first call', async () => {
    const client = lazyS3('eu-central-1');
    const [a, b] = await Promise.all([client(), client()]);
    expect(a).toBeInstanceOf(S3Client);
    expect(b).toBe(a);
    expect(await client()).toBe(a);
  });

  it('the report store puts encrypted files and reads them back; a missing file is undefined', async () => {
    s3.on(PutObjectCommand).resolves({});
    s3.on(GetObjectCommand, { Key: 'berichte/2026-11.pdf' }).resolves({
      Body: { transformToByteArray: async () => new Uint8Array(Buffer.from('%PDF-1.7')) },
    } as never);
    s3.on(GetObjectCommand, { Key: 'berichte/2026-10.pdf' }).rejects(new NoSuchKey({ message: 'no such key', $metadata: {} }));
    const store = s3Store(lazyS3('eu-central-1'), 'amon-reports');
    await store.put('berichte/2026-11.pdf', new Uint8Array([1, 2]), 'application/pdf');
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({
      Bucket: 'amon-reports',
      Key: 'berichte/2026-11.pdf',
      ContentType: 'application/pdf',
      ServerSideEncryption: 'AES256',
    });
    expect(Buffer.from((await store.get('berichte/2026-11.pdf'))!).toString()).toBe('%PDF-1.7');
    expect(await store.get('berichte/2026-10.pdf')).toBeUndefined();
  });

  it('the media store writes under medien/ and removes from there', async () => {
    s3.on(PutObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    const media = s3Media(lazyS3('eu-central-1'), 'amon-media');
    await media.put('ausgabe-1/bild.png', new Uint8Array([1]), 'image/png');
    await media.remove('ausgabe-1/bild.png');
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({ Bucket: 'amon-media', Key: 'medien/ausgabe-1/bild.png' });
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toMatchObject({ Bucket: 'amon-media', Key: 'medien/ausgabe-1/bild.png' });
  });

  it('the SES transport made on the first mail sends each mail as raw MIME', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-lazy' });
    const transport = lazySesTransport('eu-central-1', 'amoN <noreply@amon.example>');
    const mail = { to: 'partnerin@example.org', subject: 'Grüße', text: 'Hallo', html: '<p>Hallo</p>', kind: 'digest' } as const;
    expect((await transport.send(mail)).messageId).toBe('ses-lazy');
    await transport.send({ ...mail, to: 'zweite@example.org' });
    const raws = ses.commandCalls(SendEmailCommand).map((c) => Buffer.from(c.args[0].input.Content!.Raw!.Data!).toString('utf8'));
    expect(raws).toHaveLength(2);
    expect(raws[1]).toContain('To: zweite@example.org');
  });
});
