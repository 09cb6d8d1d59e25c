// JSON request logs with the request id, route, status and duration; bodies, tokens and personal data are never logged.
import { Logger } from '@aws-lambda-powertools/logger';
import type middy from '@middy/core';
import type { ApiEvent, ApiResult } from './event.ts';

export const logger = new Logger({ serviceName: 'amon-api' });

/** An error's message as it may be logged: at most 200 characters, without the e-mail addresses it may name. */
export const loggableMessage = (error: unknown): string =>
  String((error as Error | undefined)?.message ?? error)
    .replace(/[^\s<>,;:"'()]+@[^\s<>,;:"'()]+/g, '[Adresse]')
    .slice(0, 200);

export function requestLog(): middy.MiddlewareObj<ApiEvent, ApiResult> {
  let started = 0;
  const done = (request: middy.Request<ApiEvent, ApiResult>) => {
    logger.info('request', {
      route: request.event.routeKey,
      status: request.response?.statusCode,
      durationMs: Math.round(performance.now() - started),
    });
    logger.removeKeys(['requestId']);
  };
  return {
    before: async (request) => {
      started = performance.now();
      logger.appendKeys({ requestId: request.event.requestContext?.requestId });
    },
    after: async (request) => done(request),
    onError: async (request) => {
      if (request.response) done(request);
    },
  };
}
