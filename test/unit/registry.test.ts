import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '#functions/registry.ts';
import { openApiDocument } from '#functions/openapi/document.ts';

describe('the route registry', () => {
  it('names a handler module for every resource, and route keys are unique', () => {
    const keys = RESOURCES.flatMap((r) => Object.values(r.contract.operations).map((o) => o.route));
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of RESOURCES) {
      const source = readFileSync(join(import.meta.dirname, '../..', r.entry), 'utf8');
      expect(source, r.entry).toContain(`api(${r.contract.name}Contract`);
    }
  });

  it('every operation with a body or path parameters documents them in OpenAPI', () => {
    const doc = openApiDocument(RESOURCES);
    for (const r of RESOURCES) {
      for (const [name, op] of Object.entries(r.contract.operations)) {
        const [method, path] = op.route.split(' ') as [string, string];
        const operation = (doc.paths[path] as Record<string, { operationId: string; requestBody?: unknown; parameters: { in: string; name: string }[] }>)[method.toLowerCase()]!;
        expect(operation.operationId).toBe(`${r.contract.name}.${name}`);
        if (op.body) expect(operation.requestBody, op.route).toBeDefined();
        for (const [, param] of path.matchAll(/\{(\w+)\}/g)) expect(operation.parameters.some((p) => p.in === 'path' && p.name === param)).toBe(true);
      }
    }
  });

  it('OpenAPI names the roles of every non-public operation', () => {
    const doc = openApiDocument(RESOURCES);
    const list = (doc.paths['/api/members'] as Record<string, Record<string, unknown>>).post!;
    expect(list['x-amon-roles']).toEqual(['admin', 'coordinator']);
  });
});
