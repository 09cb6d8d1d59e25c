// Calls a handler with an API Gateway v2 event, as the gateway would, signed in as a role (or anonymous).
import type { Context } from 'aws-lambda';
import type { Role } from '#shared/users/roles.ts';
import type * as z from 'zod/mini';
import type { ApiEvent, ApiResult, Contract, Operation } from '#functions/http/route.ts';
import { RESOURCES, type AnyContract } from '#functions/registry.ts';

type Handler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

type OperationsOf<C> = C extends Contract<infer O> ? O[keyof O] : never;
/** Every operation of the API, with its literal route key. */
type AnyOperation = OperationsOf<AnyContract>;
/** A route key the registry knows: a typo in a test does not compile. */
export type RouteKey = AnyOperation['route'];
type OperationOf<R extends RouteKey> = Extract<AnyOperation, { route: R }>;
/** What a successful call of the route answers, by its declared response schema. */
export type Answer<R extends RouteKey> = OperationOf<R> extends { response: infer S extends z.ZodMiniType } ? z.output<S> : string;

export type CallOptions = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  as?: Role | 'anonymous';
  userId?: string;
};

export const lambdaContext = { awsRequestId: 'test', functionName: 'test', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;

export function apiEvent(routeKey: RouteKey, o: CallOptions = {}): ApiEvent {
  const [method, template] = routeKey.split(' ') as [string, string];
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => o.params?.[name] ?? '');
  const role = o.as ?? 'admin';
  const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(o.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:3000', ...o.headers },
    queryStringParameters: o.query,
    pathParameters: o.params,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: '127',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      authorizer:
        role === 'anonymous'
          ? undefined
          : {
              principalId: '',
              integrationLatency: 0,
              jwt: {
                claims: { sub: o.userId ?? `user-${role}`, email: `${role}@amon.local`, 'cognito:groups': `[${role}]` },
                scopes: [],
              },
            },
    },
  } as unknown as ApiEvent;
}

/** Each route's operation (the contract registry), for checking what handlers return. */
const OPERATIONS = new Map<string, Operation>(RESOURCES.flatMap((r) => Object.values(r.contract.operations).map((op) => [op.route, op] as const)));

/** The answer of a handler, checked against the route's contract: a success outside it fails the calling test. */
export async function call<R extends RouteKey>(handler: Handler, routeKey: R, o: CallOptions = {}) {
  const result = await handler(apiEvent(routeKey, o), lambdaContext);
  const text = typeof result.body === 'string' ? result.body : '';
  const json = text && String(result.headers?.['content-type'] ?? '').includes('json');
  const body = json ? JSON.parse(text) : text;
  const status = result.statusCode ?? 0;
  // A handler that answers something else than its contract declares fails the test that called it.
  const op = OPERATIONS.get(routeKey)!;
  if (status < 300 && status !== 204) {
    const type = String(result.headers?.['content-type'] ?? '');
    if (json) {
      if (!op.response) throw new Error(`${routeKey} declares no JSON answer but answered JSON`);
      const parsed = op.response.safeParse(body);
      if (!parsed.success)
        throw new Error(
          `${routeKey} answered outside its response schema: ${parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.')}: ${i.message}`)
            .join('; ')}`,
        );
    } else if (!op.produces || !type.startsWith(op.produces)) {
      throw new Error(`${routeKey} declares ${op.produces ?? 'a JSON answer'} but answered ${type || 'without a content type'}`);
    }
  }
  // Tests read error answers as well as successes, so the body stays loose here; `Answer<R>` is the success shape.

  return { status, headers: result.headers ?? {}, body: body };
}
