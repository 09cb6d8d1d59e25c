// Newsletters against DynamoDB Local, mails through the real table stream: an issue with a picture and links goes to
// a list of 30 companies once per address, with one-click unsubscribe per list, a text part and no tracking; the
// one-click link takes the address off that list; a public sign-up is on the list only after its confirmation link,
// with its consent stored, and leaves nothing behind when it unsubscribes or never confirms.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';

const outbox = mkdtempSync(join(tmpdir(), 'amon-newsletters-'));
const media = mkdtempSync(join(tmpdir(), 'amon-media-'));
process.env.OUTBOX_DIR = outbox;
process.env.MEDIA_DIR = media;
process.env.UNSUBSCRIBE_SECRET = 'test-secret-for-unsubscribe-links-0123456789';

const { handler: newsletters } = await import('#functions/newsletters/handler.ts');
const { handler: subscriptions } = await import('#functions/subscriptions/handler.ts');
const { handler: unsubscribe } = await import('#functions/unsubscribe/handler.ts');
const { handler: companies } = await import('#functions/companies/handler.ts');
const { handler: members } = await import('#functions/members/handler.ts');
const { database } = await import('#functions/clients.ts');
const { newslettersService } = await import('#shared/newsletters/domain.ts');
const { call } = await import('../support/api.ts');
const { jobEnded, startJobWorker } = await import('../support/jobs.ts');
const { scanTable } = await import('../support/scan.ts');

const db = database();
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const fieldsOf = (body: { error: { fields?: { path: string }[] } }) => (body.error.fields ?? []).map((f) => f.path);
const mailFiles = (kind: string) => readdirSync(outbox).filter((f) => f.includes(`-${kind}-`));
const parse = (file: string) => simpleParser(readFileSync(join(outbox, file)));

const anIssue = (o: Record<string, unknown> = {}) => ({
  title: `Gute Praxis ${Math.random().toString(36).slice(2, 7)}`,
  intro: 'Liebe Partnerinnen und Partner,\n\nin dieser Ausgabe berichten wir von zwei Betrieben.',
  sections: [],
  ...o,
});

