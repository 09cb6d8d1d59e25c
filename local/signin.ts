// The local Cognito stand-in: verifies passwords against the table's user store and issues RS256 JWTs with Cognito's claims.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { Conflict, Invalid, RateLimited, Unauthorized } from '#shared/errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from '#shared/users/password.ts';
import { userRepository, type StoredUser } from '#shared/users/repository.ts';
import type { Db } from '#shared/table/access.ts';

export const LOCAL_AUDIENCE = 'amon-local';
const TOKEN_LIFETIME = '8h';

/** Five wrong passwords within a quarter of an hour lock the account for a quarter of an hour (as Cognito throttles). */
export const LOCKOUT = { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

const lockedMessage = 'Zu viele Fehlversuche: das Konto ist für 15 Minuten gesperrt. Bitte versuchen Sie es später erneut.';

type KeyPair = { privateJwk: JWK; publicJwk: JWK };

/** Loads the signing key from disk (so tokens survive a restart), or makes one. Without a path the key lives in memory. */
async function signingKey(path: string | undefined): Promise<KeyPair> {
  if (path && existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as KeyPair;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const pair = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
  if (path) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(pair), { mode: 0o600 });
  }
  return pair;
}

export type LocalSignIn = Awaited<ReturnType<typeof localSignIn>>;

export async function localSignIn(options: { db: Db; issuer: string; keyPath?: string }) {
  const pair = await signingKey(options.keyPath);
  const privateKey = await importJWK(pair.privateJwk, 'RS256');
  const jwks = { keys: [pair.publicJwk] };
  const keySet = createLocalJWKSet(jwks);
  const users = userRepository(options.db);

  const issue = (user: { id: string; email: string; roles: string[]; name: string }) =>
    new SignJWT({ email: user.email, name: user.name, 'cognito:groups': user.roles, token_use: 'id' })
      .setProtectedHeader({ alg: 'RS256', kid: pair.publicJwk.kid })
      .setSubject(user.id)
      .setIssuer(options.issuer)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(TOKEN_LIFETIME)
      .sign(privateKey);

  /** The user behind e-mail and password, counting failures towards the lockout; throws for a wrong one. */
  async function checkPassword(email: string, password: string, now: Date): Promise<StoredUser> {
    const user = await users.findByEmail(email);
    if (user?.lockedUntil && user.lockedUntil > now.toISOString()) throw new RateLimited(lockedMessage);
    const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, DUMMY_HASH);
    if (!user) throw new Unauthorized('E-Mail-Adresse oder Passwort ist falsch.');
    if (!ok) {
      const inWindow = user.failedSince && now.getTime() - Date.parse(user.failedSince) < LOCKOUT.windowMs;
      const failures = (inWindow ? (user.failedLogins ?? 0) : 0) + 1;
      const locked = failures >= LOCKOUT.failures;
      const { lockedUntil: _l, ...rest } = user;
      await users.replace({
        ...rest,
        failedLogins: locked ? 0 : failures,
        failedSince: inWindow ? user.failedSince! : now.toISOString(),
        ...(locked ? { lockedUntil: new Date(now.getTime() + LOCKOUT.lockMs).toISOString() } : {}),
      });
      if (locked) throw new RateLimited(lockedMessage);
      throw new Unauthorized('E-Mail-Adresse oder Passwort ist falsch.');
    }
    if (!user.enabled) throw new Unauthorized('Dieses Konto ist gesperrt. Bitte wenden Sie sich an die Administration.');
    if (user.failedLogins || user.lockedUntil) {
      const { failedLogins: _f, failedSince: _s, lockedUntil: _u, ...clean } = user;
      await users.replace(clean);
    }
    return user;
  }

  return {
    jwks,
    issue,

    /**
     * Checks e-mail and password; the same answer for an unknown e-mail and a wrong password. Repeated failures lock
     * the account; a temporary password from an invitation must be replaced first (409 new_password_required).
     */
    async login(email: string, password: string, now = new Date()): Promise<string> {
      const user = await checkPassword(email, password, now);
      if (user.status === 'invited') {
        throw new Conflict(
          'Bitte legen Sie zuerst ein eigenes Passwort fest: das vorläufige Passwort aus der Einladung gilt nur für die erste Anmeldung.',
          'new_password_required',
        );
      }
      return issue(user);
    },

    /** Changes a password after checking the current one; the new one must meet the pool's policy and differ from it. */
    async changePassword(email: string, currentPassword: string, newPassword: string, now = new Date()): Promise<void> {
      const user = await checkPassword(email, currentPassword, now);
      const problem =
        passwordProblem(newPassword) ?? (newPassword === currentPassword ? 'Das neue Passwort muss sich vom bisherigen unterscheiden.' : undefined);
      if (problem) throw new Invalid([{ path: 'newPassword', message: problem }], 'Das neue Passwort erfüllt die Regeln nicht.');
      await users.replace({ ...(await users.get(user.id))!, passwordHash: await hashPassword(newPassword), status: 'active', updatedAt: now.toISOString() });
    },

    /** What the HTTP API JWT authorizer does: signature, issuer, audience and expiry. */
    async verify(token: string): Promise<JWTPayload> {
      const { payload } = await jwtVerify(token, keySet, { issuer: options.issuer, audience: LOCAL_AUDIENCE, algorithms: ['RS256'] });
      return payload;
    },
  };
}

/** Spends the same scrypt time for unknown e-mails, so timing does not tell which addresses exist. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);
