// The local API Gateway: HTTP requests become HTTP API payload-2.0 events for the same handler modules CDK deploys.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ApiEvent } from '#functions/http/route.ts';
import type { Resource } from '#functions/registry.ts';
import { errorBody, toDomainError } from '#functions/http/errors.ts';
import { DomainError, Invalid, RateLimited, TooLarge, Unauthorized } from '#shared/errors.ts';
import { LoginInput, PasswordChange } from '#shared/users/schema.ts';
import { fieldErrors } from '#functions/http/validation.ts';
import type { LocalSignIn } from './signin.ts';
import { serveMedia, serveStatic } from './static.ts';
import { tokenBucket } from './rate-limit.ts';

type LambdaHandler = (event: ApiEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

type RouteEntry = { method: string; pattern: RegExp; names: string[]; routeKey: string; resource: Resource; isPublic: boolean };

export type GatewayOptions = {
  root: string;
  resources: Resource[];
  signIn: LocalSignIn;
  siteDir: string;
  /** Pictures of newsletter issues, served under /medien/ as CloudFront serves the media bucket. */
  mediaDir?: string;
  siteConfig: () => unknown;
  corsOrigins: string[];
  isReady: () => boolean;
  /** How far the demo seed is, answered by /healthz beside the status. */
  demo?: () => { percent: number; complete: boolean; failed: boolean; seconds?: number };
  /**
   * While the demo seed writes its staged items, a change waits for it (a case number or a counter it would count on
   * is not in the table yet); reads answer at once. Absent or resolved: changes go straight through.
   */
  changesWait?: () => Promise<void>;
  /** Token bucket per client address for the public (survey) routes; API Gateway route throttling in AWS. */
  publicRateLimit?: { capacity: number; refillPerSecond: number };
  /** Sign-in attempts per address across accounts (default 30, then one every 2 s). */
  signInRateLimit?: { capacity: number; refillPerSecond: number };
};

/** What the gateway reads of a sign-in body. */
const GATEWAY_BODY_LIMIT = 1024 * 1024;
/**
 * What it reads of an API body before the operation's own limit judges it: enough for the largest operation (a
 * newsletter picture, 1.5 MB as base64); API Gateway takes up to 10 MB and Lambda 6 MB.
 */
const API_BODY_LIMIT = 2.5 * 1024 * 1024;

/** Literal routes win over templated ones, as in API Gateway ("/api/cases/duplicates" before "/api/cases/{id}"). */
function routeTable(resources: Resource[]): RouteEntry[] {
  return resources
    .flatMap((resource) =>
      Object.values(resource.contract.operations).map((op) => {
        const [method, template] = op.route.split(' ') as [string, string];
        const names: string[] = [];
        const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
        return { method, pattern: new RegExp(`^${source}$`), names, routeKey: op.route, resource, isPublic: op.roles === 'public' };
      }),
    )
    .sort((a, b) => a.names.length - b.names.length);
}

/** HTTP API passes list claims as "[a b]" and every other claim as a string. */
export function authorizerClaims(payload: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]));
}

