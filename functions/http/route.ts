// The one middy stack of every API handler: a route declares its contract, the stack does the rest.
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpSecurityHeaders from '@middy/http-security-headers';
import type * as z from 'zod/mini';
import { Forbidden, Invalid, NotFound, TooLarge, Unauthorized } from '#shared/errors.ts';
import type { Actor } from '#shared/audit/entry.ts';
import { isRole, type Role } from '#shared/users/roles.ts';
import { tableAccessOf } from '../access.ts';
import { config } from '../config.ts';
import { withTableAccess } from '../table-access.ts';
import type { SessionGuard } from '#shared/users/sessions.ts';
import { cursorSealer, type CursorSealer } from './cursor.ts';
import { errorResponse } from './errors.ts';
import type { ApiEvent, ApiResult } from './event.ts';
import { requestLog } from './log.ts';
import { parseWith } from './validation.ts';

export type { ApiEvent, ApiResult } from './event.ts';

type Schema = z.ZodMiniType;
type Out<S> = S extends Schema ? z.infer<S> : undefined;

/** One operation of the API: its route key, who may call it, and the schemas of its input and answer. */
export type Operation = {
  /** API Gateway route key, e.g. "GET /api/members/{id}". */
  route: string;
  /** Roles that may call the route, or 'public' for routes without sign-in. */
  roles: readonly Role[] | 'public';
  /** German one-liner for the OpenAPI document. */
  summary: string;
  body?: Schema;
  query?: Schema;
  params?: Schema;
  /** The JSON answer; an operation that answers with a file or a page names its media type in `produces` instead. */
  response?: Schema;
  produces?: 'application/pdf' | 'text/html' | typeof XLSX;
  /** Status of a successful answer (default 200). */
  status?: number;
  /** Largest accepted body in bytes (default 64 KiB). */
  maxBodyBytes?: number;
  /** For public routes that carry a credential of their own: the survey form's invitation token. */
  credential?: 'surveyToken';
};

/** The media type of an Excel workbook. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The operations of one resource: read by its handler, the route registry, CDK and the OpenAPI document. */
export type Contract<O extends Record<string, Operation> = Record<string, Operation>> = { name: string; operations: O };
export const contract = <const O extends Record<string, Operation>>(name: string, operations: O): Contract<O> => ({ name, operations });

export type RouteContext<Op extends Operation> = {
  body: Out<Op['body']>;
  query: Out<Op['query']>;
  params: Out<Op['params']>;
  user: Actor;
  event: ApiEvent;
};

export type Implementation<O extends Record<string, Operation>> = {
  [K in keyof O]: (ctx: RouteContext<O[K]>) => unknown;
};

/** A response that is not JSON (a file, a redirect). */
export class RawResponse {
  constructor(readonly result: ApiResult) {}
}

/**
 * An HTML page of the API (unsubscribe confirmation, the Art. 15 export) with its own, single Content-Security-Policy:
 * inline styles only, and a form may post back to this origin when the page has one.
 */
/** A file as the answer (a PDF, a workbook), base64 through the gateway, never cached. */
export function fileResponse(body: Uint8Array, contentType: string, filename: string, disposition: 'inline' | 'attachment' = 'inline'): RawResponse {
  return new RawResponse({
    statusCode: 200,
    headers: { 'content-type': contentType, 'content-disposition': `${disposition}; filename="${filename}"`, 'cache-control': 'no-store' },
    body: Buffer.from(body).toString('base64'),
    isBase64Encoded: true,
  });
}

