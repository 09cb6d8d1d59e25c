// How a handler is bundled for Lambda: one set of esbuild options for CDK and for the bundle-size bench (P3).

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
