// Sign-in for staff: the local sign-in (POST /auth/login) locally, the Cognito Hosted UI in AWS (auth/cognito.ts).
// Both give the same claims (sub, email, name, cognito:groups); react-admin sees one provider.
import { decodeJwt } from 'jose';
import type { AuthProvider } from 'react-admin';
import type { SiteConfig } from '#shared/site/headers.ts';
import type { CognitoSession } from './cognito.ts';

const SESSION_KEY = 'amon.session';

type Claims = { sub?: string; email?: string; name?: string; exp?: number; 'cognito:groups'?: string[] };

/** The local session: the local sign-in's JWT in localStorage until it expires. */
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
    return token ? decodeJwt(token) : {};
  },
};

/** What the SPA needs of a session in either world. */
export type StaffSession = { kind: 'local' } | { kind: 'cognito'; cognito: CognitoSession };

export async function startSession(config: SiteConfig): Promise<StaffSession> {
  if (config.auth.kind !== 'cognito') return { kind: 'local' };
  // oidc-client-ts loads only where Cognito signs staff in.
  const { cognitoSession } = await import('./cognito.ts');
  const cognito = cognitoSession(config.auth);
  // The redirect back from the Hosted UI carries the code; otherwise a kept session is loaded.
  if (window.location.pathname === '/auth-callback') {
    await cognito.completeSignIn(window.location.href);
    window.history.replaceState(null, '', '/#/');
  } else await cognito.load();
  return { kind: 'cognito', cognito };
}

export const tokenOf = (s: StaffSession): Promise<string | undefined> => (s.kind === 'cognito' ? s.cognito.token() : Promise.resolve(session.token()));
const claimsOf = (s: StaffSession): Claims => (s.kind === 'cognito' ? s.cognito.claims() : session.claims());

export function createAuthProvider(config: SiteConfig, staff: StaffSession): AuthProvider {
  const common = {
    async checkAuth() {
      if (!(await tokenOf(staff))) throw new Error('ra.auth.auth_check_error');
    },
    async getIdentity() {
      const c = claimsOf(staff);
      return { id: c.sub ?? '', fullName: c.name ?? c.email ?? '' };
    },
    async getPermissions() {
      return claimsOf(staff)['cognito:groups'] ?? [];
    },
  } satisfies Partial<AuthProvider>;

  if (staff.kind === 'cognito') {
    const { cognito } = staff;
    return {
      ...common,
      // A 401 means the session ended (account disabled, roles changed): sign in again.
      async checkError(error: { status?: number }) {
        if (error?.status === 401) throw new Error('ra.notification.logged_out');
      },
      async login() {
        await cognito.signIn();
      },
      async logout() {
        if (await cognito.token().catch(() => undefined)) await cognito.signOut();
      },
    };
  }

  return {
    ...common,
    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        session.clear();
        throw new Error('ra.notification.logged_out');
      }
    },
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