export function createGateway(o: GatewayOptions): Server {
  const routes = routeTable(o.resources);
  const modules = new Map<string, Promise<LambdaHandler>>();
  const loginLimiter = tokenBucket({ capacity: 10, refillPerSecond: 10 / 60 });
  // Across accounts too: one address may not try many e-mail addresses (30 attempts, then one every 2 s).
  const addressLimiter = tokenBucket(o.signInRateLimit ?? { capacity: 30, refillPerSecond: 0.5 });
  const limitSignIn = (req: IncomingMessage, email: string) => {
    const address = req.socket.remoteAddress ?? 'local';
    if (!addressLimiter.take(address) || !loginLimiter.take(`${address}|${email.toLowerCase()}`)) throw new RateLimited();
  };
  const publicLimiter = tokenBucket(o.publicRateLimit ?? { capacity: 40, refillPerSecond: 20 });
  const load = (entry: string) => {
    if (!modules.has(entry)) {
      modules.set(
        entry,
        import(pathToFileURL(resolve(o.root, entry)).href).then((m: { handler: LambdaHandler }) => m.handler),
      );
    }
    return modules.get(entry)!;
  };

  // The handler answers every request itself (errors included), so nothing is left for the server to await.
  return createServer(
    (req, res) =>
      void (async () => {
        try {
          const url = new URL(req.url ?? '/', 'http://127.0.0.1');
          if (url.pathname === '/healthz')
            return json(res, o.isReady() ? 200 : 503, { status: o.isReady() ? 'ok' : 'starting', ...(o.demo ? { demo: o.demo() } : {}) });
          if (url.pathname === '/auth/jwks.json') return json(res, 200, o.signIn.jwks);
          if (url.pathname === '/auth/login' && req.method === 'POST') {
            const parsed = LoginInput.safeParse(JSON.parse((await readBody(req)).toString('utf8') || '{}'));
            if (!parsed.success) throw new Invalid(fieldErrors(parsed.error, ''));
            // Ten attempts a minute per address and account, thirty per address, slow password guessing down.
            limitSignIn(req, parsed.data.email);
            return json(res, 200, { token: await o.signIn.login(parsed.data.email, parsed.data.password) });
          }
          if (url.pathname === '/auth/password' && req.method === 'POST') {
            const parsed = PasswordChange.safeParse(JSON.parse((await readBody(req)).toString('utf8') || '{}'));
            if (!parsed.success) throw new Invalid(fieldErrors(parsed.error, ''));
            limitSignIn(req, parsed.data.email);
            await o.signIn.changePassword(parsed.data.email, parsed.data.currentPassword, parsed.data.newPassword);
            return json(res, 200, { status: 'changed' });
          }
          if (url.pathname === '/config.json') return json(res, 200, o.siteConfig());
          if (url.pathname.startsWith('/api/')) return await invoke(req, res, url);
          if (url.pathname.startsWith('/medien/') && o.mediaDir) return serveMedia(req, res, o.mediaDir, url.pathname.slice('/medien'.length));
          return serveStatic(req, res, o.siteDir, url.pathname);
        } catch (error) {
          const known = error instanceof SyntaxError ? new Invalid([{ path: 'body', message: 'kein gültiges JSON' }]) : toDomainError(error);
          if (!known) console.error('gateway error', (error as Error).message);
          // The rest of an oversized body is never read: the connection closes after the answer, as API Gateway's
          // does, so a client's next request opens a new one instead of meeting the unread bytes.
          if (known instanceof TooLarge) res.setHeader('connection', 'close');
          return json(
            res,
            known?.status ?? 500,
            known ? errorBody(known) : { error: { code: 'internal', message: 'Ein unerwarteter Fehler ist aufgetreten.', fields: [] } },
          );
        }
      })(),
  );

  async function invoke(req: IncomingMessage, res: ServerResponse, url: URL) {
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return preflight(req, res);
    const match = routes.map((r) => ({ r, m: r.method === method ? r.pattern.exec(url.pathname) : null })).find((x) => x.m);
    if (!match?.m) return json(res, 404, errorBody(notFound));
    const { r, m } = match;
    if (r.isPublic && !publicLimiter.take(req.socket.remoteAddress ?? 'local')) throw new RateLimited();
    const claims = r.isPublic ? undefined : await authorize(req);
    const body = await readBody(req, API_BODY_LIMIT);
    if (method !== 'GET' && o.changesWait) await o.changesWait();
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const now = new Date();
    const event = {
      version: '2.0',
      routeKey: r.routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      cookies: req.headers.cookie?.split(/;\s*/),
      headers,
      queryStringParameters: Object.keys(query).length ? query : undefined,
      pathParameters: r.names.length ? Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])) : undefined,
      body: body.length ? body.toString('utf8') : undefined,
      isBase64Encoded: false,
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: url.host,
        domainPrefix: 'local',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId: randomUUID(),
        routeKey: r.routeKey,
        stage: '$default',
        time: now.toISOString(),
        timeEpoch: now.getTime(),
        ...(claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: null } } } : {}),
      },
    } as unknown as ApiEvent;
    const handler = await load(r.resource.entry);
    const result = await handler(event, lambdaContext(r.resource.contract.name));
    const responseHeaders = Object.fromEntries(
      Object.entries(result.headers ?? {})
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    res.writeHead(result.statusCode ?? 200, responseHeaders);
    res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
  }

  async function authorize(req: IncomingMessage): Promise<Record<string, string>> {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) throw new Unauthorized();
    try {
      return authorizerClaims(await o.signIn.verify(token));
    } catch {
      throw new Unauthorized('Die Anmeldung ist abgelaufen oder ungültig. Bitte melden Sie sich neu an.');
    }
  }

  function preflight(req: IncomingMessage, res: ServerResponse) {
    const origin = req.headers.origin ?? '';
    if (!o.corsOrigins.includes(origin)) return json(res, 403, errorBody(new Unauthorized('Herkunft nicht erlaubt.')));
    res.writeHead(204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
      'access-control-allow-headers': 'authorization,content-type',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    res.end();
  }
}

const notFound = new (class extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
})('Diese Adresse gibt es nicht.');

function lambdaContext(name: string): Context {
  return {
    awsRequestId: randomUUID(),
    functionName: `amon-${name}`,
    functionVersion: '$LATEST',
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => 29_000,
  } as unknown as Context;
}

async function readBody(req: IncomingMessage, limit = GATEWAY_BODY_LIMIT): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}
