// The local Cognito stand-in: verifies passwords against the table's user store and issues RS256 JWTs with Cognito's claims.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { Invalid, Unauthorized } from '#shared/errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from '#shared/users/password.ts';
import { userRepository } from '#shared/users/repository.ts';
import type { Db } from '#shared/table/access.ts';

export const LOCAL_AUDIENCE = 'amon-local';
const TOKEN_LIFETIME = '8h';

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

  return {
    jwks,
    issue,

    /** Checks e-mail and password; the same answer for an unknown e-mail and a wrong password. */
    async login(email: string, password: string): Promise<string> {
      const user = await users.findByEmail(email);
      const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, DUMMY_HASH);
      if (!user || !ok) throw new Unauthorized('E-Mail-Adresse oder Passwort ist falsch.');
      if (!user.enabled) throw new Unauthorized('Dieses Konto ist gesperrt. Bitte wenden Sie sich an die Administration.');
      if (user.status === 'invited') await users.replace({ ...user, status: 'active', updatedAt: new Date().toISOString() });
      return issue(user);
    },

    /** Changes a password after checking the current one; the new one must meet the pool's policy. */
    async changePassword(email: string, currentPassword: string, newPassword: string): Promise<void> {
      const user = await users.findByEmail(email);
      const ok = user ? await verifyPassword(currentPassword, user.passwordHash) : await verifyPassword(currentPassword, DUMMY_HASH);
      if (!user || !ok || !user.enabled) throw new Unauthorized('E-Mail-Adresse oder Passwort ist falsch.');
      const problem = passwordProblem(newPassword);
      if (problem) throw new Invalid([{ path: 'newPassword', message: problem }], 'Das neue Passwort erfüllt die Regeln nicht.');
      await users.replace({ ...user, passwordHash: await hashPassword(newPassword), status: 'active', updatedAt: new Date().toISOString() });
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
