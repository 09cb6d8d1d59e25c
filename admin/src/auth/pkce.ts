// OAuth 2.0 authorization code flow with PKCE against the Cognito Hosted UI.
import { session } from './authProvider.ts';

export type CognitoSettings = { domain: string; clientId: string; redirectUri: string };

const VERIFIER_KEY = 'amon.pkce.verifier';
const STATE_KEY = 'amon.pkce.state';

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomString = (size: number) => base64url(crypto.getRandomValues(new Uint8Array(size)));

export async function beginHostedLogin(c: CognitoSettings): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  sessionStorage.setItem(STATE_KEY, state);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: c.clientId,
    redirect_uri: c.redirectUri,
    scope: 'openid email profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  window.location.assign(`${c.domain}/oauth2/authorize?${params}`);
}

/** On the redirect back from Cognito: trades the code for tokens and keeps the id token. */
export async function completeHostedLogin(c: CognitoSettings, url: URL): Promise<void> {
  const code = url.searchParams.get('code');
  const state = url.searchParams.get('state');
  const verifier = sessionStorage.getItem(VERIFIER_KEY);
  if (!code || !verifier || state !== sessionStorage.getItem(STATE_KEY)) throw new Error('Die Anmeldung konnte nicht abgeschlossen werden.');
  const response = await fetch(`${c.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: c.clientId, code, redirect_uri: c.redirectUri, code_verifier: verifier }),
  });
  const tokens = (await response.json()) as { id_token?: string };
  if (!response.ok || !tokens.id_token) throw new Error('Die Anmeldung wurde abgelehnt.');
  sessionStorage.removeItem(VERIFIER_KEY);
  sessionStorage.removeItem(STATE_KEY);
  session.save(tokens.id_token);
}

export function hostedLogoutUrl(c: CognitoSettings): string {
  const origin = new URL(c.redirectUri).origin;
  return `${c.domain}/logout?${new URLSearchParams({ client_id: c.clientId, logout_uri: `${origin}/` })}`;
}
