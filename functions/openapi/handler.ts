// GET /api/openapi.json: the OpenAPI document. The Lambda bundle carries it built: infra/bundling.ts puts the JSON
// into AMON_OPENAPI_DOCUMENT at bundle time, so a cold start parses JSON instead of converting every operation's
// schemas (and the bundle holds no contract but its own). Run from source (locally, in tests) it is built at import.
import { api } from '../http/route.ts';
import { openapiContract } from './contract.ts';

declare const AMON_OPENAPI_DOCUMENT: string | undefined;

/** The document built from the contracts; only reached when no bundler put it in (the dead branch of a bundle). */
async function buildDocument(): Promise<unknown> {
  const [{ openApiDocument }, { RESOURCES }] = await Promise.all([import('./document.ts'), import('../registry.ts')]);
  return openApiDocument(RESOURCES);
}

const document: unknown = typeof AMON_OPENAPI_DOCUMENT === 'string' ? JSON.parse(AMON_OPENAPI_DOCUMENT) : await buildDocument();

export const handler = api(openapiContract, { document: () => document });
