// P3: the size of each API bundle as CDK builds it, and its cold import time against a bundle of only the DynamoDB clients.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLING } from '#infra/bundling.ts';
import { RESOURCES } from '#functions/registry.ts';
import type { Figure } from './figure.ts';

const IMPORTS = 7;

async function bundle(entry: string, outfile: string, root: string): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: BUNDLING.format,
    minify: BUNDLING.minify,
    target: BUNDLING.target,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    absWorkingDir: root,
    logLevel: 'silent',
  });
  if (result.errors.length) throw new Error(`bundling ${entry} failed`);
  return statSync(outfile).size;
}

/** Median wall time of a fresh `node` importing the bundle, minus node's own start. */
function coldImport(file: string): number {
  const env = { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'eu-central-1', CORS_ORIGINS: '', POWERTOOLS_LOG_LEVEL: 'SILENT' };
  const code = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const runs = Array.from({ length: IMPORTS }, () =>
    Number(spawnSync(process.execPath, ['--input-type=module', '-e', code], { env, encoding: 'utf8' }).stdout.trim()),
  );
  return runs.sort((a, b) => a - b)[Math.floor(IMPORTS / 2)]!;
}

export async function measureBundles(root: string): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'amon-bundles-'));
  try {
    const baselineEntry = join(root, 'bench/dynamodb-only.ts');
    const baselineFile = join(dir, 'baseline.mjs');
    const baselineSize = await bundle(baselineEntry, baselineFile, root);
    const baselineMs = coldImport(baselineFile);
    const figures: Figure[] = [
      { id: 'P3.size_dynamodb_only', name: 'bundle size, DynamoDB clients only (reference)', value: Math.round(baselineSize / 1024), unit: 'KB' },
      { id: 'P3.import_dynamodb_only', name: 'cold import, DynamoDB clients only (reference)', value: Math.round(baselineMs * 10) / 10, unit: 'ms' },
    ];
    for (const r of RESOURCES) {
      const name = r.contract.name;
      const file = join(dir, `${name}.mjs`);
      const size = await bundle(join(root, r.entry), file, root);
      const ms = coldImport(file);
      figures.push({
        id: `P3.size_${name}`,
        name: `bundle size, ${name} handler (minified ESM, SDK bundled)`,
        value: Math.round(size / 1024),
        unit: 'KB',
        goal: '≤ 250 KB',
      });
      figures.push({
        id: `P3.import_ratio_${name}`,
        name: `cold import ${name} ÷ DynamoDB-only (${ms.toFixed(1)} ms ÷ ${baselineMs.toFixed(1)} ms)`,
        value: Math.round((ms / baselineMs) * 100) / 100,
        unit: 'ratio',
        goal: '≤ 1.3',
      });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
