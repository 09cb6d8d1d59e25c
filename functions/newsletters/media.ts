// Pictures of newsletter issues: an S3 bucket served by CloudFront under /medien/ in AWS (MEDIA_BUCKET; the objects'
// keys begin with `medien/`, as the site's paths do), a folder (MEDIA_DIR, default .data/media) that the local site serves under the same path.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { lazyS3 } from '../clients.ts';
import type { MediaStore } from '#shared/newsletters/domain.ts';
import { config } from '../config.ts';

export function folderMedia(dir: string): MediaStore {
  return {
    async put(key, body) {
      const path = join(dir, key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, body);
    },
    remove: (key) => rm(join(dir, key), { force: true }),
  };
}

export function s3Media(client: S3Client | (() => Promise<S3Client>), bucket: string): MediaStore {
  const s3 = typeof client === 'function' ? client : () => Promise.resolve(client);
  return {
    async put(key, body, contentType) {
      const { PutObjectCommand } = await import('@aws-sdk/client-s3');
      await (
        await s3()
      ).send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: `medien/${key}`,
          Body: body,
          ContentType: contentType,
          CacheControl: 'public, max-age=31536000, immutable',
          ServerSideEncryption: 'AES256',
        }),
      );
    },
    async remove(key) {
      const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
      await (await s3()).send(new DeleteObjectCommand({ Bucket: bucket, Key: `medien/${key}` }));
    },
  };
}

let store: MediaStore | undefined;

export function mediaStore(): MediaStore {
  if (store) return store;
  const cfg = config();
  store = cfg.MEDIA_BUCKET ? s3Media(lazyS3(cfg.AWS_REGION), cfg.MEDIA_BUCKET) : folderMedia(cfg.MEDIA_DIR);
  return store;
}
