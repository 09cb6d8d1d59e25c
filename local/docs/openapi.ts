// Writes the OpenAPI document the API serves to .build/openapi.json, for `redocly lint` (npm test runs both).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '#functions/openapi/document.ts';
import { RESOURCES } from '#functions/registry.ts';

const out = join(import.meta.dirname, '../../.build/openapi.json');
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, JSON.stringify(openApiDocument(RESOURCES), null, 2) + '\n');
console.log(`OpenAPI document written to ${out}`);
