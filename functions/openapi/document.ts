// Builds the OpenAPI 3.1 document from the zod schemas of every operation: the schemas are the contract.
import * as z from 'zod/mini';
import type { Operation } from '../http/route.ts';
import type { Resource } from '../registry.ts';
import { EXAMPLES } from './examples.ts';

type JsonSchema = Record<string, unknown>;

const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Error' });

/** Named schemas (zod `.meta({ id })`) collected into components while the paths are built. */
let components: Record<string, JsonSchema> = {};

/** The JSON Schema of a zod schema; named parts become references to components. */
function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  const text = JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/');
  const { $schema: _dialect, $defs, ...rest } = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  for (const [name, def] of Object.entries($defs ?? {})) components[name] = def;
  return rest;
}

function parameters(op: Operation) {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue;
    let json = schemaOf(schema, 'input');
    // A named query schema comes back as a reference: its properties are the parameters, not a component.
    if (typeof json.$ref === 'string') {
      const name = json.$ref.split('/').pop()!;
      json = components[name] ?? {};
      delete components[name];
    }
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, s] of Object.entries((json.properties as Record<string, JsonSchema>) ?? {})) {
      list.push({ name, in: where, required: where === 'path' || required.has(name), schema: s });
    }
  }
  return list;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The successful answer: JSON by its schema, or a file or page of the media type the operation produces. */
function success(op: Operation) {
  if (op.produces)
    return {
      description: op.produces === 'text/html' ? 'Die Seite' : 'Die Datei',
      content: { [op.produces]: { schema: { type: 'string', ...(op.produces === 'text/html' ? {} : { contentMediaType: op.produces }) } } },
    };
  const schema = op.response ? schemaOf(op.response, 'output') : undefined;
  return { description: 'Erfolg', ...(schema ? { content: { 'application/json': { schema, ...exampleOf(schema) } } } : {}) };
}

/** An example for the main entities (a schema that refers to a named component with an example). */
function exampleOf(schema: JsonSchema): { example?: unknown } {
  const ref = typeof schema.$ref === 'string' ? schema.$ref.split('/').pop()! : undefined;
  const item = (schema.properties as Record<string, JsonSchema> | undefined)?.items?.items as JsonSchema | undefined;
  const itemRef = typeof item?.$ref === 'string' ? item.$ref.split('/').pop()! : undefined;
  if (ref && EXAMPLES[ref]) return { example: EXAMPLES[ref] };
  if (itemRef && EXAMPLES[itemRef]) return { example: { items: [EXAMPLES[itemRef]], nextCursor: null } };
  return {};
}

function operationObject(resource: string, name: string, op: Operation) {
  const responses: Record<string, unknown> = {
    [String(op.status ?? 200)]: success(op),
    '400': errorResponse('Ungültige Eingabe: fields nennt jedes Feld und den Grund'),
    '404': errorResponse('Nicht gefunden'),
    // Every route is throttled in API Gateway (per route, functions/registry.ts) and public ones locally too.
    '429': errorResponse('Zu viele Anfragen: bitte kurz warten und erneut versuchen'),
    '503': errorResponse('Datenbank nicht erreichbar'),
  };
  if (op.roles !== 'public') {
    responses['401'] = errorResponse('Nicht angemeldet');
    responses['403'] = errorResponse(`Nur für die Rollen: ${op.roles.join(', ')}`);
  }
  if (op.body) {
    responses['413'] = errorResponse('Inhalt zu groß');
    responses['409'] = errorResponse('Konflikt, z. B. veraltete Version');
  }
  return {
    operationId: `${resource}.${name}`,
    tags: [resource],
    summary: op.summary,
    ...(op.roles === 'public' ? { security: op.credential ? [{ [op.credential]: [] }] : [] } : { 'x-amon-roles': op.roles }),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body, 'input') } } } } : {}),
    responses,
  };
}

export function openApiDocument(resources: Resource[]) {
  components = {};
  const errorSchema = schemaOf(ErrorBody, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { contract } of resources) {
    for (const [name, op] of Object.entries(contract.operations)) {
      const [method, path] = op.route.split(' ') as [string, string];
      paths[path] = { ...paths[path], [method.toLowerCase()]: operationObject(contract.name, name, op) };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'amoN API',
      version: '1',
      description: 'API der amoN-Plattform für die abschlussorientierte modulare Nachqualifizierung.',
      license: { name: 'Proprietär – amoN-Projektverbund', identifier: 'LicenseRef-amoN-proprietary' },
      contact: { name: 'amoN-Projektteam' },
    },
    servers: [
      { url: '/', description: 'Dieselbe Adresse wie die Verwaltung (CloudFront leitet /api/* an die HTTP API)' },
      { url: 'http://127.0.0.1:3000', description: 'Lokal mit npm start' },
    ],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        surveyToken: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: "Survey <token>: the 128-bit token of the company's invitation link (the URL fragment after #t=)",
        },
      },
      schemas: { ...components, Error: components.Error ?? errorSchema },
    },
    paths,
  };
}
