// Calls a handler with an API Gateway v2 event, as the gateway would, signed in as a role (or anonymous).
import type { Context } from 'aws-lambda';
import type { Role } from '#shared/users/roles.ts';
import type { ApiEvent, ApiResult } from '#functions/http/route.ts';
import { RESOURCES } from '#functions/registry.ts';

type Handler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

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

export function apiEvent(routeKey: string, o: CallOptions = {}): ApiEvent {
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

/** The declared answer schema of each route (the contract registry), for checking what handlers return. */
const RESPONSES = new Map(RESOURCES.flatMap((r) => Object.values(r.contract.operations).flatMap((op) => (op.response ? [[op.route, op.response] as const] : []))));

export async function call(handler: Handler, routeKey: string, o: CallOptions = {}) {
  const result = await handler(apiEvent(routeKey, o), lambdaContext);
  const text = typeof result.body === 'string' ? result.body : '';
  const json = text && String(result.headers?.['content-type'] ?? '').includes('json');
  const body = json ? JSON.parse(text) : text;
  const status = result.statusCode ?? 0;
  // A handler that answers something else than its contract declares fails the test that called it.
  const schema = RESPONSES.get(routeKey);
  if (schema && json && status < 300) {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new Error(`${routeKey} answered outside its response schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { status, headers: result.headers ?? {}, body };
}
