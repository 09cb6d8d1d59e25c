// Builds the admin SPA and the survey form with Vite when the build is missing or older than its sources.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function siteIsStale(root: string, siteDir: string): boolean {
  const index = join(siteDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(newestMtime(join(root, 'admin')), newestMtime(join(root, 'shared')), statSync(join(root, 'vite.config.ts')).mtimeMs);
  return sources > built;
}

export function buildSite(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      // A build started from vitest (the e2e stack) or the bench must still be the production build: NODE_ENV=test
      // would give React's development bundle, larger and slower than what users get.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code})`))));
  });
}

// `npm run build:site` (and `npm run synth` before it synthesizes): builds the site only when it is missing or stale.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '..');
  if (siteIsStale(root, join(root, '.build/site'))) await buildSite(root);
}
