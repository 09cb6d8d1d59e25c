// The pseudonym a coordinator sees instead of a person: a keyed hash (HMAC-SHA-256) of the case id. Without the
// server's key nobody can recompute it from a case id, or test a guessed id against it.
import { createHmac, hkdfSync } from 'node:crypto';

let key: Buffer | undefined;

/** Set once per cold start from the server secret (functions/config.ts does it). */
export function usePseudonymSecret(secret: string): void {
  key = Buffer.from(hkdfSync('sha256', secret, 'amon', 'pseudonym-v1', 32));
}

export function pseudonym(caseId: string): string {
  if (!key) throw new Error('The pseudonym key is not configured (SEALING_SECRET)');
  return `TN-${createHmac('sha256', key).update(caseId).digest('hex').slice(0, 6).toUpperCase()}`;
}
