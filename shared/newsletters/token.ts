// The confirmation link of a newsletter sign-up: 128 random bits, only their SHA-256 is kept on the subscriber; the
// token names the subscriber so one read finds them. It travels in the link's fragment and a POST body.
import { hashSecret, newSecret, secretMatches } from '../surveys/token.ts';

const TOKEN = /^([0-9A-HJKMNP-TV-Z]{26})\.([A-Za-z0-9_-]{22})$/;
/** How many confirmation links of one sign-up stay valid (signing up again sends a new one). */
export const KEPT_LINKS = 3;

export const confirmTokenOf = (subscriberId: string, secret: string) => `${subscriberId}.${secret}`;

export function parseConfirmToken(token: string | undefined): { subscriberId: string; secret: string } | undefined {
  const m = TOKEN.exec(token ?? '');
  return m ? { subscriberId: m[1]!, secret: m[2]! } : undefined;
}

export { hashSecret, newSecret, secretMatches };
