// The SPA's AWS session with oidc-client-ts, against a stand-in of Cognito's endpoints: an expired ID token is renewed
// with the refresh token, and sign-out revokes the refresh token before it leaves for the Hosted UI's logout.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { User } from 'oidc-client-ts';
import { cognitoSession, userManagerSettings, type CognitoSettings } from '../../admin/src/auth/cognito.ts';

const settings: CognitoSettings = {
  domain: 'https://amon-rostock.auth.eu-central-1.amazoncognito.com',
  clientId: 'client-1',
  redirectUri: 'https://amon.example/auth-callback',
  issuer: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Pool',
};

/** A JWT as Cognito would issue it (the SPA does not check signatures; the API Gateway authorizer does). */
const jwt = (claims: Record<string, unknown>) =>
  [{ alg: 'RS256', kid: 'k' }, claims].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.') + '.sig';
const now = () => Math.floor(Date.now() / 1000);
const idToken = (iat: number, exp: number) =>
  jwt({
    sub: 'u-1',
    aud: settings.clientId,
    iss: settings.issuer,
    iat,
    exp,
    email: 'berater@amon.example',
    name: 'Sabine',
    'cognito:groups': ['counsellor'],
    token_use: 'id',
  });

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

let requests: { url: string; body: string }[] = [];
let assigned: string[] = [];

beforeEach(() => {
  requests = [];
  assigned = [];
  // Just enough of a browser window for a redirect: the navigation is recorded, the page never comes back.
  const fakeWindow: Record<string, unknown> = {
    location: {
      assign: (u: string) => assigned.push(u),
      replace: (u: string) => assigned.push(u),
      href: 'https://amon.example/',
      origin: 'https://amon.example',
    },
    addEventListener: () => {},
    stop: () => {},
  };
  fakeWindow.self = fakeWindow;
  vi.stubGlobal('window', fakeWindow);
  vi.stubGlobal('fetch', async (input: string | URL, init?: RequestInit) => {
    const url = String(input);
    const body = init?.body;
    requests.push({ url, body: body instanceof URLSearchParams ? body.toString() : typeof body === 'string' ? body : '' });
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (url.endsWith('/.well-known/openid-configuration')) {
      return json({
        issuer: settings.issuer,
        authorization_endpoint: `${settings.domain}/oauth2/authorize`,
        token_endpoint: `${settings.domain}/oauth2/token`,
        jwks_uri: `${settings.issuer}/.well-known/jwks.json`,
        userinfo_endpoint: `${settings.domain}/oauth2/userInfo`,
      });
    }
    if (url === `${settings.domain}/oauth2/token`)
      return json({ id_token: idToken(now(), now() + 3600), access_token: 'access-2', token_type: 'Bearer', expires_in: 3600 });
    // Cognito answers a revocation with 200 and an empty body.
    if (url === `${settings.domain}/oauth2/revoke`) return new Response('', { status: 200, headers: { 'content-type': 'application/json' } });
    return new Response('not found', { status: 404 });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A signed-in user whose tokens are one hour old: the ID token has just expired, the refresh token still holds. */
function storeExpiredUser(store: Storage) {
  const user = new User({
    id_token: idToken(now() - 3600, now() - 5),
    access_token: 'access-1',
    refresh_token: 'refresh-1',
    token_type: 'Bearer',
    scope: 'openid email profile',
    profile: { sub: 'u-1', iss: settings.issuer, aud: settings.clientId, exp: now() - 5, iat: now() - 3600 },
    expires_at: now() - 5,
  });
  store.setItem(`oidc.user:${settings.issuer}:${settings.clientId}`, user.toStorageString());
}

describe('the Cognito session of the SPA', () => {
  it('asks for the code flow with PKCE, renews before expiry and revokes the refresh token on sign-out', () => {
    const s = userManagerSettings(settings, { user: memoryStorage(), state: memoryStorage() });
    expect(s).toMatchObject({
      authority: settings.issuer,
      client_id: 'client-1',
      response_type: 'code',
      automaticSilentRenew: true,
      revokeTokenTypes: ['refresh_token'],
      revokeTokensOnSignout: true,
    });
    expect(s.metadataSeed).toEqual({ end_session_endpoint: `${settings.domain}/logout`, revocation_endpoint: `${settings.domain}/oauth2/revoke` });
  });

  it('an expired ID token is renewed with the refresh token, so the working day goes on', async () => {
    const store = memoryStorage();
    storeExpiredUser(store);
    const session = cognitoSession(settings, { user: store, state: memoryStorage() });
    await session.load();
    const token = await session.token();
    const refresh = requests.find((r) => r.url.endsWith('/oauth2/token'));
    expect(new URLSearchParams(refresh!.body).get('grant_type')).toBe('refresh_token');
    expect(new URLSearchParams(refresh!.body).get('refresh_token')).toBe('refresh-1');
    expect(token).toEqual(expect.any(String));
    const claims = JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString());
    expect(claims.exp).toBeGreaterThan(now() + 3000);
    expect(session.claims()['cognito:groups']).toEqual(['counsellor']);
  });

  it('sign-out revokes the refresh token, forgets the session and ends the Hosted UI session', async () => {
    const store = memoryStorage();
    storeExpiredUser(store);
    const session = cognitoSession(settings, { user: store, state: memoryStorage() });
    await session.load();
    await session.token();
    let failed: unknown;
    session.signOut().catch((error: unknown) => (failed = error));
    await vi.waitFor(() => expect(assigned.length + (failed ? 1 : 0)).toBe(1));
    expect(failed).toBeUndefined();
    const revoke = requests.find((r) => r.url.endsWith('/oauth2/revoke'));
    expect(new URLSearchParams(revoke!.body).get('token')).toEqual(expect.any(String));
    expect(new URLSearchParams(revoke!.body).get('token_type_hint')).toBe('refresh_token');
    expect(store.getItem(`oidc.user:${settings.issuer}:${settings.clientId}`)).toBeNull();
    const logout = new URL(assigned.at(-1)!);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${settings.domain}/logout`);
    expect(logout.searchParams.get('client_id')).toBe('client-1');
    expect(logout.searchParams.get('logout_uri')).toBe('https://amon.example/');
  });
});
