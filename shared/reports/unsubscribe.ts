// The digest's unsubscribe links: signed (HMAC-SHA256) per member and contact address, checked in constant time, and
// the one-click unsubscribe itself. Kept apart from the report code, so the public endpoint's bundle stays small.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotFound } from '../errors.ts';
import { membersService } from '../members/domain.ts';
import type { Db } from '../table/port.ts';
import { systemClock, type Clock } from '../time.ts';

/** The signature of an unsubscribe link for one contact of one member. */
export function unsubscribeSignature(secret: string, memberId: string, email: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${memberId}:${email.toLowerCase()}`).digest('base64url');
}

export function validUnsubscribe(secret: string, memberId: string, email: string, signature: string): boolean {
  const expected = Buffer.from(unsubscribeSignature(secret, memberId, email));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function unsubscribeUrl(setup: { siteUrl: string; secret: string }, memberId: string, email: string): string {
  const q = new URLSearchParams({
    m: memberId,
    e: Buffer.from(email.toLowerCase()).toString('base64url'),
    s: unsubscribeSignature(setup.secret, memberId, email),
  });
  return `${setup.siteUrl.replace(/\/$/, '')}/api/unsubscribe?${q}`;
}

/** One-click unsubscribe from a signed link: the contact stops receiving the digest (and the member, if no digest contact is left). */
export async function unsubscribe(
  db: Db,
  memberId: string,
  email: string,
  signature: string,
  secret: string,
  clock: Clock = systemClock,
): Promise<{ member: string }> {
  if (!validUnsubscribe(secret, memberId, email, signature)) throw new NotFound('Dieser Abmeldelink ist nicht gültig.');
  const members = membersService(db, clock);
  const member = await members.get(memberId).catch(() => undefined);
  if (!member) throw new NotFound('Dieser Abmeldelink ist nicht gültig.');
  const contacts = member.contacts.map((c) => (c.email?.toLowerCase() === email.toLowerCase() ? { ...c, receivesDigest: false } : c));
  const stillReceives = contacts.some((c) => c.receivesDigest && c.email);
  const changed = JSON.stringify(contacts) !== JSON.stringify(member.contacts) || (member.digestSubscribed && !stillReceives);
  if (changed) {
    const { id: _id, createdAt: _c, updatedAt: _u, digestSince: _s, digestUnsubscribedAt: _x, ...input } = member;
    await members.update(
      memberId,
      { ...input, contacts, digestSubscribed: member.digestSubscribed && stillReceives, version: member.version },
      { id: 'unsubscribe', email, roles: [] },
    );
  }
  return { member: member.name };
}
