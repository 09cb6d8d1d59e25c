// A newsletter's one-click unsubscribe (RFC 8058), one link per list and address: `<list>.<ref>.<signature>`, where
// the ref is the address hash (network, companies) or the subscriber's id, signed with HMAC-SHA-256. The link carries
// no address. Leaving the network's or the companies' list records an opt-out by hash; a subscriber is deleted.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotFound } from '../errors.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { systemClock, type Clock } from '../time.ts';
import { newsletterRepository } from './repository.ts';
import type { ListName } from './schema.ts';

const sign = (secret: string, list: ListName, ref: string) => createHmac('sha256', secret).update(`newsletter:${list}:${ref}`).digest('base64url');

export const unsubscribeToken = (secret: string, list: ListName, ref: string) => `${list}.${ref}.${sign(secret, list, ref)}`;

export function unsubscribeLink(setup: { siteUrl: string; secret: string }, list: ListName, ref: string): string {
  return `${setup.siteUrl.replace(/\/$/, '')}/api/unsubscribe/newsletter?t=${unsubscribeToken(setup.secret, list, ref)}`;
}

const TOKEN = /^(network|companies|subscribers)\.([A-Za-z0-9_-]{26,43})\.([A-Za-z0-9_-]{43})$/;
const invalid = () => new NotFound('Dieser Abmeldelink ist nicht gültig.');

export function parseUnsubscribeToken(secret: string, token: string): { list: ListName; ref: string } {
  const m = TOKEN.exec(token);
  if (!m) throw invalid();
  const [, list, ref, signature] = m as unknown as [string, ListName, string, string];
  const expected = Buffer.from(sign(secret, list, ref));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  return { list, ref };
}

export const LIST_NAMES: Record<ListName, string> = {
  network: 'Newsletter für das Netzwerk',
  companies: 'Newsletter für Betriebe',
  subscribers: 'Newsletter (Abonnement)',
};

/** Leaves the list; a second click finds nothing more to do and says the same. */
export async function unsubscribeNewsletter(db: Db, secret: string, token: string, clock: Clock = systemClock): Promise<{ list: ListName }> {
  const { list, ref } = parseUnsubscribeToken(secret, token);
  const repo = newsletterRepository(db);
  if (list === 'subscribers') {
    const s = await repo.subscriber(ref);
    if (s) await repo.removeSubscriber(s, writeSet(db)).commit();
  } else {
    await repo.optOut(list, ref, clock(), writeSet(db)).commit();
  }
  return { list };
}
