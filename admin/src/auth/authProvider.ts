// Sign-in for staff: the local sign-in (POST /auth/login) locally, the Cognito Hosted UI with PKCE in AWS.
import { decodeJwt } from 'jose';
import type { AuthProvider } from 'react-admin';
import type { SiteConfig } from '#shared/site/headers.ts';
import { beginHostedLogin, hostedLogoutUrl, type CognitoSettings } from './pkce.ts';

const SESSION_KEY = 'amon.session';

type Claims = { sub?: string; email?: string; name?: string; exp?: number; 'cognito:groups'?: string[] };

export const session = {
  token(): string | undefined {
    const token = localStorage.getItem(SESSION_KEY) ?? undefined;
    if (!token) return undefined;
    const { exp } = decodeJwt(token) as Claims;
    if (exp && exp * 1000 < Date.now() + 10_000) {
      localStorage.removeItem(SESSION_KEY);
      return undefined;
    }
    return token;
  },
  save: (token: string) => localStorage.setItem(SESSION_KEY, token),
  clear: () => localStorage.removeItem(SESSION_KEY),
  claims: (): Claims => {
    const token = session.token();
    return token ? (decodeJwt(token) as Claims) : {};
  },
};

export function createAuthProvider(config: SiteConfig): AuthProvider {
  const common = {
    async checkAuth() {
      if (!session.token()) throw new Error('ra.auth.auth_check_error');
    },
    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        session.clear();
        throw new Error('ra.notification.logged_out');
      }
    },
    async getIdentity() {
      const c = session.claims();
      return { id: c.sub ?? '', fullName: c.name ?? c.email ?? '' };
    },
    async getPermissions() {
      return session.claims()['cognito:groups'] ?? [];
    },
  } satisfies Partial<AuthProvider>;

  if (config.auth.kind === 'cognito') {
    const cognito: CognitoSettings = config.auth;
    return {
      ...common,
      async login() {
        await beginHostedLogin(cognito);
      },
      async logout() {
        const signedIn = Boolean(session.token());
        session.clear();
        if (signedIn) window.location.assign(hostedLogoutUrl(cognito));
      },
    };
  }

  return {
    ...common,
    async login({ username, password }: { username: string; password: string }) {
      const response = await fetch(`${config.apiUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: username, password }),
      });
      const body = (await response.json().catch(() => ({}))) as { token?: string; error?: { code?: string; message?: string } };
      // The code tells the sign-in page to ask for a new password (new_password_required).
      if (!response.ok || !body.token) throw Object.assign(new Error(body.error?.message ?? 'amon.login.failed'), { code: body.error?.code });
      session.save(body.token);
    },
    async logout() {
      session.clear();
    },
  };
}
