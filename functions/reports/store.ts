// Report files: an S3 bucket in AWS (REPORTS_BUCKET), a folder locally (REPORTS_DIR, default .data/reports). The S3
// client loads with the first file a process stores or reads, not when a function starts.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { lazyS3 } from '../clients.ts';
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

export function s3Store(client: S3Client | (() => Promise<S3Client>), bucket: string): ReportStore {
  const s3 = typeof client === 'function' ? client : () => Promise.resolve(client);
  return {
    async put(key, body, contentType) {
      const { PutObjectCommand } = await import('@aws-sdk/client-s3');
      await (await s3()).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ServerSideEncryption: 'AES256' }));
    },
    async get(key) {
      const { GetObjectCommand, NoSuchKey } = await import('@aws-sdk/client-s3');
      try {
        const out = await (await s3()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
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
  store = cfg.REPORTS_BUCKET ? s3Store(lazyS3(cfg.AWS_REGION), cfg.REPORTS_BUCKET) : folderStore(cfg.REPORTS_DIR);
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
