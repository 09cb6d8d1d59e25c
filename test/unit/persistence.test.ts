// The persistence layer holds: rule files speak entities, patterns and write sets, never DynamoDB; queries take a
// declared access pattern; the access-pattern table of docs/data-model.md is the one the code declares.
import { describe, expect, it } from 'vitest';
import { entity } from '#shared/table/entity.ts';
import { patterns, type GetPattern, type QueryPattern } from '#shared/table/patterns.ts';
import { GSI_NAMES } from '#shared/table/definition.ts';
import { accessPatternTable } from '../../local/docs/access-patterns.ts';
import { chainsTo, files, read, valueImports, resolveSpec } from './support/sources.ts';

/** The files that may speak to the table: the table layer itself, the repositories, and the audit and feed item builders. */
const PERSISTENCE = [
  /^shared\/table\//,
  /\/repository\.ts$/,
  /^shared\/audit\/(entry|log|trail)\.ts$/,
  /^shared\/feed\/events\.ts$/,
  /^shared\/users\/sessions\.ts$/,
];
const isPersistence = (f: string) => PERSISTENCE.some((p) => p.test(f));
/** Everything else in shared/ holds rules: domain services, lifecycles, consent, views, schemas, reports. */
const ruleFiles = files('shared').filter((f) => !isPersistence(f));
const ADAPTER = 'shared/table/dynamodb.ts';
/** What builds keys, expressions or items: a rule file reaches these only through a repository or the write set. */
const INTERNALS = ['shared/table/access.ts', 'shared/table/keys.ts', 'shared/table/patterns.ts', 'shared/table/entity.ts', ADAPTER];

describe('persistence layer', () => {
  it('there are rule files to check, and domain files among them', () => {
    expect(ruleFiles.filter((f) => f.endsWith('/domain.ts')).length).toBeGreaterThanOrEqual(10);
  });

  it('no file in shared/ but the adapter reaches the AWS SDK or the adapter, directly or through another module', () => {
    const offences = files('shared')
      .filter((f) => f !== ADAPTER)
      .flatMap((f) => chainsTo(f, (spec, target) => spec.startsWith('@aws-sdk') || target === ADAPTER));
    expect(offences).toEqual([]);
  });

  it('rule files reach keys, patterns, entities and table access only through a repository or the write set', () => {
    const sanctioned = (f: string) =>
      /\/repository\.ts$/.test(f) || f === 'shared/table/write-set.ts' || /^shared\/audit\/(log|entry)\.ts$/.test(f) || f === 'shared/feed/events.ts';
    const offences = ruleFiles.flatMap((f) => chainsTo(f, (_spec, target) => INTERNALS.includes(target ?? ''), sanctioned));
    expect(offences).toEqual([]);
  });

  it("rule files use the table port for types only (guards and errors are the repositories' business)", () => {
    const offences = ruleFiles.flatMap((f) =>
      valueImports(f)
        .filter((s) => resolveSpec(f, s) === 'shared/table/port.ts')
        .map((s) => `${f} → ${s}`),
    );
    expect(offences).toEqual([]);
  });

  it('rule files hold no table names, expressions, index attributes or key strings', () => {
    const forbidden = /TableName|ConditionExpression|UpdateExpression|KeyConditionExpression|FilterExpression|IndexName|\bgsi\d(pk|sk)?\b|['"`][A-Z]{3,}#/;
    const offences = ruleFiles.filter((f) => forbidden.test(read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offences).toEqual([]);
  });

  it('a rule file that imported the SDK (even for a side effect) would be caught', () => {
    // The check above reads the same imports as this probe: a side-effect import counts as a value import.
    expect(valueImports('test/unit/support/sources.ts')).toContain('node:fs');
    const probe = "import '@aws-sdk/lib-dynamodb';\nimport type { Db } from '../table/port.ts';\n";
    expect([...probe.matchAll(/^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1])).toEqual(['@aws-sdk/lib-dynamodb']);
  });

  it('outside the table layer nothing names an index or builds a query by hand', () => {
    // The run-time access check reads the index a command names, and the local table creator declares the indexes.
    const inspectors = ['functions/table-access.ts', 'local/dynamodb.ts'];
    const code = [...files('shared'), ...files('functions'), ...files('local')].filter((f) => !f.startsWith('shared/table/') && !inspectors.includes(f));
    const offences = code.filter((f) => /index:\s*['"]gsi|IndexName|QueryCommand|KeyConditionExpression|\.query\(\{/.test(read(f)));
    expect(offences).toEqual([]);
  });

  it('only the adapter reads cancellation reasons; the write set maps them to domain errors', () => {
    const readers = [...files('shared'), ...files('functions')].filter((f) => /CancellationReasons|TransactionCanceledException/.test(read(f)));
    expect(readers).toEqual([ADAPTER]);
  });
});

describe('declared access patterns', () => {
  const all = Object.values(patterns) as (QueryPattern<never[]> | GetPattern<never[]>)[];

  it('each pattern has an id of its own', () => {
    const ids = all.map((p) => p.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('an index pattern names an index the table has; partitions of different patterns on one index never collide', () => {
    const queries = all.filter((p): p is QueryPattern<never[]> => p.kind === 'query');
    for (const p of queries.filter((q) => q.index)) expect(GSI_NAMES).toContain(p.index);
    const placeholders = (p: QueryPattern<never[]>) => (p.partitionOf as (...a: string[]) => string)(...p.params.map((n) => `<${n}>`));
    const byIndex = new Map<string, string[]>();
    for (const p of queries) {
      const key = `${p.index ?? 'table'}|${placeholders(p).replace(/<[^>]+>.*$/, '')}|${p.sortPrefix ?? ''}`;
      byIndex.set(key, [...(byIndex.get(key) ?? []), p.id]);
    }
    // The same partition prefix on the same index may only be shared by patterns reading different sort prefixes.
    expect([...byIndex.values()].filter((ids) => ids.length > 1)).toEqual([]);
  });

  it('an entity fills only slots of its own patterns', () => {
    const wrong = entity<{ id: string }>({ name: 'member', key: (r) => ({ pk: r.id, sk: 'X' }), slots: () => [patterns.casesByUpdate.slot('x')] });
    expect(() => wrong.item({ id: '1' })).toThrow('member cannot fill K5');
    const right = entity<{ id: string }>({ name: 'case', key: (r) => ({ pk: r.id, sk: 'X' }), slots: () => [patterns.casesByUpdate.slot('s'), false] });
    expect(right.item({ id: '1' })).toEqual({ id: '1', pk: '1', sk: 'X', gsi4pk: 'CASES', gsi4sk: 's' });
  });

  it('docs/data-model.md holds the access-pattern table generated from the declarations (npm run docs:patterns)', () => {
    const doc = read('docs/data-model.md');
    const between = /<!-- access-patterns:begin -->\n([\s\S]*?)<!-- access-patterns:end -->/.exec(doc);
    expect(between, 'the generated table is marked in docs/data-model.md').not.toBeNull();
    expect(between![1]).toBe(accessPatternTable());
  });
});