export function htmlPage(body: string, o: { form?: boolean; headers?: Record<string, string> } = {}): RawResponse {
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `form-action ${o.form ? "'self'" : "'none'"}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return new RawResponse({
    statusCode: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp, ...o.headers },
    body,
  });
}

const DEFAULT_MAX_BODY = 64 * 1024;

/** Authorize, parse, validate, call, answer: the same steps for every operation. */
function operationHandler(op: Operation, fn: (ctx: RouteContext<Operation>) => unknown, sessions: SessionGuard | undefined) {
  return async (event: ApiEvent): Promise<ApiResult> => {
    const user = await authorize(event, op.roles, sessions);
    const body = op.body ? openCursor(parseWith(op.body, readJsonBody(event, op.maxBodyBytes ?? DEFAULT_MAX_BODY), ''), event, user, 'cursor') : undefined;
    const query = op.query ? openCursor(parseWith(op.query, event.queryStringParameters ?? {}, 'query'), event, user, 'query.cursor') : undefined;
    const params = op.params ? parseWith(op.params, event.pathParameters ?? {}, 'path') : undefined;
    const answer = await fn({ body, query, params, user, event });
    if (answer instanceof RawResponse) return answer.result;
    const result = sealCursor(answer, event, user);
    return {
      statusCode: op.status ?? 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify(result),
    };
  };
}

/**
 * One Lambda handler serving a resource's operations, dispatched by the API Gateway route key. A resource with staff
 * routes needs the session guard, so that a disabled or demoted user's token stops working.
 */
export function api<O extends Record<string, Operation>>(resource: Contract<O>, impl: Implementation<O>, o: { sessions?: SessionGuard } = {}) {
  if (!o.sessions && Object.values(resource.operations).some((op) => op.roles !== 'public')) {
    throw new Error(`${resource.name}: staff routes need a session guard (api(contract, impl, { sessions }))`);
  }
  const cfg = config();
  const access = tableAccessOf(resource.name);
  const origins = cfg.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const routes = new Map(
    Object.entries(resource.operations).map(([name, op]) => [
      op.route,
      operationHandler(op, impl[name] as (ctx: RouteContext<Operation>) => unknown, o.sessions),
    ]),
  );
  return (
    middy<ApiEvent, ApiResult>()
      .use(requestLog())
      .use(httpCors({ origins, headers: 'authorization,content-type', methods: 'GET,POST,PUT,DELETE,OPTIONS', maxAge: 600 }))
      // The API answers JSON; its few HTML pages set their own policy (htmlPage), so middy adds no second CSP header
      // (a browser enforces both, and middy's form-action 'none' would block the unsubscribe button).
      .use(httpSecurityHeaders({ contentSecurityPolicy: false }))
      .use(errorResponse())
      .handler(async (event) => {
        const handler = routes.get(event.routeKey);
        if (!handler) throw new NotFound('Diese Adresse gibt es nicht.');
        return withTableAccess(resource.name, access, () => handler(event));
      })
  );
}

let sealer: CursorSealer | undefined;
function cursors(): CursorSealer {
  const secret = config().SEALING_SECRET;
  if (!secret) throw new Error('SEALING_SECRET is not configured');
  return (sealer ??= cursorSealer(secret));
}

/** What a cursor is bound to: the route, the concrete path, the caller and their roles. */
const cursorBinding = (event: ApiEvent, user: Actor) => [event.routeKey, event.rawPath, user.id, [...user.roles].sort().join(',')].join('|');

/** The domain pages with the table's own cursor; the client only ever holds the sealed one (in the query or a search body). */
function openCursor<Q>(input: Q, event: ApiEvent, user: Actor, path: string): Q {
  const cursor = (input as { cursor?: unknown } | undefined)?.cursor;
  if (typeof cursor !== 'string' || !cursor) return input;
  return { ...input, cursor: cursors().open(cursor, cursorBinding(event, user), path) };
}

function sealCursor(result: unknown, event: ApiEvent, user: Actor): unknown {
  if (typeof result !== 'object' || result === null || !('nextCursor' in result)) return result;
  const next = result.nextCursor;
  return typeof next === 'string' ? { ...result, nextCursor: cursors().seal(next, cursorBinding(event, user)) } : result;
}

/**
 * The JWT authorizer (API Gateway, or the local gateway) has checked the token; here the claims
 * become an actor and the route's roles are enforced.
 */
async function authorize(event: ApiEvent, roles: readonly Role[] | 'public', sessions: SessionGuard | undefined): Promise<Actor> {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const requestId = event.requestContext.requestId;
  if (roles === 'public') return { id: 'public', email: '', roles: [], requestId };
  if (!claims || typeof claims.sub !== 'string') throw new Unauthorized();
  const groups = parseGroups(claims['cognito:groups']);
  // Before the roles: a token issued before the account was disabled or its roles changed no longer counts.
  await sessions!.assertValid(claims.sub, claims.iat === undefined ? undefined : Number(claims.iat), groups);
  if (!groups.some((g) => roles.includes(g))) throw new Forbidden();
  return { id: claims.sub, email: String(claims.email ?? ''), roles: groups, requestId };
}

/** API Gateway passes list claims as "[admin counsellor]"; accept a real array too. */
export function parseGroups(value: unknown): Role[] {
  const raw = Array.isArray(value) ? value.map(String) : (typeof value === 'string' ? value : '').replace(/^\[|\]$/g, '').split(/[\s,]+/);
  return raw.map((g) => g.trim()).filter(isRole);
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
