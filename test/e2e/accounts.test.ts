// Accounts in the browser: an invited counsellor must replace the temporary password at the first sign-in, and when
// an administrator disables the account, the open session ends at the next request.
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousFindings } from './support/session.ts';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskPage } from './support/pages.ts';

const stack = sharedStack();
const EMAIL = `neu-${Date.now().toString(36)}@amon.local`;
const OWN_PASSWORD = 'Mein-eigenes-Passwort-7!';
let browser: Browser;
let admin: Page;
let newcomer: Page;

const newPage = async () => deskPage(browser);

async function temporaryPassword(): Promise<string> {
  const outbox = join(stack.dataDir, 'outbox');
  let file: string | undefined;
  await expect.poll(() => (file = readdirSync(outbox).find((f) => f.includes('user-invitation') && f.includes(EMAIL))), { timeout: 10_000 }).toBeDefined();
  return /Vorläufiges Passwort: (\S+)/.exec((await simpleParser(readFileSync(join(outbox, file!)))).text ?? '')![1]!;
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newPage();
  newcomer = await newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('a new member of staff', () => {
  it('is invited by an administrator', async () => {
    await signIn(admin, stack.url, 'admin@amon.local');
    await admin.waitForURL(/#\/$/, { timeout: 20_000 });
    await admin.goto(`${stack.url}/#/users/create`);
    await admin.getByLabel('E-Mail-Adresse').fill(EMAIL);
    await admin.getByLabel('Name').fill('Nora Neu');
    await admin.getByRole('checkbox', { name: 'Beratung' }).check();
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => admin.url(), { timeout: 15_000 }).not.toContain('/create');
  });

  it('must set an own password at the first sign-in, then works', async () => {
    const temporary = await temporaryPassword();
    await newcomer.goto(`${stack.url}/#/login`);
    await newcomer.getByLabel('E-Mail-Adresse').fill(EMAIL);
    await newcomer.getByLabel('Passwort').first().fill(temporary);
    await newcomer.getByRole('button', { name: 'Anmelden' }).click();
    await newcomer.getByRole('heading', { name: 'Eigenes Passwort festlegen' }).waitFor({ timeout: 15_000 });
    expect(await seriousFindings(newcomer)).toEqual([]);
    await newcomer.getByLabel('Neues Passwort', { exact: false }).first().fill(OWN_PASSWORD);
    await newcomer.getByLabel('Neues Passwort wiederholen').fill('Anders-als-vorher-8!');
    await newcomer.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    await newcomer.getByText('Die beiden Passwörter stimmen nicht überein.').waitFor();
    await newcomer.getByLabel('Neues Passwort wiederholen').fill(OWN_PASSWORD);
    await newcomer.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    await newcomer.waitForURL(/#\/$/, { timeout: 20_000 });
    await newcomer.getByRole('menuitem', { name: 'Fälle' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => newcomer.getByText('Nora Neu').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('is signed out at the next request once the administrator disables the account', async () => {
    await admin.goto(`${stack.url}/#/users`);
    await admin.getByRole('cell', { name: EMAIL }).click();
    await admin.getByLabel('Aktiv').uncheck();
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => admin.url(), { timeout: 15_000 }).toMatch(/#\/users$/);
    await newcomer.reload();
    await newcomer.waitForURL(/#\/login/, { timeout: 20_000 });
    await newcomer.getByLabel('E-Mail-Adresse').fill(EMAIL);
    await newcomer.getByLabel('Passwort').first().fill(OWN_PASSWORD);
    await newcomer.getByRole('button', { name: 'Anmelden' }).click();
    await newcomer.getByText('Dieses Konto ist gesperrt').waitFor({ timeout: 15_000 });
  });
});

describe('the admin the browser loads', () => {
  it('is the production build of React, even when the stack built it from inside the test run (NODE_ENV=test)', async () => {
    const html = await (await fetch(`${stack.url}/`)).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s.includes('jsx-dev-runtime'))).toEqual([]);
    const main = await (await fetch(`${stack.url}${scripts.find((s) => s.includes('/main-'))}`)).text();
    expect(main).not.toContain('react.development');
    expect(main).not.toMatch(/\bjsxDEV\b/);
  });

  it('loads at most 300 KB of JavaScript (gzip) before its first screen: no schema library, no spreadsheet code', async () => {
    const html = await (await fetch(`${stack.url}/`)).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const bodies = await Promise.all(scripts.map(async (s) => Buffer.from(await (await fetch(`${stack.url}${s}`)).arrayBuffer())));
    const kb = bodies.reduce((n, b) => n + gzipSync(b).length, 0) / 1024;
    expect(kb).toBeLessThanOrEqual(300);
    // zod's own error class and exceljs's workbook are signs of the libraries that only later screens need.
    for (const body of bodies) expect(body.toString('utf8')).not.toMatch(/\$ZodError|ExcelJS|WorkbookWriter/);
  });
});
