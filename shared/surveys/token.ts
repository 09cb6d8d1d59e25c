// Survey tokens: 128 random bits per link, only their SHA-256 is stored; the link names campaign and company so one read finds both.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ULID = '[0-9A-HJKMNP-TV-Z]{26}';
const TOKEN = new RegExp(`^(${ULID})\\.(${ULID})\\.([A-Za-z0-9_-]{22})$`);

export type ParsedToken = { campaignId: string; companyId: string; secret: string };

/** A new secret of 16 random bytes (128 bits), base64url. */
export const newSecret = () => randomBytes(16).toString('base64url');

export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('base64url');

/** The token the invitation e-mail carries in the link's fragment. */
export const tokenOf = (campaignId: string, companyId: string, secret: string) => `${campaignId}.${companyId}.${secret}`;

/** Reads a token; anything malformed is simply no token (the caller answers with the same 404 as for an unknown one). */
export function parseToken(token: string | undefined): ParsedToken | undefined {
  const m = TOKEN.exec(token ?? '');
  return m ? { campaignId: m[1]!, companyId: m[2]!, secret: m[3]! } : undefined;
}

/** True when the secret's hash is one of the stored ones; compares in constant time. */
export function secretMatches(secret: string, hashes: readonly string[]): boolean {
  const candidate = Buffer.from(hashSecret(secret));
  let found = false;
  for (const h of hashes) {
    const stored = Buffer.from(h);
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate)) found = true;
  }
  return found;
}

/** "Authorization: Survey <token>" (the form sends the fragment's token there, never in the URL). */
export function tokenFromHeader(header: string | undefined): string | undefined {
  return /^Survey ([A-Za-z0-9._-]{1,200})$/.exec(header ?? '')?.[1];
}
