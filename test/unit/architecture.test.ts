import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainsTo, files, imports, layerOf, resolveSpec, root } from './support/sources.ts';

const forbidden: Record<string, string[]> = {
  shared: ['functions', 'admin', 'infra', 'local', 'test'],
  functions: ['admin', 'infra', 'local', 'test'],
  admin: ['functions', 'infra', 'local', 'test'],
  infra: ['admin', 'local', 'test'],
};

describe('architecture: dependencies run admin → shared ← functions ← infra', () => {
  for (const [layer, banned] of Object.entries(forbidden)) {
    it(`${layer}/ imports nothing from ${banned.join(', ')}`, () => {
      const offences = files(layer).flatMap((f) =>
        imports(f)
          .filter((s) => banned.includes(layerOf(f, s) ?? ''))
          .map((s) => `${f} → ${s}`),
      );
      expect(offences).toEqual([]);
    });
  }

  it('domain and schema code in shared/ imports no AWS SDK and no HTTP types', () => {
    const offences = files('shared')
      .filter((f) => /(domain|schema|schema-kit)\.ts$/.test(f))
      .flatMap((f) =>
        imports(f)
          .filter((s) => s.startsWith('@aws-sdk') || s === 'aws-lambda' || s.startsWith('@middy'))
          .map((s) => `${f} → ${s}`),
      );
    expect(offences).toEqual([]);
  });

  it('API contracts import schemas only, never domain or table code (the OpenAPI handler bundles every contract)', () => {
    const offences = files('functions')
      .filter((f) => f.endsWith('/contract.ts'))
      .flatMap((f) =>
        imports(f)
          .filter((s) => /\/(domain|repository|access|children|privacy)\.ts$/.test(s) || s.startsWith('@aws-sdk'))
          .map((s) => `${f} → ${s}`),
      );
    expect(offences).toEqual([]);
  });

  it('the browser code reaches no AWS SDK and no Node built-in, not even through shared modules it imports', () => {
    const offences = files('admin').flatMap((f) => chainsTo(f, (spec) => spec.startsWith('@aws-sdk') || spec.startsWith('node:')));
    expect(offences).toEqual([]);
  });

  it('the browser code imports no AWS SDK and no Node built-ins', () => {
    const offences = files('admin').flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('@aws-sdk') || s.startsWith('node:'))
        .map((s) => `${f} → ${s}`),
    );
    expect(offences).toEqual([]);
  });

  it('no request path uses Scan', () => {
    const offences = [...files('shared'), ...files('functions')].filter((f) => /\bScanCommand\b/.test(readFileSync(join(root, f), 'utf8')));
    expect(offences).toEqual([]);
  });

  it('no test is skipped, focused or left as a todo', () => {
    const offences = files('test').filter((f) =>
      /\b(it|test|describe)\.(skip|only|todo)\b|\bx(it|describe)\(/.test(
        readFileSync(join(root, f), 'utf8')
          .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
          .replace('(skip|only|todo)', ''),
      ),
    );
    expect(offences).toEqual([]);
  });

  it('source files open with a line that says what they are for', () => {
    const offences = [...files('shared'), ...files('functions'), ...files('infra'), ...files('local'), ...files('admin/src')].filter(
      (f) => !readFileSync(join(root, f), 'utf8').startsWith('//'),
    );
    expect(offences).toEqual([]);
  });

  it('no import cycles, type-only imports included', () => {
    const all = ['shared', 'functions', 'admin', 'infra', 'local', 'bench', 'test'].flatMap((d) => files(d));
    const known = new Set(all);
    const edges = new Map(
      all.map((f) => [
        f,
        imports(f)
          .map((spec) => resolveSpec(f, spec))
          .filter((t): t is string => t !== undefined && known.has(t)),
      ]),
    );
    // Tarjan's strongly connected components: any component of more than one file is a cycle.
    let index = 0;
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      order.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const w of edges.get(v) ?? []) {
        if (!order.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
      if (low.get(v) === order.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
      }
    };
    for (const f of all) if (!order.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('docs/data-model.md names each access pattern by an id of its own', () => {
    const ids = [...readFileSync(join(root, 'docs/data-model.md'), 'utf8').matchAll(/^\| ([A-Z]\d+) \|/gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
