// How a function is bundled for Lambda: one set of esbuild options for CDK and for the bundle bench (P3). esbuild
// splits the code: what a handler reaches only through `import()` (PDF rendering, spreadsheets, the mail composer, the
// S3 and SES clients) lands in chunks of its own beside `index.mjs`, and a cold start reads only what it imports.
import { relative } from 'node:path';
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';
import { openApiDocument } from '#functions/openapi/document.ts';
import { RESOURCES } from '#functions/registry.ts';

export const LAMBDA_TARGET = 'node22';

/** ESM bundles need `require` for the few CommonJS dependencies esbuild leaves as dynamic requires. */
export const ESM_REQUIRE_SHIM = "import { createRequire as __amonCreateRequire } from 'node:module'; const require = __amonCreateRequire(import.meta.url);";

export const BUNDLING = {
  format: 'esm',
  minify: true,
  sourceMap: true,
  target: LAMBDA_TARGET,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_SHIM,
  /** The AWS SDK is bundled (pinned version, tree-shaken) rather than taken from the runtime. */
  externalModules: [] as string[],
} as const;

/**
 * The esbuild options of a function: its entry becomes `index.mjs` in `outdir`, its lazily imported code `chunk-*.mjs`
 * beside it (in the same folder, so that a chunk finds the files that lie beside the bundle, the PDF fonts).
 */
export function bundleOptions(entry: string, outdir: string, root: string): BuildOptions {
  return {
    define: builtAtBundleTime(relative(root, entry)),
    entryPoints: { index: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: BUNDLING.format,
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    target: BUNDLING.target,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    external: [...BUNDLING.externalModules],
    absWorkingDir: root,
    logLevel: 'warning',
  };
}

/**
 * What a function gets built when it is bundled, not at each cold start: the OpenAPI document (functions/openapi),
 * whose conversion of every operation's zod schemas took 4× the reference's import.
 */
function builtAtBundleTime(entry: string): Record<string, string> {
  if (entry !== 'functions/openapi/handler.ts') return {};
  return { AMON_OPENAPI_DOCUMENT: JSON.stringify(JSON.stringify(openApiDocument(RESOURCES))) };
}

/** Bundles one function into `outdir` (CDK's local bundling: synchronous, no Docker). */
export function bundleFunction(entry: string, outdir: string, root: string): void {
  const result = buildSync(bundleOptions(entry, outdir, root));
  if (result.errors.length) throw new Error(`bundling ${entry} failed: ${result.errors.map((e) => e.text).join('; ')}`);
}

/** The output files a cold start reads: `index.mjs` and the chunks it imports statically, transitively. */
export function loadedAtStart(metafile: Metafile): string[] {
  const outputs = metafile.outputs;
  const index = Object.keys(outputs).find((o) => o.endsWith('/index.mjs') || o === 'index.mjs');
  if (!index) throw new Error('the bundle has no index.mjs');
  const seen = new Set<string>();
  const visit = (o: string) => {
    if (seen.has(o)) return;
    seen.add(o);
    for (const i of outputs[o]!.imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(index);
  return [...seen];
}
