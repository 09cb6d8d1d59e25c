import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { PutCommand } from '@aws-sdk/lib-dynamodb';

const outbox = mkdtempSync(join(tmpdir(), 'amon-report-outbox-'));
process.env.OUTBOX_DIR = outbox;
process.env.REPORTS_DIR = mkdtempSync(join(tmpdir(), 'amon-reports-'));
process.env.UNSUBSCRIBE_SECRET = 'test-secret-for-unsubscribe-links-0123456789';

const { handler: reports } = await import('#functions/reports/handler.ts');
const { handler: unsubscribe } = await import('#functions/unsubscribe/handler.ts');
const { handler: members } = await import('#functions/members/handler.ts');
const { handler: job } = await import('#functions/jobs/monthly-report/handler.ts');
const { reportsService } = await import('#shared/reports/domain.ts');
const { reportPdf } = await import('#shared/reports/pdf.ts');
const { reportHtml } = await import('#shared/reports/html.ts');
const { pdfText } = await import('../support/pdf.ts');
const { recipientKey } = await import('#shared/reports/repository.ts');
const { reportStore } = await import('#functions/reports/store.ts');
const { eventItem } = await import('#shared/feed/events.ts');
const { database } = await import('#functions/clients.ts');
const { call } = await import('../support/api.ts');
const { aMember } = await import('../support/builders.ts');
const { withMailDown } = await import('../support/outbox.ts');
const { jobEnded, until } = await import('../support/jobs.ts');
const { jobRepository } = await import('#shared/jobs/repository.ts');
const { requeueDue } = await import('#shared/jobs/engine.ts');

const db = database();
const ADMIN = { id: 'test-admin', email: 'admin@amon.local', roles: ['admin' as const] };
const event = (type: string, at: string, data: Record<string, string | number | boolean | null> = {}) =>
  db.doc.send(new PutCommand({ TableName: db.tableName, Item: eventItem({ type, at: new Date(at), data }) }));

/** Subscribed members, each with one contact that receives the digest; returns their addresses. */
async function subscribers(n: number, tag: string): Promise<{ id: string; email: string }[]> {
  const out: { id: string; email: string }[] = [];
  for (let i = 0; i < n; i++) {
    const email = `digest-${tag}-${i}@partner.example`;
    const res = await call(members, 'POST /api/members', {
      body: aMember({ digestSubscribed: true, contacts: [{ name: `Kontakt ${i}`, email, receivesDigest: true }] }),
      as: 'coordinator',
    });
    out.push({ id: res.body.id, email });
  }
  return out;
}

/** The digest e-mails of one month to one address, as raw .eml (the PDF's file name names the month). */
const digestsTo = (email: string, month: string) =>
  readdirSync(outbox)
    .filter((f) => f.includes('-digest-') && f.endsWith(`${email}.eml`))
    .map((f) => readFileSync(join(outbox, f)))
    .filter((raw) => raw.toString('latin1').includes(`Monatsbericht-${month}.pdf`));

