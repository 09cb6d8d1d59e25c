import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '#functions/registry.ts';
import { openApiDocument } from '#functions/openapi/document.ts';
import { Participant } from '#shared/cases/schema.ts';

describe('the route registry', () => {
  it('names a handler module for every resource, and route keys are unique', () => {
    const keys = RESOURCES.flatMap((r) => Object.values(r.contract.operations).map((o) => o.route));
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of RESOURCES) {
      const source = readFileSync(join(import.meta.dirname, '../..', r.entry), 'utf8');
      expect(source, r.entry).toMatch(new RegExp(`api\\(\\s*${r.contract.name}Contract\\b`));
    }
  });

  it('every operation with a body or path parameters documents them in OpenAPI', () => {
    const doc = openApiDocument(RESOURCES);
    for (const r of RESOURCES) {
      for (const [name, op] of Object.entries(r.contract.operations)) {
        const [method, path] = op.route.split(' ') as [string, string];
        const operation = (doc.paths[path] as Record<string, { operationId: string; requestBody?: unknown; parameters: { in: string; name: string }[] }>)[
          method.toLowerCase()
        ]!;
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

describe('no personal data in URLs', () => {
  /** Fields that identify a person, on any route; on the case routes also every other participant field and the searches. */
  const IDENTIFYING = new Set(['firstName', 'lastName', 'birthDate', 'email', 'phone', 'street', 'customerNumber']);
  const ON_CASE_ROUTES = new Set([...Object.keys(Participant.shape), 'q', 'name', 'number']);
  const CASE_RESOURCES = new Set(['cases', 'matching']);

  it('no route takes a participant field in its query or path', () => {
    const offences: string[] = [];
    for (const r of RESOURCES) {
      for (const op of Object.values(r.contract.operations)) {
        const path = op.route.split(' ')[1]!;
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(([, p]) => p!);
        const inQuery = op.query && 'shape' in op.query ? Object.keys((op.query as unknown as { shape: object }).shape) : [];
        for (const field of [...inPath, ...inQuery]) {
          const personal = IDENTIFYING.has(field) || (CASE_RESOURCES.has(r.contract.name) && ON_CASE_ROUTES.has(field));
          if (personal) offences.push(`${op.route}: ${field}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });
});

describe('the survey token in the OpenAPI document', () => {
  it('has a security scheme of its own, used by the survey routes', () => {
    const doc = openApiDocument(RESOURCES) as unknown as {
      components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.components.securitySchemes.surveyToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(doc.paths['/api/survey']!.get!.security).toEqual([{ surveyToken: [] }]);
    expect(doc.paths['/api/survey/response']!.post!.security).toEqual([{ surveyToken: [] }]);
    expect(doc.paths['/api/unsubscribe']!.get!.security).toEqual([]);
  });
});

describe('every operation declares its answer', () => {
  it('a JSON response schema, or the media type of the file or page it answers', () => {
    const missing = RESOURCES.flatMap((r) =>
      Object.entries(r.contract.operations)
        .filter(([, op]) => !op.response && !op.produces)
        .map(([name, op]) => `${r.contract.name}.${name} ${op.route}`),
    );
    expect(missing).toEqual([]);
  });

  it('the document shows it, with 429 for the throttling every route has, servers and a license', () => {
    const doc = openApiDocument(RESOURCES) as unknown as {
      servers: unknown[];
      info: { license?: { name: string } };
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.info.license?.name).toBeTruthy();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.responses['429'], `${method} ${path}`).toBeDefined();
        const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'))!;
        expect(success[1].content, `${method} ${path} answers something`).toBeDefined();
      }
    }
    expect(Object.keys(doc.paths['/api/reports/{month}/pdf']!.get!.responses['200']!.content!)).toEqual(['application/pdf']);
  });
});

describe('the OpenAPI examples', () => {
  it('each example is valid for the schema it illustrates', async () => {
    const { EXAMPLES } = await import('#functions/openapi/examples.ts');
    const { Member } = await import('#shared/members/schema.ts');
    const { Company } = await import('#shared/companies/schema.ts');
    const { CaseSummary } = await import('#shared/cases/view-schema.ts');
    const { Campaign } = await import('#shared/surveys/schema.ts');
    const schemas = { Member, Company, CaseSummary, Campaign } as const;
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(schemas).sort());
    for (const [name, schema] of Object.entries(schemas)) {
      const parsed = schema.safeParse(EXAMPLES[name]);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${name}.${i.path.join('.')}: ${i.message}`)).toEqual([]);
    }
  });
});