async function company(n: number, wzSection: string, district: string, tag: string) {
  const res = await call(companies, 'POST /api/companies', {
    body: {
      name: `Betrieb ${tag} ${n}`,
      wzSection,
      sizeClass: '10-49',
      district,
      postcode: '18055',
      email: `kontakt${n}.${tag}@betrieb.example.org`,
      contactPerson: `Person ${n}`,
    },
    as: 'coordinator',
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('newsletters', () => {
  it('a coordinator writes an issue with a picture and links, previews it, tests it and sends it to a list of 30: 30 mails, one per address', async () => {
    await startJobWorker();
    await Promise.all(Array.from({ length: 30 }, (_, n) => company(n, 'C', 'rostock_city', 'c')));
    // Another sector and another district of the same sector are not on the list.
    await company(100, 'F', 'rostock_city', 'other');
    await company(101, 'C', 'schwerin_city', 'other');

    const created = await call(newsletters, 'POST /api/newsletters', { body: anIssue(), as: 'coordinator' });
    expect(created.status).toBe(201);
    const issue = created.body;

    const picture = await call(newsletters, 'POST /api/newsletters/{id}/pictures', {
      params: { id: issue.id },
      body: { contentType: 'image/png', data: PNG },
      as: 'coordinator',
    });
    expect(picture.status).toBe(201);
    expect(picture.body.url).toMatch(new RegExp(`/medien/newsletter/${issue.id}/[0-9A-Z]{26}\\.png$`));
    expect(existsSync(join(media, picture.body.key))).toBe(true);
    // Not a PNG at all: refused by name.
    const fake = await call(newsletters, 'POST /api/newsletters/{id}/pictures', {
      params: { id: issue.id },
      body: { contentType: 'image/png', data: Buffer.from('<script>alert(1)</script>').toString('base64') },
      as: 'coordinator',
    });
    expect(fake.status).toBe(400);
    expect(fieldsOf(fake.body)).toEqual(['data']);

    const sections = [
      {
        heading: 'Lernort Kunststoffwerk: 25 Abschlüsse',
        body: 'Ein Betrieb, 28 Teilnehmende, ein Ziel.\n\nDie Gruppenmaßnahme endete mit der Externenprüfung.',
        picture: { key: picture.body.key, alt: 'Teilnehmende an einer Spritzgießmaschine' },
        links: [
          {
            label: 'Zur Fachtagung anmelden',
            url: '/veranstaltungen/?id=01JABCDEFGHJKMNPQRSTVWXYZ0',
            ref: { type: 'event', id: '01JABCDEFGHJKMNPQRSTVWXYZ0' },
          },
          { label: 'Bericht der IHK', url: 'https://www.ihk.de/rostock/bericht?x=1&y=2' },
        ],
      },
    ];
    // The form being edited keeps the version it was opened with: an upload does not make its save stale.
    const saved = await call(newsletters, 'PUT /api/newsletters/{id}', {
      params: { id: issue.id },
      body: { ...anIssue({ title: issue.title }), sections, version: issue.version },
      as: 'coordinator',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.pictures).toEqual([picture.body.key]);

    const preview = await call(newsletters, 'GET /api/newsletters/{id}/preview', { params: { id: issue.id }, as: 'coordinator' });
    expect(preview.body.subject).toBe(`amoN-Newsletter: ${issue.title}`);
    expect(preview.body.html).toContain(`/medien/${picture.body.key}`);
    expect(preview.body.text).toContain('Bericht der IHK: https://www.ihk.de/rostock/bericht?x=1&y=2');

    const test = await call(newsletters, 'POST /api/newsletters/{id}/test-mail', { params: { id: issue.id }, as: 'coordinator' });
    expect(test.status).toBe(202);
    expect(await jobEnded(test.body.id)).toMatchObject({ status: 'done', done: 1 });
    expect(mailFiles('newsletter-test').filter((f) => f.endsWith('coordinator@amon.local.eml'))).toHaveLength(1);

    const audience = { companies: { wzSections: ['C'], districts: ['rostock_city'] } };
    const count = await call(newsletters, 'POST /api/newsletters/audience', { body: audience, as: 'coordinator' });
    expect(count.body).toEqual({ recipients: 30, byList: { network: 0, companies: 30, subscribers: 0 }, optedOut: 0 });

    const sent = await call(newsletters, 'POST /api/newsletters/{id}/send', {
      params: { id: issue.id },
      body: { version: saved.body.version, audience },
      as: 'coordinator',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body).toMatchObject({ state: 'sent', recipients: 30 });
    expect(await jobEnded(sent.body.jobId)).toMatchObject({ status: 'done', total: 30, done: 30, failed: 0 });

    const files = mailFiles('newsletter').filter((f) => !f.includes('newsletter-test') && !f.includes('newsletter-confirm'));
    expect(files).toHaveLength(30);
    expect(new Set(files.map((f) => f.replace(/^.*-newsletter-/, ''))).size).toBe(30);
    expect(files.some((f) => f.includes('.other@'))).toBe(false);

    const mail = await parse(files[0]!);
    const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n[ \t]+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <https?:\/\/[^>]+\/api\/unsubscribe\/newsletter\?t=companies\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}>, ?<mailto:[^>]+>$/,
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toContain('Lernort Kunststoffwerk: 25 Abschlüsse');
    expect(mail.text).toContain('Zur Fachtagung anmelden: http://127.0.0.1:3000/veranstaltungen/?id=01JABCDEFGHJKMNPQRSTVWXYZ0');
    // No tracking: the only picture is the section's, and the links are the ones written.
    const html = String(mail.html);
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain('href="https://www.ihk.de/rostock/bericht?x=1&amp;y=2"');
    expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'http://127.0.0.1:3000/veranstaltungen/?id=01JABCDEFGHJKMNPQRSTVWXYZ0',
      'https://www.ihk.de/rostock/bericht?x=1&amp;y=2',
      expect.stringMatching(/\/api\/unsubscribe\/newsletter\?t=/),
    ]);

    // Sent is sent: no change, no second send; the issue is in the public archive.
    expect(
      (await call(newsletters, 'PUT /api/newsletters/{id}', { params: { id: issue.id }, body: { ...anIssue(), version: 4 }, as: 'coordinator' })).status,
    ).toBe(409);
    expect(
      (await call(newsletters, 'POST /api/newsletters/{id}/send', { params: { id: issue.id }, body: { version: 4, audience }, as: 'coordinator' })).status,
    ).toBe(409);
    const archive = await call(subscriptions, 'GET /api/public/newsletters', { as: 'anonymous' });
    expect(archive.body.items.map((i: { id: string }) => i.id)).toContain(issue.id);
    const archived = await call(subscriptions, 'GET /api/public/newsletters/{id}', { params: { id: issue.id }, as: 'anonymous' });
    expect(archived.body.sections[0]!.picture).toEqual({
      url: `http://127.0.0.1:3000/medien/${picture.body.key}`,
      alt: 'Teilnehmende an einer Spritzgießmaschine',
    });

    // The one-click link takes that address off the companies' list; a GET only asks; a forged link is a 404.
    const link = new URL(/<(http[^>]+)>/.exec(header('list-unsubscribe')!)![1]!);
    const t = link.searchParams.get('t')!;
    const ask = await call(unsubscribe, 'GET /api/unsubscribe/newsletter', { query: { t }, as: 'anonymous' });
    expect(ask.status).toBe(200);
    expect((await call(newsletters, 'POST /api/newsletters/audience', { body: audience, as: 'coordinator' })).body.recipients).toBe(30);
    const done = await call(unsubscribe, 'POST /api/unsubscribe/newsletter', { query: { t }, as: 'anonymous' });
    expect(done.status).toBe(200);
    expect(String(done.body)).toContain('Newsletter für Betriebe');
    expect((await call(newsletters, 'POST /api/newsletters/audience', { body: audience, as: 'coordinator' })).body).toMatchObject({
      recipients: 29,
      optedOut: 1,
    });
    const forged = await call(unsubscribe, 'POST /api/unsubscribe/newsletter', { query: { t: `${t.slice(0, -3)}AAA` }, as: 'anonymous' });
    expect(forged.status).toBe(404);
  });

  it('an address on two lists gets an issue once; drafts with pictures of another issue, no list or unknown fields are refused by name', async () => {
    const shared = 'doppelt@partner.example.org';
    const member = await call(members, 'POST /api/members', {
      body: {
        name: 'Jobcenter Doppelstadt',
        kind: 'job_centre',
        contacts: [
          { name: 'Frau Doppel', email: shared },
          { name: 'Herr Zwei', email: 'zwei@partner.example.org' },
        ],
      },
      as: 'coordinator',
    });
    expect(member.status, JSON.stringify(member.body)).toBe(201);
    const res = await call(companies, 'POST /api/companies', {
      body: { name: 'Doppelbetrieb', wzSection: 'Q', sizeClass: '1-9', district: 'vorpommern_ruegen', postcode: '18528', email: shared.toUpperCase() },
      as: 'coordinator',
    });
    expect(res.status).toBe(201);
    const count = await call(newsletters, 'POST /api/newsletters/audience', {
      body: { network: true, companies: { wzSections: ['Q'], districts: [] } },
      as: 'coordinator',
    });
    expect(count.body).toMatchObject({ recipients: 2, byList: { network: 2, companies: 0 } });

    const other = (await call(newsletters, 'POST /api/newsletters', { body: anIssue(), as: 'coordinator' })).body;
    const pic = (
      await call(newsletters, 'POST /api/newsletters/{id}/pictures', {
        params: { id: other.id },
        body: { contentType: 'image/png', data: PNG },
        as: 'coordinator',
      })
    ).body;
    const stolen = await call(newsletters, 'POST /api/newsletters', {
      body: anIssue({ sections: [{ heading: 'Bild', body: 'Text', picture: { key: pic.key, alt: 'ein Bild' }, links: [] }] }),
      as: 'coordinator',
    });
    expect(stolen.status).toBe(400);
    expect(fieldsOf(stolen.body)).toEqual(['sections.0.picture.key']);
    const noList = await call(newsletters, 'POST /api/newsletters/{id}/send', {
      params: { id: other.id },
      body: { version: 1, audience: {} },
      as: 'coordinator',
    });
    expect(noList.status).toBe(400);
    expect(fieldsOf(noList.body)).toEqual(['audience.network']);
    const unknown = await call(newsletters, 'POST /api/newsletters', { body: { ...anIssue(), trackingPixel: true }, as: 'coordinator' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('trackingPixel');
    const badLink = await call(newsletters, 'POST /api/newsletters', {
      body: anIssue({ sections: [{ heading: 'Link', body: 'Text', links: [{ label: 'Böse', url: 'javascript:alert(1)' }] }] }),
      as: 'coordinator',
    });
    expect(badLink.status).toBe(400);
    expect(fieldsOf(badLink.body)).toEqual(['sections.0.links.0.url']);
    // Counsellors do not write newsletters.
    expect((await call(newsletters, 'GET /api/newsletters', { as: 'counsellor' })).status).toBe(403);

    // Deleting the draft deletes its pictures.
    expect(existsSync(join(media, pic.key))).toBe(true);
    expect((await call(newsletters, 'DELETE /api/newsletters/{id}', { params: { id: other.id }, as: 'coordinator' })).status).toBe(200);
    expect(existsSync(join(media, pic.key))).toBe(false);
  });

  it('a public sign-up is on the list only after its confirmation link; consent is kept with time and text; unsubscribing leaves nothing', async () => {
    await startJobWorker();
    const email = 'neu.abonnentin@example.net';
    const signUp = await call(subscriptions, 'POST /api/public/newsletter/subscribers', { body: { email, language: 'de', consent: true }, as: 'anonymous' });
    expect(signUp.status).toBe(202);
    expect(signUp.body).toEqual({ status: 'check_mail' });
    expect((await call(newsletters, 'POST /api/newsletters/audience', { body: { subscribers: true }, as: 'coordinator' })).body.byList.subscribers).toBe(0);

    const noConsent = await call(subscriptions, 'POST /api/public/newsletter/subscribers', {
      body: { email: 'x@example.net', consent: false },
      as: 'anonymous',
    });
    expect(noConsent.status).toBe(400);
    expect(fieldsOf(noConsent.body)).toEqual(['consent']);

    let confirmFile: string | undefined;
    for (let i = 0; i < 300 && !confirmFile; i++) {
      confirmFile = mailFiles('newsletter-confirm').find((f) => f.endsWith(`${email}.eml`));
      if (!confirmFile) await new Promise((r) => setTimeout(r, 100));
    }
    const confirmMail = await parse(confirmFile!);
    const token = /#bestaetigen=(\S+)/.exec(confirmMail.text ?? '')![1]!;
    expect((await call(subscriptions, 'POST /api/public/newsletter/confirm', { body: { token: `${token.slice(0, -2)}xx` }, as: 'anonymous' })).status).toBe(
      404,
    );
    const confirmed = await call(subscriptions, 'POST /api/public/newsletter/confirm', { body: { token }, as: 'anonymous' });
    expect(confirmed.body).toEqual({ status: 'subscribed', language: 'de' });
    expect((await call(subscriptions, 'POST /api/public/newsletter/confirm', { body: { token }, as: 'anonymous' })).body.status).toBe('subscribed');

    const list = await call(newsletters, 'GET /api/newsletter-subscribers', { as: 'coordinator' });
    const me = list.body.items.find((s: { email: string }) => s.email === email)!;
    expect(me).toMatchObject({ state: 'active', language: 'de' });
    expect(me.consentText).toMatch(/^Ich möchte den Newsletter des amoN-Projekts/);
    expect(Date.parse(me.confirmedAt)).toBeGreaterThanOrEqual(Date.parse(me.signedUpAt));
    expect((await call(newsletters, 'POST /api/newsletters/audience', { body: { subscribers: true }, as: 'coordinator' })).body.byList.subscribers).toBe(1);

    // Signing up again changes nothing and says the same.
    const before = mailFiles('newsletter-confirm').length;
    expect((await call(subscriptions, 'POST /api/public/newsletter/subscribers', { body: { email, consent: true }, as: 'anonymous' })).body).toEqual({
      status: 'check_mail',
    });

    // An issue to the subscribers carries their own one-click link; it deletes them.
    const issue = (await call(newsletters, 'POST /api/newsletters', { body: anIssue(), as: 'coordinator' })).body;
    const sent = await call(newsletters, 'POST /api/newsletters/{id}/send', {
      params: { id: issue.id },
      body: { version: 1, audience: { subscribers: true } },
      as: 'coordinator',
    });
    expect(await jobEnded(sent.body.jobId)).toMatchObject({ done: 1 });
    expect(mailFiles('newsletter-confirm')).toHaveLength(before);
    const file = readdirSync(outbox).find((f) => f.endsWith(`-newsletter-${email}.eml`))!;
    const t = /\?t=(subscribers\.[^>\s]+)>/.exec((await parse(file)).headerLines.find((h) => h.key === 'list-unsubscribe')!.line)![1]!;
    expect((await call(unsubscribe, 'POST /api/unsubscribe/newsletter', { query: { t }, as: 'anonymous' })).status).toBe(200);
    const items = await scanTable(db);
    expect(items.filter((i) => JSON.stringify(i).toLowerCase().includes(email))).toEqual([]);
  });

  it('sign-ups not confirmed within 7 days are deleted with their address', async () => {
    const email = 'vergessen@example.net';
    await call(subscriptions, 'POST /api/public/newsletter/subscribers', { body: { email, consent: true, language: 'en' }, as: 'anonymous' });
    const later = newslettersService(db, { siteUrl: 'http://127.0.0.1:3000' }, () => new Date(Date.now() + 6 * 86_400_000));
    expect(await later.purgePending()).toBe(0);
    const afterAWeek = newslettersService(db, { siteUrl: 'http://127.0.0.1:3000' }, () => new Date(Date.now() + 8 * 86_400_000));
    expect(await afterAWeek.purgePending()).toBeGreaterThanOrEqual(1);
    const items = await scanTable(db);
    expect(items.filter((i) => JSON.stringify(i).toLowerCase().includes(email))).toEqual([]);
  });
});