describe('the monthly report', () => {
  it('the run on 1 March 06:00 Berlin covers February exactly, and a month with the change to summer time too', async () => {
    await event('case.opened', '2026-01-31T23:30:00Z', { gender: 'female', ageGroup: '25_34', migrationBackground: 'yes', occupation: '51312' }); // 1 Feb 00:30 Berlin
    await event('case.opened', '2026-02-15T10:00:00Z', { gender: 'male', ageGroup: '35_44', migrationBackground: 'no', occupation: '51312' });
    await event('case.opened', '2026-02-28T23:30:00Z', { gender: 'male', ageGroup: '35_44', migrationBackground: 'no', occupation: null }); // 1 Mar 00:30 Berlin
    await event('case.qualified', '2026-03-31T21:59:00Z', { gender: 'female', ageGroup: '25_34', migrationBackground: 'yes', occupation: '51312' }); // 31 Mar 23:59 CEST
    await event('case.qualified', '2026-03-31T22:00:00Z', { gender: 'female', ageGroup: '25_34', migrationBackground: 'yes', occupation: '51312' }); // 1 Apr 00:00 CEST

    const feb = (await job({ args: [], scheduledAt: '2026-03-01T05:00:00Z' })) as { month: string; jobId: string };
    expect(feb.month).toBe('2026-02');
    // Its digest goes to whoever subscribes until the job has listed its recipients: it ends here, so the subscribers
    // a later test adds get that test's months only (a busy machine expanded it into the next test).
    await jobEnded(feb.jobId);
    const { body: february } = await call(reports, 'GET /api/reports/{month}', { params: { month: '2026-02' } });
    expect(february.figures.headlines.find((h: { id: string }) => h.id === 'inquiries').value).toBe(2);

    const mar = (await job({ args: [], scheduledAt: '2026-04-01T04:00:00Z' })) as { month: string; jobId: string }; // 06:00 CEST
    expect(mar.month).toBe('2026-03');
    await jobEnded(mar.jobId);
    const { body: march } = await call(reports, 'GET /api/reports/{month}', { params: { month: '2026-03' } });
    expect(march.figures.headlines.find((h: { id: string }) => h.id === 'inquiries')).toMatchObject({ value: 1, previous: 2 });
    expect(march.figures.qualifications.month).toBe(1);
  });

  it('publishes no breakdown cell of 1 or 2', async () => {
    for (const [i, gender] of ['female', 'female', 'female', 'female', 'male', 'diverse'].entries()) {
      await event('case.opened', `2025-06-1${i}T10:00:00Z`, { gender, ageGroup: 'under_25', migrationBackground: i < 5 ? 'yes' : 'no', occupation: '24412' });
    }
    const res = await call(reports, 'POST /api/reports', { body: { month: '2025-06' }, as: 'coordinator' });
    expect(res.status).toBe(201);
    const gender = res.body.figures.breakdowns.find((b: { id: string }) => b.id === 'inquiries.gender').breakdown;
    expect(gender.cells).toEqual({ female: 4, male: '<3', diverse: '<3', not_stated: 0 });
    for (const b of res.body.figures.breakdowns) for (const c of Object.values(b.breakdown.cells)) expect([1, 2]).not.toContain(c);
    const pdf = await call(reports, 'GET /api/reports/{month}/pdf', { params: { month: '2025-06' } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(
      Buffer.from(pdf.body as string, 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('prints every partner’s name as written, wraps a long label instead of cutting it, and has the rows the HTML has', async () => {
    const made = await call(reports, 'POST /api/reports', { body: { month: '2025-05' }, as: 'coordinator' });
    expect(made.status).toBe(201);
    const long = 'Bewerbungstraining für Teilnehmende der Gruppenmaßnahme Kunststoff- und Kautschuktechnik mit dem Jobcenter Rostock vorbereiten';
    const names = ['Łukasz Wiśniewski', 'Oksana Коваленко', 'عمر حداد', 'Çağrı Yılmaz'];
    const figures = {
      ...made.body.figures,
      network: {
        ...made.body.figures.network,
        openActions: names.map((ownerName, i) => ({ title: i ? `Aufgabe ${i}` : long, ownerName, dueOn: '2025-06-30', meetingTitle: 'Lenkungskreis' })),
      },
    };
    const text = (await pdfText(Buffer.from(await reportPdf(figures)).toString('base64'))).replace(/\s+/g, ' ');
    for (const name of ['Łukasz Wiśniewski', 'Oksana Коваленко', 'Çağrı Yılmaz']) expect(text).toContain(name);
    // Arabic is stored in its logical order; a reader may hand it back either way round.
    expect(text.replace(/\s+/g, '')).toMatch(/عمرحداد|دادحرمع/);
    expect(text).not.toContain('?');
    expect(text).toContain(long);
    // The HTML's rows are in the PDF too (it once lacked the share of the target reached).
    const html = reportHtml(figures);
    expect(html).toContain('erreicht');
    expect(text).toContain('erreicht');
  });

  it('renders one document in HTML, text and PDF: every heading, column and cell of the model is in all three', async () => {
    const made = await call(reports, 'POST /api/reports', { body: { month: '2025-06' }, as: 'coordinator' });
    expect(made.status).toBe(201);
    // Every section filled, including the ones a quiet month leaves out.
    const figures = {
      ...made.body.figures,
      surveys: {
        ...made.body.figures.surveys,
        open: [{ id: 's1', title: 'Fachkräftebedarf Herbst', closesOn: '2025-07-15', invited: 40, submitted: 13, rate: 13 / 40 }],
        neededOccupations: { source: 'Fachkräftebedarf Frühjahr', rows: [{ title: 'Fachkraft für Lagerlogistik', headcount: 7, companies: 4 }] },
      },
      companies: { contacts: 9, byKind: [{ kind: 'visit', label: 'Besuche', count: 5 }], newAgreements: 2, newPlaces: 6 },
      network: {
        ...made.body.figures.network,
        meetingsHeld: [{ title: 'Netzwerktreffen Juni', startsAt: '2025-06-12T10:00', present: 11, invited: 14 }],
        nextMeetings: [{ title: 'Netzwerktreffen Juli', startsAt: '2025-07-10T10:00', place: 'Rathaus, Raum 2' }],
        openActions: [{ title: 'Prüfungstermine verteilen', ownerName: 'Oksana Коваленко', dueOn: '2025-07-01', meetingTitle: 'Netzwerktreffen Juni' }],
      },
    };
    const { reportDocument, documentText } = await import('#shared/reports/document.ts');
    const { escapeHtml } = await import('#shared/email/message.ts');
    const { reportText } = await import('#shared/reports/html.ts');
    const d = reportDocument(figures);
    const texts = [
      d.title,
      ...d.sections.flatMap((s) => [
        s.heading,
        ...s.tables.flatMap((t) => [
          t.caption ?? '',
          ...t.columns.map((c) => c.label),
          ...t.rows.flatMap((r) => r.cells),
          t.rows.length ? '' : (t.empty ?? ''),
        ]),
      ]),
    ].filter(Boolean);
    expect(texts).toEqual(
      expect.arrayContaining(['Plätze in neuen Lernortkooperationen', 'Monatsbericht abbestellt', 'Kennzahl', 'Rathaus, Raum 2', 'erreicht']),
    );
    const pdf = (await pdfText(Buffer.from(await reportPdf(figures)).toString('base64'))).replace(/\s+/g, ' ');
    const html = reportHtml(figures);
    const text = reportText(figures);
    const missing = (where: string, has: (s: string) => boolean) => texts.filter((s) => !has(s)).map((s) => `${where}: ${s}`);
    expect([
      ...missing('PDF', (s) => pdf.includes(s.replace(/\s+/g, ' '))),
      ...missing('HTML', (s) => html.includes(escapeHtml(s))),
      // The text part has no column heads; every cell and heading is in it.
      ...missing('text', (s) => text.includes(s) || d.sections.some((sec) => sec.tables.some((t) => t.columns.some((c) => c.label === s)))),
    ]).toEqual([]);
    expect(documentText(d).join('\n')).toContain('Fachkraft für Lagerlogistik: Personen 7 · Betriebe 4');
  });

  it('sends one e-mail per recipient however often the job runs; the mail has unsubscribe headers, HTML, text and the PDF', async () => {
    const people = await subscribers(3, 'twice');
    const first = await job({ args: ['2025-07'] });
    const ended = await jobEnded(first.jobId);
    expect(ended, JSON.stringify((await jobRepository(db).items(first.jobId, undefined, 100)).items)).toMatchObject({
      kind: 'report-digest',
      subject: { type: 'report', id: '2025-07' },
      status: 'done',
      skipped: 0,
    });
    const second = await job({ args: ['2025-07'] });
    // The rerun's job finds only those who have not had it: none of these.
    await jobEnded(second.jobId);
    for (const p of people)
      expect(
        digestsTo(p.email, '2025-07'),
        readdirSync(outbox)
          .filter((f) => f.includes(p.email))
          .join(', '),
      ).toHaveLength(1);

    const mail = await simpleParser(digestsTo(people[0]!.email, '2025-07')[0]!);
    expect(mail.subject).toBe('Monatsbericht Juli 2025 – amoN Nachqualifizierung');
    const unfolded = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r?\n[ \t]+/g, ' ');
    expect(unfolded).toMatch(/^List-Unsubscribe: <https?:\/\/[^>]+\/api\/unsubscribe\?m=[0-9A-Z]{26}&e=[^&]+&s=[^>]+>, ?<mailto:[^>]+>$/);
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')!.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.html).toContain('<table');
    expect(mail.text).toContain('Monatsbericht Juli 2025');
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.filename).toBe('Monatsbericht-2025-07.pdf');
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('making and sending answers at once with the job; the worker mails each of 60 contacts once and counts them', async () => {
    const people = await subscribers(60, 'many');
    const started = performance.now();
    const made = await call(reports, 'POST /api/reports', { body: { month: '2025-09', send: true }, as: 'coordinator' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ month: '2025-09', jobId: expect.any(String) });
    expect(performance.now() - started).toBeLessThan(5_000);
    const done = await jobEnded(made.body.jobId);
    expect(done).toMatchObject({ status: 'done', failed: 0 });
    expect(done.done).toBeGreaterThanOrEqual(60);
    for (const p of people) expect(digestsTo(p.email, '2025-09'), p.email).toHaveLength(1);
    const { body: report } = await call(reports, 'GET /api/reports/{month}', { params: { month: '2025-09' }, as: 'coordinator' });
    expect(report.deliveries).toMatchObject({ recipients: done.done, sent: done.done, failed: 0, pending: 0 });
  });

  it('while the mail service fails the digest waits and retries; afterwards every recipient has exactly one e-mail, and a resend one more', async () => {
    const people = await subscribers(5, 'crash');
    const service = reportsService(db, reportStore());
    await service.generate('2025-08', ADMIN);
    const jobId = await withMailDown(outbox, async () => {
      const started = await call(reports, 'POST /api/reports/{month}/deliveries', { params: { month: '2025-08' }, as: 'coordinator' });
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ kind: 'report-digest', status: 'running' });
      const id = started.body.id as string;
      await until(async () => {
        const job = await jobRepository(db).get(id);
        return Boolean(job?.expanded) && (await jobRepository(db).items(id, undefined, 100, 'retry')).items.length === job!.total;
      });
      const { body: deliveries } = await call(reports, 'GET /api/reports/{month}/deliveries', { params: { month: '2025-08' }, as: 'coordinator' });
      const mine = deliveries.find((d: { recipient: string }) => d.recipient === recipientKey(people[0]!.id, people[0]!.email));
      expect(mine).toMatchObject({ status: 'failed', attempts: 1, error: expect.any(String) });
      return id;
    });
    expect(await requeueDue(db, () => new Date(Date.now() + 3_600_000))).toBeGreaterThanOrEqual(5);
    expect(await jobEnded(jobId)).toMatchObject({ status: 'done', failed: 0 });
    for (const p of people) expect(digestsTo(p.email, '2025-08'), p.email).toHaveLength(1);

    const { body: deliveries } = await call(reports, 'GET /api/reports/{month}/deliveries', { params: { month: '2025-08' }, as: 'coordinator' });
    const mine = deliveries.find((d: { recipient: string }) => d.recipient === recipientKey(people[4]!.id, people[4]!.email));
    expect(mine).toMatchObject({ status: 'sent', attempts: 2 });
    const resent = await call(reports, 'POST /api/reports/{month}/resend', {
      params: { month: '2025-08' },
      body: { recipient: mine.recipient },
      as: 'coordinator',
    });
    expect(resent.status).toBe(202);
    expect(await jobEnded(resent.body.id)).toMatchObject({ kind: 'report-resend', total: 1, done: 1 });
    expect(digestsTo(people[4]!.email, '2025-08')).toHaveLength(2);
    const { body: after } = await call(reports, 'GET /api/reports/{month}/deliveries', { params: { month: '2025-08' }, as: 'coordinator' });
    expect(after.find((d: { recipient: string }) => d.recipient === mine.recipient)).toMatchObject({ status: 'sent', attempts: 3 });
    const unknown = await call(reports, 'POST /api/reports/{month}/resend', {
      params: { month: '2025-08' },
      body: { recipient: 'x#nie@example.org' },
      as: 'coordinator',
    });
    expect(unknown.status).toBe(404);
  });

  it('a sector and its occupations never leave one hidden cell to subtract (sector 6, occupations 5 and "<3")', async () => {
    const { SHIPPED_OCCUPATIONS } = await import('#shared/occupations/catalogue.ts');
    const sectorOf = new Map(SHIPPED_OCCUPATIONS.map((o) => [o.code, o.sector]));
    const people = [...Array<string>(5).fill('51312'), '52122', ...Array<string>(4).fill('81102')];
    for (const [i, occupation] of people.entries()) {
      await event('case.opened', `2025-05-${String(i + 10)}T10:00:00Z`, { gender: 'female', ageGroup: '25_34', migrationBackground: 'yes', occupation });
    }
    const res = await call(reports, 'POST /api/reports', { body: { month: '2025-05' }, as: 'coordinator' });
    const find = (id: string) => res.body.figures.breakdowns.find((b: { id: string }) => b.id === id).breakdown as { cells: Record<string, number | '<3'> };
    const sectors = find('inquiries.sector').cells;
    const occupations = find('inquiries.occupation').cells;
    expect(sectors.logistics).toBe(6);
    expect(occupations['52122']).toBe('<3');
    // Every equation "sector = its occupations" holds no hidden cell, or at least two.
    for (const [sector, value] of Object.entries(sectors)) {
      const group = Object.keys(occupations).filter((code) => (sectorOf.get(code) ?? 'none') === sector);
      const hidden = group.filter((code) => occupations[code] === '<3').length + (value === '<3' ? 1 : 0);
      expect(hidden, sector).not.toBe(1);
    }
  });

  it('the signed link unsubscribes in one click; a GET only asks, a forged link gets 404', async () => {
    const [person] = await subscribers(1, 'leave');
    await jobEnded((await job({ args: ['2025-10'] })).jobId);
    const mail = await simpleParser(digestsTo(person!.email, '2025-10')[0]!);
    const link = new URL(/<(http[^>]+)>/.exec(mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line)![1]!);
    const query = Object.fromEntries(link.searchParams);

    const ask = await call(unsubscribe, 'GET /api/unsubscribe', { query, as: 'anonymous' });
    expect(ask.status).toBe(200);
    expect(String(ask.headers['content-type'])).toContain('text/html');
    expect(ask.body).toContain('<form method="post"');
    // One policy only: a browser enforces every CSP header it gets, and a second one with form-action 'none' blocked the button.
    const policies = Object.entries(ask.headers).filter(([k]) => k.toLowerCase() === 'content-security-policy');
    expect(policies).toHaveLength(1);
    expect(String(policies[0]![1])).toContain("form-action 'self'");
    expect((await call(members, 'GET /api/members/{id}', { params: { id: person!.id } })).body.digestSubscribed).toBe(true);

    const forged = await call(unsubscribe, 'POST /api/unsubscribe', { query: { ...query, s: `${query.s!.slice(0, -3)}AAA` }, as: 'anonymous' });
    expect(forged.status).toBe(404);
    const done = await call(unsubscribe, 'POST /api/unsubscribe', {
      query,
      as: 'anonymous',
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(done.status).toBe(200);
    const after = (await call(members, 'GET /api/members/{id}', { params: { id: person!.id } })).body;
    expect(after.digestSubscribed).toBe(false);
    expect(after.contacts[0].receivesDigest).toBe(false);
  });

  it('refuses bad months by field, and counsellors only read', async () => {
    const bad = await call(reports, 'POST /api/reports', { body: { month: '2025-13' }, as: 'coordinator' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('month');
    expect((await call(reports, 'POST /api/reports', { body: { month: '2025-10' }, as: 'counsellor' })).status).toBe(403);
    expect((await call(reports, 'GET /api/reports', { as: 'counsellor' })).status).toBe(200);
    expect((await call(reports, 'GET /api/reports/{month}', { params: { month: '1999-01' } })).status).toBe(404);
  });
});
