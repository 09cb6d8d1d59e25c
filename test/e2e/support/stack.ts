// Starts the whole local product (`npm start`'s entry) on free ports and a temporary data folder, and a headless Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { freePort } from '#local/dynamodb.ts';

export const PASSWORD = 'E2e-Passwort-2026!';

/** A started product: its URL, data folder and DynamoDB Local endpoint (its table is `amon`). */
export type Stack = { url: string; dataDir: string; dynamoEndpoint: string; stop: () => Promise<void>; output: () => string };

/** The stack the global setup started (test files call this; they do not stop it). */
export function sharedStack(): Pick<Stack, 'url' | 'dataDir' | 'dynamoEndpoint'> {
  return inject('stack');
}

/**
 * Starts `npm start`'s entry on free ports and a fresh data folder. While writing a browser test, set
 * E2E_STACK_URL and E2E_DATA_DIR (and E2E_DYNAMODB_ENDPOINT) to reuse a running `npm start` instead (its passwords must be PASSWORD).
 */
export async function startStack(): Promise<Stack> {
  if (process.env.E2E_STACK_URL && process.env.E2E_DATA_DIR) {
    return {
      url: process.env.E2E_STACK_URL,
      dataDir: process.env.E2E_DATA_DIR,
      dynamoEndpoint: process.env.E2E_DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000',
      output: () => '',
      stop: async () => {},
    };
  }
  const root = resolve(import.meta.dirname, '../../..');
  const dataDir = mkdtempSync(join(tmpdir(), 'amon-e2e-'));
  const port = await freePort();
  const dynamoPort = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'local/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DYNAMODB_PORT: String(dynamoPort),
      AMON_DATA_DIR: dataDir,
      AMON_ADMIN_PASSWORD: PASSWORD,
      AMON_DEMO_PASSWORD: PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  // The product answers within seconds; the journeys start once the demo data has filled in behind it (about two and a
  // half minutes on two cores; a busy CI machine gets room).
  const deadline = Date.now() + 480_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`);
    const health = await fetch(`${url}/healthz`)
      .then((r) => (r.ok ? (r.json() as Promise<{ demo?: { complete: boolean; failed: boolean } }>) : undefined))
      .catch(() => undefined);
    if (health?.demo?.failed) throw new Error(`the demo data could not be seeded: ${output}`);
    if (health?.demo?.complete) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (Date.now() >= deadline) throw new Error(`not ready: ${output}`);
  return {
    url,
    dataDir,
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/#/login`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').first().fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}
