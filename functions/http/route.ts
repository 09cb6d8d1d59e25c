// The one middy stack of every API handler: a route declares its contract, the stack does the rest.
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { Forbidden, Invalid, NotFound, TooLarge, Unauthorized } from '#shared/errors.ts';
import type { Actor } from '#shared/audit/entry.ts';
import { Role } from '#shared/users/roles.ts';
import { config } from '../config.ts';
import { errorResponse } from './errors.ts';
import { requestLog } from './log.ts';
import { parseWith } from './validation.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.infer<S> : undefined;

export type RouteSpec<B, Q, P> = {
  /** Roles that may call the route, or 'public' for routes without sign-in. */
  roles: readonly Role[] | 'public';
  body?: B;
  query?: Q;
  params?: P;
  /** Status of a successful answer (default 200). */
  status?: number;
  /** Largest accepted body in bytes (default 64 KiB). */
  maxBodyBytes?: number;
};

export type RouteContext<B, Q, P> = { body: Out<B>; query: Out<Q>; params: Out<P>; user: Actor; event: ApiEvent };

/** A response that is not JSON (a file, a redirect). */
export class RawResponse {
  constructor(readonly result: ApiResult) {}
}

export type RouteHandler = (event: ApiEvent) => Promise<ApiResult>;

const DEFAULT_MAX_BODY = 64 * 1024;

export function route<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  spec: RouteSpec<B, Q, P>,
) {
  return {
    handle(fn: (ctx: RouteContext<B, Q, P>) => Promise<unknown> | unknown): RouteHandler {
      return async (event) => {
        const user = authorize(event, spec.roles);
        const body = spec.body ? parseWith(spec.body, readJsonBody(event, spec.maxBodyBytes ?? DEFAULT_MAX_BODY), '') : undefined;
        const query = spec.query ? parseWith(spec.query, event.queryStringParameters ?? {}, 'query') : undefined;
        const params = spec.params ? parseWith(spec.params, event.pathParameters ?? {}, 'path') : undefined;
        const result = await fn({ body, query, params, user, event } as RouteContext<B, Q, P>);
        if (result instanceof RawResponse) return result.result;
        return {
          statusCode: spec.status ?? 200,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          body: JSON.stringify(result),
        };
      };
    },
  };
}

/** One Lambda handler serving several routes, dispatched by the API Gateway route key. */
export function api(routes: Record<string, RouteHandler>) {
  const cfg = config();
  const origins = cfg.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  return middy<ApiEvent, ApiResult>()
    .use(requestLog())
    .use(httpCors({ origins, headers: 'authorization,content-type', methods: 'GET,POST,PUT,DELETE,OPTIONS', maxAge: 600 }))
    .use(httpSecurityHeaders())
    .use(errorResponse())
    .handler(async (event) => {
      const handler = routes[event.routeKey];
      if (!handler) throw new NotFound('Diese Adresse gibt es nicht.');
      return handler(event);
    });
}

/**
 * The JWT authorizer (API Gateway, or the local gateway) has checked the token; here the claims
 * become an actor and the route's roles are enforced.
 */
function authorize(event: ApiEvent, roles: readonly Role[] | 'public'): Actor {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (roles === 'public') return { id: 'public', email: '', roles: [] };
  if (!claims || typeof claims.sub !== 'string') throw new Unauthorized();
  const groups = parseGroups(claims['cognito:groups']);
  if (!groups.some((g) => roles.includes(g))) throw new Forbidden();
  return { id: claims.sub, email: String(claims.email ?? ''), roles: groups };
}

/** API Gateway passes list claims as "[admin counsellor]"; accept a real array too. */
export function parseGroups(value: unknown): Role[] {
  const raw = Array.isArray(value) ? value.map(String) : String(value ?? '').replace(/^\[|\]$/g, '').split(/[\s,]+/);
  return raw.flatMap((g) => {
    const parsed = Role.safeParse(g.trim());
    return parsed.success ? [parsed.data] : [];
  });
}

function readJsonBody(event: ApiEvent, maxBytes: number): unknown {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > maxBytes) throw new TooLarge(maxBytes);
  if (!text) throw new Invalid([{ path: 'body', message: 'Es fehlt ein JSON-Inhalt.' }]);
  const type = event.headers?.['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new Invalid([{ path: 'body', message: 'Content-Type muss application/json sein.' }]);
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid([{ path: 'body', message: 'kein gültiges JSON' }]);
  }
}
