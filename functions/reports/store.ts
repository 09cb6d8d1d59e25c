// Report files: an S3 bucket in AWS (REPORTS_BUCKET), a folder locally (REPORTS_DIR, default .data/reports).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ReportStore } from '#shared/reports/domain.ts';
import { config } from '../config.ts';

export function folderStore(dir: string): ReportStore {
  return {
    async put(key, body) {
      const path = join(dir, key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, body);
    },
    async get(key) {
      return readFile(join(dir, key)).then(
        (b) => new Uint8Array(b),
        () => undefined,
      );
    },
  };
}

export function s3Store(client: S3Client, bucket: string): ReportStore {
  return {
    async put(key, body, contentType) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ServerSideEncryption: 'AES256' }));
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return out.Body ? await out.Body.transformToByteArray() : undefined;
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
  };
}

let store: ReportStore | undefined;

/** The report store of this world, created once. */
export function reportStore(): ReportStore {
  if (store) return store;
  const cfg = config();
  store = cfg.REPORTS_BUCKET ? s3Store(new S3Client({ region: cfg.AWS_REGION }), cfg.REPORTS_BUCKET) : folderStore(cfg.REPORTS_DIR);
  return store;
}

/** What the digest needs from the configuration; fails clearly when the unsubscribe secret is missing. */
export function digestSetup(transport: import('#shared/email/message.ts').MailTransport) {
  const cfg = config();
  if (!cfg.UNSUBSCRIBE_SECRET) throw new Error('UNSUBSCRIBE_SECRET is not configured');
  return {
    transport,
    siteUrl: cfg.SITE_URL,
    unsubscribeMailbox: cfg.UNSUBSCRIBE_MAILBOX,
    secret: cfg.UNSUBSCRIBE_SECRET,
  };
}
