// P3: the size of each API and job bundle as CDK builds it, and its cold import time against a bundle of only the
// DynamoDB clients; what each bundle is made of (bytes by library); and what each heavy library costs at import alone.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, loadedAtStart } from '#infra/bundling.ts';
import { JOBS, JOB_WORKER } from '#functions/jobs.ts';
import { RESOURCES } from '#functions/registry.ts';
import type { Figure } from './figure.ts';

const IMPORTS = 7;
/** Pairs of cold imports (reference, then bundle) per bundle: the ratio is the median of the pairs' ratios. */
const PAIRS = 15;

/** What a bundle is made of, by the libraries the performance issue names (KB, minified). */
export type Composition = Record<string, number>;

/** The parts a bundle's bytes are sorted into: the first pattern that matches an input's path names it. */
const PARTS: [string, RegExp][] = [
  [
    'AWS SDK (DynamoDB)',
    /node_modules\/(@aws-sdk\/(client-dynamodb|lib-dynamodb|util-dynamodb|dynamodb-codec|core|nested-clients|credential-provider|middleware|region-config|token-providers|util-|xml-builder|signature-v4|types)|@smithy|@aws-crypto|fast-xml-parser|strnum|tslib|bowser|uuid)/,
  ],
  ['Cognito client', /node_modules\/@aws-sdk\/client-cognito-identity-provider/],
  ['other AWS clients', /node_modules\/@aws-sdk\//],
  ['zod', /node_modules\/zod\//],
  ['Powertools logger', /node_modules\/@aws-lambda-powertools\//],
  ['middy', /node_modules\/@middy\//],
  ['date-fns and tz', /node_modules\/(@date-fns\/tz|date-fns)\//],
  ['ical-generator', /node_modules\/ical-generator\//],
  ['rrule', /node_modules\/rrule\//],
  ['pdf-lib and fontkit', /node_modules\/(pdf-lib|@pdf-lib|pako|tiny-inflate|unicode-trie|fontkit|restructure|brotli|clone|deep-equal|dfa|unicode-properties)/],
  ['exceljs', /node_modules\/(exceljs|jszip|sax|saxes|archiver|unzipper|fast-csv|readable-stream|dayjs|tmp)/],
  ['nodemailer', /node_modules\/nodemailer\//],
  ['jose', /node_modules\/jose\//],
  ['other libraries', /node_modules\//],
  ['amoN: table layer and access patterns', /^shared\/table\//],
  ['amoN: other', /./],
];

/** Each heavy library bundled alone: what importing it costs a cold function. */
const LIBRARIES: [string, string][] = [
  ['zod', "import * as z from 'zod/mini'; globalThis.__keep = z;"],
  ['powertools_logger', "import { Logger } from '@aws-lambda-powertools/logger'; globalThis.__keep = new Logger();"],
  [
    'middy',
    "import middy from '@middy/core'; import cors from '@middy/http-cors'; import sec from '@middy/http-security-headers'; globalThis.__keep = [middy, cors, sec];",
  ],
  ['date_fns_tz', "import { TZDate } from '@date-fns/tz'; globalThis.__keep = new TZDate(2026, 0, 1, 'Europe/Berlin');"],
  ['ical_generator', "import ical from 'ical-generator'; globalThis.__keep = ical;"],
  ['rrule', "import { RRule } from 'rrule'; globalThis.__keep = RRule;"],
  ['pdf_lib', "import { PDFDocument } from 'pdf-lib'; import fontkit from '@pdf-lib/fontkit'; globalThis.__keep = [PDFDocument, fontkit];"],
  ['exceljs', "import ExcelJS from 'exceljs'; globalThis.__keep = ExcelJS;"],
  [
    'cognito_client',
    "import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'; globalThis.__keep = CognitoIdentityProviderClient;",
  ],
  ['nodemailer', "import nodemailer from 'nodemailer'; globalThis.__keep = nodemailer;"],
];

/**
 * Bundles an entry as CDK does (infra/bundling.ts: `index.mjs` and the chunks it imports lazily) into `outdir`. The size
 * is what a cold start reads: `index.mjs` and the chunks it imports statically; the composition counts only those bytes.
 */
async function bundle(entry: string, outdir: string, root: string, composition?: Composition): Promise<{ file: string; size: number; lazy: number }> {
  const result = await build({ ...bundleOptions(entry, outdir, root), sourcemap: false, logLevel: 'silent', metafile: true });
  if (result.errors.length) throw new Error(`bundling ${entry} failed`);
  const outputs = result.metafile.outputs;
  const atStart = new Set(loadedAtStart(result.metafile));
  const bytes = (os: string[]) => os.reduce((n, o) => n + outputs[o]!.bytes, 0);
  if (composition) {
    for (const o of atStart)
      for (const [path, input] of Object.entries(outputs[o]!.inputs)) {
        const part = PARTS.find(([, pattern]) => pattern.test(path))![0];
        composition[part] = (composition[part] ?? 0) + input.bytesInOutput / 1024;
      }
    for (const part of Object.keys(composition)) composition[part] = Math.round(composition[part]!);
  }
  return { file: join(root, [...atStart][0]!), size: bytes([...atStart]), lazy: bytes(Object.keys(outputs).filter((o) => !atStart.has(o))) };
}

/** Wall time of one fresh `node` importing the bundle (node's own start not counted). */
function importOnce(file: string): number {
  const env = { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'eu-central-1', CORS_ORIGINS: '', POWERTOOLS_LOG_LEVEL: 'SILENT' };
  const code = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const run = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', code], { env, encoding: 'utf8' });
  const ms = Number(run.stdout.trim());
  // A bundle that throws while it is imported is not fast: it is broken.
  if (run.status !== 0 || !run.stdout.trim() || !Number.isFinite(ms)) throw new Error(`importing ${file} failed: ${run.stderr.slice(0, 500)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median of IMPORTS cold imports. */
function coldImport(file: string): number {
  return median(Array.from({ length: IMPORTS }, () => importOnce(file)));
}

/**
 * The bundle's cold import ÷ the reference's, measured in pairs one right after the other, so that the machine's
 * drift (the reference alone moves between 80 and 110 ms from minute to minute) is in both sides of each ratio: the
 * median of PAIRS ratios, and the spread between the pairs' quartiles.
 */
function pairedRatio(file: string, reference: string): { ratio: number; spread: number; ms: number; referenceMs: number } {
  const pairs = Array.from({ length: PAIRS }, () => {
    const r = importOnce(reference);
    const b = importOnce(file);
    return { r, b, ratio: b / r };
  });
  const ratios = pairs.map((p) => p.ratio).sort((a, b) => a - b);
  const q = (f: number) => ratios[Math.floor((ratios.length - 1) * f)]!;
  return { ratio: median(ratios), spread: q(0.75) - q(0.25), ms: median(pairs.map((p) => p.b)), referenceMs: median(pairs.map((p) => p.r)) };
}

/** The P3 figures; `compositionFile` receives what each bundle is made of. */
export async function measureBundles(root: string, compositionFile?: string): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'amon-bundles-'));
  try {
    const baselineEntry = join(root, 'bench/dynamodb-only.ts');
    const { file: baselineFile, size: baselineSize } = await bundle(baselineEntry, join(dir, 'baseline'), root);
    const baselineMs = coldImport(baselineFile);
    const figures: Figure[] = [
      { id: 'P3.size_dynamodb_only', name: 'bundle size, DynamoDB clients only (reference)', value: Math.round(baselineSize / 1024), unit: 'KB' },
      { id: 'P3.import_dynamodb_only', name: 'cold import, DynamoDB clients only (reference)', value: Math.round(baselineMs * 10) / 10, unit: 'ms' },
    ];
    const compositions: Record<string, Composition> = {};
    const functions = [
      ...RESOURCES.map((r) => ({ name: r.contract.name, entry: r.entry, kind: 'handler' })),
      ...[...JOBS, JOB_WORKER].map((j) => ({ name: `job_${j.name}`, entry: j.entry, kind: 'job' })),
    ];
    for (const { name, entry, kind } of functions) {
      const composition: Composition = {};
      const { file, size, lazy } = await bundle(join(root, entry), join(dir, name), root, composition);
      compositions[name] = composition;
      const paired = pairedRatio(file, baselineFile);
      figures.push({
        id: `P3.size_${name}`,
        name: `bundle size at start, ${name} ${kind} ÷ DynamoDB-only (${Math.round(size / 1024)} KB ÷ ${Math.round(baselineSize / 1024)} KB${lazy ? `; ${Math.round(lazy / 1024)} KB more in chunks loaded on use` : ''})`,
        value: Math.round((size / baselineSize) * 100) / 100,
        unit: 'ratio',
        goal: '≤ 1.3',
      });
      figures.push({
        id: `P3.import_ratio_${name}`,
        name: `cold import ${name} ÷ DynamoDB-only, ${PAIRS} pairs (${paired.ms.toFixed(0)} ÷ ${paired.referenceMs.toFixed(0)} ms, IQR ${paired.spread.toFixed(2)})`,
        value: Math.round(paired.ratio * 100) / 100,
        unit: 'ratio',
        goal: '≤ 1.3',
      });
    }
    // What the libraries cost on their own: a bundle of each, imported cold, above an empty module's import.
    writeFileSync(join(dir, 'empty.ts'), 'export {};\n');
    const { file: emptyFile } = await bundle(join(dir, 'empty.ts'), join(dir, 'empty'), root);
    const emptyMs = coldImport(emptyFile);
    // The sources sit in the repository, where the libraries resolve (the bundles are written to the temporary folder).
    const sources = join(root, '.build/bench-libraries');
    mkdirSync(sources, { recursive: true });
    for (const [name, code] of LIBRARIES) {
      const source = join(sources, `${name}.ts`);
      writeFileSync(source, `${code}\n`);
      const { file, size } = await bundle(source, join(dir, `lib-${name}`), root);
      const ms = coldImport(file) - emptyMs;
      figures.push({
        id: `P3.lib_${name}`,
        name: `cold import of ${name} alone (${Math.round(size / 1024)} KB minified)`,
        value: Math.round(ms * 10) / 10,
        unit: 'ms',
      });
    }
    if (compositionFile) writeFileSync(compositionFile, JSON.stringify(compositions, null, 2) + '\n');
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
