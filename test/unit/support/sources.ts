// The project's source files and their imports, for the architecture tests: listing, parsing and resolving imports.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const root = join(import.meta.dirname, '../../..');

export const read = (file: string) => readFileSync(join(root, file), 'utf8');

export function files(dir: string, ext = /\.(ts|tsx)$/): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(join(root, path)).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** Every module a file names: `import … from`, `export … from`, side-effect `import 'x'` and `import('x')`. */
export function imports(file: string): string[] {
  const text = read(file);
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => (m[1] ?? m[2] ?? m[3])!,
  );
}

/** Imports that run code: `import type` and `export type` vanish from the bundle, everything else (side effects too) stays. */
export function valueImports(file: string): string[] {
  const text = read(file);
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(
    (m) => (m[1] ?? m[2] ?? m[3])!,
  );
}

/** The project file an import names ("#shared/x.ts" or "./x.ts" from `from`), or undefined for a package. */
export function resolveSpec(from: string, spec: string): string | undefined {
  const alias = /^#(shared|functions|local|infra)\/(.+)$/.exec(spec);
  if (alias) return `${alias[1]}/${alias[2]}`;
  return spec.startsWith('.') ? relative(root, join(root, from, '..', spec)) : undefined;
}

/** The layer an import points at: "#shared/x" → shared; "../functions/x" from a file → functions. */
export function layerOf(file: string, spec: string): string | undefined {
  const alias = /^#(shared|functions|local|infra)\//.exec(spec);
  if (alias) return alias[1];
  if (!spec.startsWith('.')) return undefined;
  return relative(root, join(root, file, '..', spec)).split('/')[0];
}

/**
 * Every chain of value imports from `start` that reaches a module `hit` accepts. The walk does not go on through
 * modules `stop` accepts (the sanctioned way in: a repository, the write set).
 */
export function chainsTo(start: string, hit: (spec: string, resolved: string | undefined) => boolean, stop: (file: string) => boolean = () => false): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(file)) {
      const target = resolveSpec(file, spec);
      if (hit(spec, target)) found.push([...chain, file, target ?? spec].join(' → '));
      else if (target && /\.(ts|tsx)$/.test(target) && !stop(target)) walk(target, [...chain, file]);
    }
  };
  walk(start, []);
  return found;
}
