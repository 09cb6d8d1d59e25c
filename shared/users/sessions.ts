// Sessions end when access ends: disabling an account or changing its roles writes the user's session mark (when,
// and the roles and state from then on), and every staff request is checked against it, so a token issued before
// the change stops working at the next request.
import { Unauthorized } from '../errors.ts';
import { getItem, type Db } from '../table/access.ts';
import { keys } from '../table/keys.ts';

export type SessionGuard = ReturnType<typeof sessionGuard>;
type Mark = { tokensValidAfter: number; roles: string[]; enabled: boolean };

/** How long one process trusts a mark it read: other functions see a revocation within this time, this one at once. */
export const SESSION_CACHE_MS = 5_000;

export const sessionRevoked = () => new Unauthorized('Ihre Anmeldung gilt nicht mehr (Konto oder Rollen wurden geändert). Bitte melden Sie sich neu an.');

/** One cache per process, shared by every handler in it: a revocation made here is seen here at once. */
const cache = new Map<string, { mark: Mark | undefined; readAt: number }>();

/**
 * Whether a token still counts: not when the account is disabled, not when it carries a role the user no longer has,
 * and not when it was issued (JWT `iat`, seconds) before the second of the last change.
 */
export function tokenStillValid(mark: Mark | undefined, issuedAt: number | undefined, groups: readonly string[]): boolean {
  if (!mark) return true;
  if (!mark.enabled) return false;
  if (groups.some((g) => !mark.roles.includes(g))) return false;
  return issuedAt !== undefined && issuedAt >= mark.tokensValidAfter;
}

export function sessionGuard(db: Db, now: () => number = Date.now) {
  async function markOf(userId: string): Promise<Mark | undefined> {
    const hit = cache.get(userId);
    if (hit && now() - hit.readAt < SESSION_CACHE_MS) return hit.mark;
    const item = await getItem(db, keys.session(userId));
    const mark = item ? { tokensValidAfter: Number(item.tokensValidAfter), roles: (item.roles as string[]) ?? [], enabled: item.enabled !== false } : undefined;
    cache.set(userId, { mark, readAt: now() });
    if (cache.size > 1000) cache.delete(cache.keys().next().value!);
    return mark;
  }

  return {
    async assertValid(userId: string, issuedAt: number | undefined, groups: readonly string[]): Promise<void> {
      if (!tokenStillValid(await markOf(userId), issuedAt, groups)) throw sessionRevoked();
    },

    /** The write that ends every session of a user issued until now (put in the transaction of the change). */
    revocation(userId: string, at: Date, state: { roles: readonly string[]; enabled: boolean }) {
      cache.delete(userId);
      return {
        ...keys.session(userId),
        userId,
        tokensValidAfter: Math.floor(at.getTime() / 1000),
        roles: [...state.roles],
        enabled: state.enabled,
        at: at.toISOString(),
      };
    },
  };
}
