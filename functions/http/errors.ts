// Maps every error to one status and one body, once: {"error":{"code","message","fields"}}.
import type middy from '@middy/core';
import { DomainError, Unavailable } from '#shared/errors.ts';
import { logger, loggableMessage } from './log.ts';
import type { ApiEvent, ApiResult } from './event.ts';

/** SDK errors that mean the database cannot be reached or is overloaded right now. */
const UNAVAILABLE = new Set([
  'TimeoutError',
  'NetworkingError',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ResourceNotFoundException',
]);

export function toDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  if (UNAVAILABLE.has(e?.name ?? '') || UNAVAILABLE.has(e?.code ?? '') || UNAVAILABLE.has(e?.cause?.code ?? '')) {
    return new Unavailable('Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.');
  }
  if (error instanceof AggregateError && error.errors.some((inner) => toDomainError(inner))) {
    return new Unavailable('Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.');
  }
  return undefined;
}

export function errorBody(error: DomainError) {
  return { error: { code: error.code, message: error.message, fields: error.fields } };
}

export function errorResponse(): middy.MiddlewareObj<ApiEvent, ApiResult> {
  return {
    onError: async (request) => {
      const known = toDomainError(request.error);
      if (known && known.status >= 500) logger.error('dependency unavailable', { error: describe(request.error) });
      if (!known) logger.error('unexpected error', { error: describe(request.error) });
      const status = known?.status ?? 500;
      const body = known ? errorBody(known) : { error: { code: 'internal', message: 'Ein unerwarteter Fehler ist aufgetreten.', fields: [] } };
      request.response = {
        statusCode: status,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          ...(status === 429 ? { 'retry-after': '5' } : {}),
        },
        body: JSON.stringify(body),
      };
    },
  };
}

/** The error's name, message and stack; never the request. */
function describe(error: unknown) {
  const e = error as Error | undefined;
  // The stack names files and lines only; the message may name an address, which stays out of the log.
  return { name: e?.name, message: loggableMessage(e), stack: e?.stack?.split('\n').slice(1).join('\n') };
}
