// The personal cancel link of a registration: 128 random bits, only their SHA-256 is kept on the registration; the
// token names event and registration so one read finds both. It travels in the link's fragment, never to a server log.
import { hashSecret, newSecret, secretMatches } from '../surveys/token.ts';

const ULID = '[0-9A-HJKMNP-TV-Z]{26}';
const TOKEN = new RegExp(`^(${ULID})\\.(${ULID})\\.([A-Za-z0-9_-]{22})$`);

/** How many links of one registration stay valid (a mail sent again has a new one; the older ones keep working). */
export const KEPT_LINKS = 3;

export type CancelToken = { eventId: string; registrationId: string; secret: string };

export const cancelTokenOf = (eventId: string, registrationId: string, secret: string) => `${eventId}.${registrationId}.${secret}`;

/** Anything malformed is no token: the caller answers with the same 404 as for an unknown one. */
export function parseCancelToken(token: string | undefined): CancelToken | undefined {
  const m = TOKEN.exec(token ?? '');
  return m ? { eventId: m[1]!, registrationId: m[2]!, secret: m[3]! } : undefined;
}

export { hashSecret, newSecret, secretMatches };
