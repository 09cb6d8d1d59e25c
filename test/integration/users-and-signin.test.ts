import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import type { Server } from 'node:http';
import { localSignIn, type LocalSignIn } from '#local/signin.ts';
import { createGateway } from '#local/gateway.ts';
import { RESOURCES } from '#functions/registry.ts';
import { database } from '#functions/clients.ts';
import { ensureUsers } from '#local/seed/users.ts';
import { queryPage } from '#shared/table/access.ts';
import { patterns } from '#shared/table/patterns.ts';

const outbox = mkdtempSync(join(tmpdir(), 'amon-outbox-'));
process.env.OUTBOX_DIR = outbox;
const PASSWORD = 'Sicheres-Passwort-1!';

let signIn: LocalSignIn;
let server: Server;
let base = '';

beforeAll(async () => {
  const db = database();
  signIn = await localSignIn({ db, issuer: 'http://local/auth' });
  await ensureUsers(db, { adminEmail: 'chefin@amon.local', adminPassword: PASSWORD, demoPassword: PASSWORD, credentialsPath: join(outbox, 'sign-in.json') });
  let ready = false;
  ({ server, base } = await startGateway({ isReady: () => ready }));
  ready = true;
});

/** The local gateway with the test's sign-in, on a free port. */
async function startGateway(o: Partial<Parameters<typeof createGateway>[0]> = {}) {
  const started = createGateway({
    root: process.cwd(),
    resources: RESOURCES,
    signIn,
    siteDir: outbox,
    siteConfig: () => ({ apiUrl: '', auth: { kind: 'local' } }),
    corsOrigins: ['http://127.0.0.1:3000'],
    isReady: () => true,
    ...o,
  });
  await new Promise<void>((r) => started.listen(0, '127.0.0.1', r));
  const address = started.address();
  return { server: started, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

afterAll(() => server?.close());

const login = async (email: string, password = PASSWORD) =>
  fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
const changePassword = async (email: string, currentPassword: string, newPassword: string) =>
  fetch(`${base}/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, currentPassword, newPassword }),
  });
/** An invited user sets their own password (PASSWORD) with the temporary one from the invitation mail. */
const activate = async (email: string) => {
  const mail = readdirSync(outbox).find((f) => f.includes('user-invitation') && f.includes(email))!;
  const temporary = /Vorläufiges Passwort: (\S+)/.exec((await simpleParser(readFileSync(join(outbox, mail)))).text ?? '')![1]!;
  expect((await changePassword(email, temporary, PASSWORD)).status).toBe(200);
};
const api = async (path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
const tokens = new Map<string, string>();
const tokenOf = async (email: string) => {
  if (!tokens.has(email)) tokens.set(email, ((await (await login(email)).json()) as { token: string }).token);
  return tokens.get(email)!;
};

describe('the local sign-in and gateway', () => {
  it('answers /healthz with ok once ready', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('issues an RS256 JWT with sub, email and cognito:groups that the published JWKS verifies', async () => {
    const token = await tokenOf('coordinator@amon.local');
    const [header] = token.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({ alg: 'RS256' });
    const claims = await signIn.verify(token);
    expect(claims).toMatchObject({ email: 'coordinator@amon.local', 'cognito:groups': ['coordinator'] });
    expect(typeof claims.sub).toBe('string');
    const jwks = (await (await fetch(`${base}/auth/jwks.json`)).json()) as { keys: { kty: string; d?: string }[] };
    expect(jwks.keys[0]!.kty).toBe('RSA');
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
    const wrong = await login('coordinator@amon.local', 'falsch-falsch-1A!');
    const unknown = await login('niemand@amon.local', 'falsch-falsch-1A!');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('refuses a login body with an unknown field, naming it', async () => {
    const res = await fetch(`${base}/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'a@b.de', password: 'x', admin: true }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe('admin');
  });

  it('calls the handler with the claims as API Gateway passes them, and 401s without a valid token', async () => {
    expect((await api('/api/members')).status).toBe(401);
    expect((await api('/api/members', 'not.a.token')).status).toBe(401);
    const token = await tokenOf('counsellor@amon.local');
    const ok = await api('/api/members', token);
    expect(ok.status).toBe(200);
    expect((await api('/api/members', token, { method: 'POST', body: '{}' })).status).toBe(403);
  });

  it('while the demo seed writes its staged items, a change waits for it and a read answers at once', async () => {
    let release: () => void = () => undefined;
    const seeding = new Promise<void>((r) => (release = r));
    let held = true;
    const waiting = await startGateway({ changesWait: () => (held ? seeding : Promise.resolve()) });
    const url = (path: string) => `${waiting.base}${path}`;
    const token = await tokenOf('coordinator@amon.local');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    try {
      let answered = false;
      const change = fetch(url('/api/members'), { method: 'POST', headers, body: JSON.stringify({ name: 'Wartet GmbH', kind: 'company' }) }).then((r) => {
        answered = true;
        return r;
      });
      const read = await fetch(url('/api/members'), { headers });
      expect(read.status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(answered).toBe(false);
      held = false;
      release();
      // Answered once the seed is through, by the handler.
      const res = await change;
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ name: 'Wartet GmbH' });
    } finally {
      waiting.server.close();
    }
  });

  it('serves the OpenAPI document publicly, built from the schemas', async () => {
    const doc = (await (await api('/api/openapi.json')).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/members', '/api/members/{id}', '/api/users']));
    expect(doc.components.schemas).toHaveProperty('MemberInput');
  });

  it('rate-limits the public survey routes per address with 429, and a bad link still gets the neutral 404', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, () => fetch(`${base}/api/survey`, { headers: { authorization: 'Survey kaputt' } })));
    const statuses = answers.map((r) => r.status);
    expect(statuses).toContain(404);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 404 || s === 429)).toBe(true);
  });

  it('answers an unknown API path with 404 in our error shape', async () => {
    const res = await api('/api/nothing-here', await tokenOf('counsellor@amon.local'));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('changing one’s password (local sign-in)', () => {
  const change = (body: unknown) =>
    fetch(`${base}/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('needs the current password and a new one that meets the policy', async () => {
    const admin = await tokenOf('chefin@amon.local');
    await api('/api/users', admin, { method: 'POST', body: JSON.stringify({ email: 'wechsel@amon.local', name: 'Wechsel Test', roles: ['counsellor'] }) });
    const mail = readdirSync(outbox).find((f) => f.includes('wechsel@amon.local'))!;
    const temporary = /Vorläufiges Passwort: (\S+)/.exec((await simpleParser(readFileSync(join(outbox, mail)))).text ?? '')![1]!;
    expect((await change({ email: 'wechsel@amon.local', currentPassword: 'falsch', newPassword: 'Neues-Passwort-2026!' })).status).toBe(401);
    const weak = await change({ email: 'wechsel@amon.local', currentPassword: temporary, newPassword: 'nurkleinbuchstaben' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe('newPassword');
    expect((await change({ email: 'wechsel@amon.local', currentPassword: temporary, newPassword: 'Neues-Passwort-2026!' })).status).toBe(200);
    expect((await login('wechsel@amon.local', temporary)).status).toBe(401);
    expect((await login('wechsel@amon.local', 'Neues-Passwort-2026!')).status).toBe(200);
  });
});

describe('user administration (local identity store)', () => {
  it('an admin invites a user, who gets an e-mail with a temporary password that works', async () => {
    const admin = await tokenOf('chefin@amon.local');
    const res = await api('/api/users', admin, {
      method: 'POST',
      body: JSON.stringify({ email: 'Neu@Amon.Local', name: 'Neue Beraterin', roles: ['counsellor'] }),
    });
    expect(res.status).toBe(201);
    const user = (await res.json()) as { id: string; email: string; status: string; passwordHash?: string };
    expect(user).toMatchObject({ email: 'neu@amon.local', status: 'invited' });
    expect(user.passwordHash).toBeUndefined();
    const mail = readdirSync(outbox).find((f) => f.includes('user-invitation') && f.includes('neu@amon.local'));
    expect(mail).toBeDefined();
    const parsed = await simpleParser(readFileSync(join(outbox, mail!)));
    expect(parsed.subject).toBe('Ihr Zugang zur amoN-Plattform');
    expect(parsed.html).toBeTruthy();
    const temporary = /Vorläufiges Passwort: (\S+)/.exec(parsed.text ?? '')![1]!;
    // The temporary password only opens the change to one's own.
    const first = await login('neu@amon.local', temporary);
    expect(first.status).toBe(409);
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe('new_password_required');
    const same = await changePassword('neu@amon.local', temporary, temporary);
    expect(same.status).toBe(400);
    expect((await changePassword('neu@amon.local', temporary, PASSWORD)).status).toBe(200);
    expect((await login('neu@amon.local', temporary)).status).toBe(401);
    expect((await login('neu@amon.local', PASSWORD)).status).toBe(200);
  });

  it('the same e-mail cannot be invited twice', async () => {
    const admin = await tokenOf('chefin@amon.local');
    const body = JSON.stringify({ email: 'doppelt@amon.local', name: 'Erste', roles: ['coordinator'] });
    expect((await api('/api/users', admin, { method: 'POST', body })).status).toBe(201);
    const again = await api('/api/users', admin, { method: 'POST', body });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe('email');
  });

  it('a disabled user can no longer sign in, and an admin cannot disable themselves', async () => {
    const admin = await tokenOf('chefin@amon.local');
    const list = (await (await api('/api/users?limit=100', admin)).json()) as { items: { id: string; email: string; name: string; roles: string[] }[] };
    const coordinator = list.items.find((u) => u.email === 'coordinator@amon.local')!;
    const me = list.items.find((u) => u.email === 'chefin@amon.local')!;
    const off = await api(`/api/users/${coordinator.id}`, admin, {
      method: 'PUT',
      body: JSON.stringify({ name: coordinator.name, roles: coordinator.roles, enabled: false }),
    });
    expect(off.status).toBe(200);
    expect((await login('coordinator@amon.local')).status).toBe(401);
    const self = await api(`/api/users/${me.id}`, admin, { method: 'PUT', body: JSON.stringify({ name: me.name, roles: ['admin'], enabled: false }) });
    expect(self.status).toBe(409);
    const back = await api(`/api/users/${coordinator.id}`, admin, {
      method: 'PUT',
      body: JSON.stringify({ name: coordinator.name, roles: coordinator.roles, enabled: true }),
    });
    expect(back.status).toBe(200);
  });

  it('counsellors and coordinators cannot manage users', async () => {
    for (const email of ['counsellor@amon.local', 'coordinator@amon.local']) {
      // A fresh sign-in: the coordinator's earlier token ended when the account was disabled (test above).
      const { token } = (await (await login(email)).json()) as { token: string };
      expect((await api('/api/users', token)).status).toBe(403);
    }
  });

  it('disabling a user or taking a role away ends their session at the next request', async () => {
    const admin = await tokenOf('chefin@amon.local');
    const invite = async (email: string, roles: string[]) =>
      (await (await api('/api/users', admin, { method: 'POST', body: JSON.stringify({ email, name: 'Sitzung Test', roles }) })).json()) as {
        id: string;
        name: string;
      };
    const signInAs = async (email: string) => {
      await activate(email);
      return ((await (await login(email)).json()) as { token: string }).token;
    };

    const leaver = await invite('geht@amon.local', ['counsellor']);
    const leaverToken = await signInAs('geht@amon.local');
    expect((await api('/api/cases', leaverToken)).status).toBe(200);
    expect(
      (await api(`/api/users/${leaver.id}`, admin, { method: 'PUT', body: JSON.stringify({ name: leaver.name, roles: ['counsellor'], enabled: false }) }))
        .status,
    ).toBe(200);
    const afterDisable = await api('/api/cases', leaverToken);
    expect(afterDisable.status).toBe(401);
    expect(((await afterDisable.json()) as { error: { message: string } }).error.message).toContain('neu an');

    const demoted = await invite('wechselt@amon.local', ['counsellor', 'coordinator']);
    const demotedToken = await signInAs('wechselt@amon.local');
    expect((await api('/api/cases', demotedToken)).status).toBe(200);
    expect(
      (await api(`/api/users/${demoted.id}`, admin, { method: 'PUT', body: JSON.stringify({ name: demoted.name, roles: ['coordinator'], enabled: true }) }))
        .status,
    ).toBe(200);
    expect((await api('/api/cases', demotedToken)).status).toBe(401);
    expect((await api('/api/members', demotedToken)).status).toBe(401);
    // Signing in again gives a token with the roles the user has now.
    const fresh = ((await (await login('wechselt@amon.local')).json()) as { token: string }).token;
    expect((await api('/api/members', fresh)).status).toBe(200);
    expect((await api('/api/cases', fresh)).status).toBe(403);
  });

  it('every user change is audited with the fields, not the values', async () => {
    const admin = await tokenOf('chefin@amon.local');
    const created = (await (
      await api('/api/users', admin, { method: 'POST', body: JSON.stringify({ email: 'audit@amon.local', name: 'Audit Test', roles: ['counsellor'] }) })
    ).json()) as { id: string };
    const page = await queryPage(database(), patterns.auditOfRecord.of('user', created.id), { limit: 10 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ action: 'create', fields: ['email', 'name', 'roles'] });
    expect(JSON.stringify(page.items[0])).not.toContain('Audit Test');
  });

  it('five wrong passwords lock the account for a quarter of an hour, even for the right one', async () => {
    const admin = await tokenOf('chefin@amon.local');
    expect(
      (
        await api('/api/users', admin, {
          method: 'POST',
          body: JSON.stringify({ email: 'vergesslich@amon.local', name: 'Vergesslich', roles: ['counsellor'] }),
        })
      ).status,
    ).toBe(201);
    await activate('vergesslich@amon.local');
    const start = new Date();
    for (let i = 1; i <= 4; i += 1) await expect(signIn.login('vergesslich@amon.local', `falsch-${i}`, start)).rejects.toMatchObject({ status: 401 });
    await expect(signIn.login('vergesslich@amon.local', 'falsch-5', start)).rejects.toMatchObject({
      status: 429,
      message: expect.stringContaining('15 Minuten'),
    });
    await expect(signIn.login('vergesslich@amon.local', PASSWORD, new Date(start.getTime() + 60_000))).rejects.toMatchObject({ status: 429 });
    const later = new Date(start.getTime() + 16 * 60_000);
    expect(await signIn.login('vergesslich@amon.local', PASSWORD, later)).toEqual(expect.any(String));
    // A success clears the count: four more failures do not lock again.
    for (let i = 1; i <= 4; i += 1) await expect(signIn.login('vergesslich@amon.local', `falsch-${i}`, later)).rejects.toMatchObject({ status: 401 });
    expect(await signIn.login('vergesslich@amon.local', PASSWORD, later)).toEqual(expect.any(String));
  });
});

describe('sign-in limits per address', () => {
  it('one address trying many accounts is slowed down with 429, whichever e-mail it tries', async () => {
    const { server: limited, base: limitedBase } = await startGateway({ signInRateLimit: { capacity: 5, refillPerSecond: 0.01 } });
    const url = `${limitedBase}/auth/login`;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `gibtsnicht${i}@amon.local`, password: 'Irgendwas-123!' }),
      });
      statuses.push(res.status);
    }
    limited.close();
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });
});

describe('the local gateway under an oversized body', () => {
  it('answers 413 and closes the connection, so the next request on a kept-alive connection gets through', async () => {
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
        const req = request(
          `${base}${path}`,
          { method, agent, headers: body ? { 'content-type': 'application/json', 'content-length': body.length } : {} },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      const tooLarge = await send('POST', '/auth/login', Buffer.alloc(2 * 1024 * 1024, 'a'));
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.connection).toBe('close');
      expect((await send('GET', '/healthz')).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
