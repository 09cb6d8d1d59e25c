// A person's consent in the browser: counselling only keeps them out of matching (and the case page says why), job
// placement brings them in, and a withdrawal leaves neither their surname nor any free text in the whole table.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { scanTable } from '../support/scan.ts';
import { apiCall, seriousFindings, tokenOf } from './support/session.ts';
import { launchBrowser, sharedStack, signIn } from './support/stack.ts';
import { deskPage } from './support/pages.ts';

const stack = sharedStack();
const tag = Date.now().toString(36);
const LAST_NAME = `Einwilligung${tag}`;
const SESSION_NOTE = `Frau ${LAST_NAME} pflegt ihre Mutter und kann erst ab 9 Uhr.`;
const PROPOSAL_NOTE = `Vorgestellt: ${LAST_NAME} spricht Russisch.`;
let browser: Browser;
let page: Page;
let counsellor = '';
let needId = '';
let caseId = '';

const api = <T>(method: string, path: string, body?: unknown) => apiCall<T>(stack.url, counsellor, method, path, body);

async function candidatesText(): Promise<string> {
  await page.goto(`${stack.url}/#/needs/${needId}/show`);
  const table = page.getByRole('table', { name: 'Passende Personen' });
  await table.waitFor({ timeout: 20_000 });
  return (await table.textContent()) ?? '';
}

