// What staff read when a request fails: our own message when the API answered one, otherwise a German sentence that
// says what to do — for every status a gateway or CDN answers with an HTML page, for a lost connection, for a file.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../../admin/src/data/dataProvider.ts';

const provider = () => createDataProvider('https://amon.example', () => Promise.resolve('token'));
const answer = (status: number, body: string, type = 'text/html') =>
  vi.fn(() => Promise.resolve(new Response(body, { status, headers: { 'content-type': type } })));

afterEach(() => vi.unstubAllGlobals());

describe('a failed request, as staff read it', () => {
  const cases: [number, RegExp][] = [
    [401, /Anmeldung ist abgelaufen.*neu an/],
    [403, /Berechtigung/],
    [404, /Nicht gefunden.*laden Sie die Liste neu/],
    [409, /inzwischen geändert.*neu/],
    [413, /zu groß.*verkleinern/],
    [429, /Zu viele Anfragen.*warten/],
    [500, /nicht erreichbar.*erneut/],
    [502, /nicht erreichbar.*erneut/],
    [503, /nicht erreichbar.*erneut/],
  ];
  for (const [status, sentence] of cases)
    it(`${status} with an HTML page (a gateway or CloudFront) reads as a German sentence, never "HTTP ${status}" or "Unexpected token"`, async () => {
      vi.stubGlobal('fetch', answer(status, '<html><body>Bad Gateway</body></html>'));
      const error = await provider()
        .send('GET', '/api/dashboard')
        .catch((e: Error & { status: number }) => e);
      expect(error).toMatchObject({ status });
      expect((error as Error).message).toMatch(sentence);
      expect((error as Error).message).not.toMatch(/Unexpected token|HTTP \d|<html/);
    });

  it('a lost connection reads "Keine Verbindung", not "Failed to fetch"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(provider().send('GET', '/api/dashboard')).rejects.toThrow(/Keine Verbindung zum Server.*erneut/);
    await expect(provider().file('/api/reports/2026-11/pdf')).rejects.toThrow(/Keine Verbindung zum Server/);
  });

  it('a file download that fails with an HTML page reads as the same sentence', async () => {
    vi.stubGlobal('fetch', answer(503, '<html>Service Unavailable</html>'));
    await expect(provider().file('/api/reports/2026-11/pdf')).rejects.toThrow(/nicht erreichbar/);
  });

  it('our own error body is shown as the API wrote it, with its fields', async () => {
    const body = JSON.stringify({
      error: { code: 'invalid', message: 'Bitte prüfen Sie die markierten Felder.', fields: [{ path: 'postcode', message: 'fünf Ziffern' }] },
    });
    vi.stubGlobal('fetch', answer(400, body, 'application/json'));
    const error = (await provider()
      .send('POST', '/api/companies', {})
      .catch((e: unknown) => e)) as Error & { body: { errors: Record<string, string> } };
    expect(error.message).toBe('Bitte prüfen Sie die markierten Felder.');
    expect(error.body.errors.postcode).toBe('fünf Ziffern');
  });
});
