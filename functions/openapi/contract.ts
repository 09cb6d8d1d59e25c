// The operation that publishes the OpenAPI document.
import { contract } from '../http/route.ts';

export const openapiContract = contract('openapi', {
  document: { route: 'GET /api/openapi.json', roles: 'public', summary: 'Dieses OpenAPI-Dokument' },
});
