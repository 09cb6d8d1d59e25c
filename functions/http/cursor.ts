// Sealed cursors: the table key of the next page, encrypted and authenticated (AES-256-GCM) with a server key and
// bound to the route, the path, the caller and their roles. A cursor reveals nothing and opens no other list.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Invalid } from '#shared/errors.ts';

/** A cursor is good for a working day: long enough to page through a list, short enough not to live in bookmarks. */
export const CURSOR_TTL_MS = 12 * 60 * 60 * 1000;
const VERSION = 'c1';

const invalidCursorAt = (path = 'query.cursor') =>
  new Invalid([{ path, message: 'ungültiger oder abgelaufener Cursor' }], 'Die Liste ist nicht mehr aktuell. Bitte laden Sie sie neu.');

export type CursorSealer = { seal(raw: string, binding: string): string; open(sealed: string, binding: string, path?: string): string };

export function cursorSealer(secret: string, now: () => number = Date.now): CursorSealer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'amon', 'cursor-v1', 32));
  return {
    seal(raw, binding) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(binding, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify({ k: raw, e: now() + CURSOR_TTL_MS }), 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed, binding, path = 'query.cursor') {
      const invalidCursor = () => invalidCursorAt(path);
      const [version, data] = sealed.split('.');
      if (version !== VERSION || !data) throw invalidCursor();
      const bytes = Buffer.from(data, 'base64url');
      if (bytes.length < 29) throw invalidCursor();
      let payload: unknown;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAAD(Buffer.from(binding, 'utf8'));
        decipher.setAuthTag(bytes.subarray(12, 28));
        payload = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'));
      } catch {
        throw invalidCursor();
      }
      const { k, e } = payload as { k?: unknown; e?: unknown };
      if (typeof k !== 'string' || typeof e !== 'number' || e < now()) throw invalidCursor();
      return k;
    },
  };
}
