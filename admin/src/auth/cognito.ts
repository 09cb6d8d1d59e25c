// The SPA's session in AWS: the authorization code flow with PKCE through the Cognito Hosted UI, kept for a working
// day with the refresh token (oidc-client-ts renews the tokens before they expire), and revoked on sign-out.
import { UserManager, WebStorageStateStore, type User, type UserManagerSettings } from 'oidc-client-ts';

export type CognitoSettings = { domain: string; clientId: string; redirectUri: string; issuer: string };

/** Renew this many seconds before the ID token (one hour in Cognito) expires. */
const RENEW_BEFORE_SECONDS = 120;

/** Where the session lives: the tokens for the working day (all tabs), the sign-in's state for this tab only. */
export type SessionStores = { user: Storage; state: Storage };

/** The client of the user pool's app client; Cognito's logout and revocation are not in its discovery document. */
export function userManagerSettings(c: CognitoSettings, stores: SessionStores): UserManagerSettings {
  return {
    authority: c.issuer,
    client_id: c.clientId,
    redirect_uri: c.redirectUri,
    post_logout_redirect_uri: `${new URL(c.redirectUri).origin}/`,
    response_type: 'code',
    scope: 'openid email profile',
    metadataSeed: { end_session_endpoint: `${c.domain}/logout`, revocation_endpoint: `${c.domain}/oauth2/revoke` },
    userStore: new WebStorageStateStore({ store: stores.user }),
    stateStore: new WebStorageStateStore({ store: stores.state }),
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: RENEW_BEFORE_SECONDS,
    revokeTokenTypes: ['refresh_token'],
    revokeTokensOnSignout: true,
    // Cognito answers a revocation with an empty 200; accept it whatever content type it names.
    revokeTokenAdditionalContentTypes: ['text/plain', 'text/html'],
    loadUserInfo: false,
  };
}

/** The API takes the ID token (the HTTP API's JWT authorizer checks its audience, the app client). */
const usable = (user: User | null) => (user && !user.expired && user.id_token ? user.id_token : undefined);

export function cognitoSession(c: CognitoSettings, stores: SessionStores = { user: window.localStorage, state: window.sessionStorage }) {
  const manager = new UserManager(userManagerSettings(c, stores));
  let current: User | null = null;
  manager.events.addUserLoaded((user) => {
    current = user;
  });
  manager.events.addUserUnloaded(() => {
    current = null;
  });
  manager.events.addSilentRenewError(() => void manager.removeUser());

  return {
    /** The current ID token; an expired one is renewed with the refresh token first. */
    async token(): Promise<string | undefined> {
      current ??= await manager.getUser();
      if (usable(current)) return usable(current);
      if (!current?.refresh_token) return undefined;
      current = await manager.signinSilent().catch(() => null);
      return usable(current);
    },
    /** The claims of the ID token (sub, email, name, cognito:groups). */
    claims: (): Record<string, unknown> => (current?.profile as Record<string, unknown> | undefined) ?? {},
    load: async () => (current = await manager.getUser()),
    signIn: () => manager.signinRedirect(),
    /** On the redirect back from the Hosted UI: trades the code for the tokens. */
    completeSignIn: async (url: string) => (current = await manager.signinRedirectCallback(url)),
    /** Revokes the refresh token, forgets the session and ends the Hosted UI's session too. */
    async signOut() {
      const logout = { client_id: c.clientId, logout_uri: `${new URL(c.redirectUri).origin}/` };
      try {
        await manager.signoutRedirect({ extraQueryParams: logout });
      } catch {
        // Should the revocation fail, the session still ends here and at the Hosted UI (the refresh token expires by itself).
        await manager.removeUser();
        window.location.assign(`${c.domain}/logout?${new URLSearchParams(logout)}`);
      }
    },
  };
}
export type CognitoSession = ReturnType<typeof cognitoSession>;
