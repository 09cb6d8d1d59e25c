// What a function reads at a cold start: its `index.mjs` and the chunks that imports statically. The heavy libraries
// of rare paths (PDF rendering, spreadsheets, the mail composer, the S3 and SES clients) must stay in the chunks that
// load on use, in every function; a static import of one of them anywhere on a handler's path fails here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOptions, loadedAtStart } from '#infra/bundling.ts';
import { JOBS, JOB_WORKER } from '#functions/jobs.ts';
import { RESOURCES } from '#functions/registry.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const LAZY = /node_modules\/(pdf-lib|@pdf-lib|fontkit|exceljs|jszip|nodemailer|@aws-sdk\/client-s3|@aws-sdk\/client-sesv2)\//;
const out = mkdtempSync(join(tmpdir(), 'amon-cold-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The inputs of the heavy libraries in what the entry's cold start reads. */
async function heavyAtStart(entry: string, name: string): Promise<string[]> {
  const result = await build({ ...bundleOptions(entry, join(out, name), ROOT), sourcemap: false, write: false, metafile: true, logLevel: 'silent' });
  return loadedAtStart(result.metafile)
    .flatMap((o) => Object.keys(result.metafile.outputs[o]!.inputs))
    .filter((input) => LAZY.test(input));
}

const FUNCTIONS = [...RESOURCES.map((r) => [r.contract.name, r.entry] as const), ...[...JOBS, JOB_WORKER].map((j) => [`job ${j.name}`, j.entry] as const)];

describe('a cold start loads no heavy library of a rare path', () => {
  it.each(FUNCTIONS)('%s', async (name, entry) => {
    expect(await heavyAtStart(resolve(ROOT, entry), name)).toEqual([]);
  });

  it('sees a heavy library that a handler imports statically', async () => {
    const probe = join(ROOT, '.build', 'cold-start-probe.ts');
    mkdirSync(dirname(probe), { recursive: true });
    writeFileSync(probe, "import { PDFDocument } from 'pdf-lib';\nexport const handler = () => PDFDocument.create();\n");
    expect(await heavyAtStart(probe, 'probe')).toContainEqual(expect.stringContaining('node_modules/pdf-lib/'));
  });
});