beforeAll(async () => {
  browser = await launchBrowser();
  // axe needs a page of a context of our own.
  page = await deskPage(browser, { width: 1500, height: 950 });
  const admin = await tokenOf(browser, stack.url, 'admin@amon.local');
  counsellor = await tokenOf(browser, stack.url, 'counsellor@amon.local');
  const company = await apiCall<{ id: string }>(stack.url, admin, 'POST', '/api/companies', {
    name: `Hafenlager ${tag} GmbH`,
    wzSection: 'H',
    sizeClass: '10-49',
    district: 'rostock_city',
    postcode: '18147',
    chamber: 'ihk',
  });
  const need = await apiCall<{ id: string }>(stack.url, admin, 'POST', '/api/needs', {
    companyId: company.id,
    occupationId: '51312-fachkraft-fuer-lagerlogistik',
    headcount: 2,
    timeframe: 'now',
  });
  needId = need.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('consent governs what is done with a person', () => {
  it('a counsellor records a case with counselling-only consent: absent from the need’s candidates, with the reason on the case page', async () => {
    await signIn(page, stack.url, 'counsellor@amon.local');
    await page.waitForURL(/#\/$/, { timeout: 20_000 });
    await page.goto(`${stack.url}/#/cases/create`);
    await page.getByLabel('Vorname').fill('Swetlana');
    await page.getByLabel('Nachname').fill(LAST_NAME);
    await page.getByLabel('Geburtsdatum').fill('1984-03-09');
    await page.getByRole('tab', { name: 'Programm' }).click();
    await page.getByLabel('Einwilligung erteilt am').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('checkbox', { name: 'Beratung' }).check();
    await page.getByLabel('Zielberuf').fill('Fachkraft für Lager');
    await page.getByRole('option', { name: 'Fachkraft für Lagerlogistik' }).click();
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/#\/cases\/[0-9A-Z]{26}\/show/, { timeout: 15_000 });
    caseId = /cases\/([0-9A-Z]{26})/.exec(page.url())![1]!;

    // Moves and a session with a note through the API: the journey is about consent, not the lifecycle.
    const c = await api<{ version: number }>('POST', `/api/cases/${caseId}/moves`, { to: 'intake', version: 1 });
    await api<{ version: number }>('POST', `/api/cases/${caseId}/moves`, { to: 'counselling', version: c.version, reason: `Erstgespräch mit ${LAST_NAME}` });
    await api('POST', `/api/cases/${caseId}/sessions`, { date: new Date().toISOString().slice(0, 10), kind: 'first_talk', minutes: 60, notes: SESSION_NOTE });

    expect(await candidatesText()).not.toContain(LAST_NAME);
    await page.goto(`${stack.url}/#/cases/${caseId}/show`);
    await page.getByRole('tab', { name: 'Vermittlung' }).click();
    await expect.poll(() => page.getByText('nicht in die Vermittlung eingewilligt').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('the counsellor adds job-placement consent and the case appears among the candidates', async () => {
    await page.goto(`${stack.url}/#/cases/${caseId}/programm`);
    const scope = page.getByRole('checkbox', { name: 'Vermittlung an Betriebe' });
    await scope.waitFor({ timeout: 15_000 });
    await scope.check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/#\/cases\/[0-9A-Z]{26}\/show/, { timeout: 15_000 });
    await expect.poll(() => candidatesText(), { timeout: 20_000 }).toContain(LAST_NAME);
    expect(await seriousFindings(page)).toEqual([]);
    await api('POST', `/api/cases/${caseId}/matches`, { needId, note: PROPOSAL_NOTE });
  });

  it('without consent to share with partners the exam application to the chamber is refused, naming the field', async () => {
    await page.goto(`${stack.url}/#/cases/${caseId}/show`);
    await page.getByRole('tab', { name: 'Prüfung und Verbleib' }).click();
    await page.getByRole('button', { name: 'Prüfung speichern' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Antrag gestellt am').fill(new Date().toISOString().slice(0, 10));
    await d.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText('Weitergabe an Partner', { exact: false }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await d.count()).toBe(1);
    expect(await seriousFindings(page)).toEqual([]);
    await d.getByRole('button', { name: 'Abbrechen' }).click();
  });

  it('the person withdraws consent, and a full scan finds neither their surname nor any free text entered for them', async () => {
    await page.goto(`${stack.url}/#/cases/${caseId}/show/datenschutz`);
    await page.getByRole('button', { name: 'Einwilligung widerrufen (anonymisieren)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Bestätigen' }).click();
    await expect.poll(() => page.getByText(/Anonymisiert \d{4}-\d{4}/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // axe measures the notification's colours, so let its fade-in end first.
    await page.locator('.MuiSnackbarContent-message').waitFor();
    await page.waitForTimeout(600);
    expect(await seriousFindings(page)).toEqual([]);

    const client = new DynamoDBClient({
      endpoint: stack.dynamoEndpoint,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const text = JSON.stringify(await scanTable({ doc: DynamoDBDocumentClient.from(client), tableName: 'amon' }));
    client.destroy();
    expect(text).not.toContain(LAST_NAME);
    expect(text).not.toContain(SESSION_NOTE);
    expect(text).not.toContain(PROPOSAL_NOTE);
    expect(text).not.toContain('1984-03-09');
    expect(await candidatesText()).not.toContain('Anonymisiert');
  });
});

describe('a network contact leaves the digest', () => {
  it('opens the unsubscribe link of the digest in a browser and unsubscribes with the button', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path').then((m) => ({ join: (...parts: string[]) => m.join(...parts) }));
    const { simpleParser } = await import('mailparser');
    const admin = await tokenOf(browser, stack.url, 'admin@amon.local');
    const email = `abmelden-${tag}@partner.example`;
    const member = await apiCall<{ id: string }>(stack.url, admin, 'POST', '/api/members', {
      name: `Jobcenter Test ${tag}`,
      kind: 'job_centre',
      district: 'rostock_city',
      address: { street: 'Am Hafen 1', postcode: '18055', city: 'Rostock' },
      contacts: [{ name: 'Kim Test', email, receivesDigest: true }],
      steeringCommittee: false,
      networks: ['regional'],
      digestSubscribed: true,
    });
    await apiCall(stack.url, admin, 'POST', '/api/reports', { month: '2025-01', send: true });
    const outbox = join(stack.dataDir, 'outbox');
    // The worker mails the digest in the background.
    let file: string | undefined;
    await expect.poll(() => (file = readdirSync(outbox).find((f) => f.includes('-digest-') && f.endsWith(`${email}.eml`))), { timeout: 30_000 }).toBeDefined();
    const mail = await simpleParser(readFileSync(join(outbox, file!)));
    const link = /<(http[^>]+)>/.exec(mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r?\n[ \t]+/g, ' '))![1]!;

    const visitor = await deskPage(browser);
    await visitor.goto(link);
    await visitor.getByRole('heading', { name: 'Monatsbericht abbestellen' }).waitFor();
    expect(await seriousFindings(visitor)).toEqual([]);
    await visitor.getByRole('button', { name: 'Abbestellen' }).click();
    await visitor.getByRole('heading', { name: 'Abbestellt' }).waitFor({ timeout: 10_000 });
    const after = await apiCall<{ digestSubscribed: boolean }>(stack.url, admin, 'GET', `/api/members/${member.id}`);
    expect(after.digestSubscribed).toBe(false);
  });
});
