// GET /api/openapi.json: the OpenAPI document, built once per cold start.
import { api } from '../http/route.ts';
import { RESOURCES } from '../registry.ts';
import { openapiContract } from './contract.ts';
import { openApiDocument } from './document.ts';

const document = openApiDocument(RESOURCES);

export const handler = api(openapiContract, { document: () => document });
