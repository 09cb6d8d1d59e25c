// The operation that publishes the OpenAPI document.
import * as z from 'zod/mini';
import { contract } from '../http/route.ts';

/** The document's top level; its paths and schemas are described by OpenAPI 3.1 itself. */
const OpenApiDocument = z
  .looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) })
  .clone()
  .register(z.globalRegistry, { id: 'OpenApiDocument' });

export const openapiContract = contract('openapi', {
  document: { route: 'GET /api/openapi.json', roles: 'public', response: OpenApiDocument, summary: 'Dieses OpenAPI-Dokument' },
});
