// The browser security headers of the admin site and survey form: CloudFront's policy and the local server send the same.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // MUI (emotion) injects style elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https://*.amazoncognito.com https://*.amazonaws.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self' https://*.amazoncognito.com",
  "frame-ancestors 'none'",
].join('; ');

export const HSTS_SECONDS = 63_072_000; // two years

export const SITE_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** The runtime configuration the SPA reads from /config.json: which API and which sign-in. */
export type SiteConfig = {
  apiUrl: string;
  /** In AWS: the Hosted UI's domain, the app client, the redirect back, and the user pool's issuer (OIDC discovery). */
  auth: { kind: 'local' } | { kind: 'cognito'; domain: string; clientId: string; redirectUri: string; issuer: string };
  /** Locally only: where the admin reads how far the demo data is (`npm start` seeds it behind the running product). */
  demo?: { statusUrl: string };
};
