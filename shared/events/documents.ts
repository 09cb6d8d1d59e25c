// The documents of an event's day: the attendance list to sign (everyone registered, in the order of their names) and
// one certificate of attendance per person who attended. A4 PDFs, pdf-lib loaded only on this path.
import type { PDFFont, PDFPage } from 'pdf-lib';
import { NotFound } from '../errors.ts';
import { eventWhen } from './mail.ts';
import type { EventRepository, StoredRegistration } from './repository.ts';
import type { Event } from './schema.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const KIND: Record<Event['kind'], string> = { conference: 'Fachtagung', workshop: 'Workshop', counselling_day: 'Beratungstag', training: 'Schulung' };

/** Hours of the event (same day: end less start), for the certificate. */
function hoursOf(e: Pick<Event, 'startsAt' | 'endsAt'>): string | undefined {
  if (e.startsAt.slice(0, 10) !== e.endsAt.slice(0, 10)) return undefined;
  const minutes = (w: string) => Number(w.slice(11, 13)) * 60 + Number(w.slice(14, 16));
  const h = (minutes(e.endsAt) - minutes(e.startsAt)) / 60;
  return `${h.toLocaleString('de-DE', { maximumFractionDigits: 1 })} Zeitstunden`;
}

type Person = StoredRegistration & { name: string };

async function people(repo: EventRepository, id: string, which: (r: StoredRegistration) => boolean): Promise<{ e: Event; list: Person[] }> {
  const e = await repo.get(id);
  if (!e) throw new NotFound('Die Veranstaltung wurde nicht gefunden.');
  const list = (await repo.allRegistrations(id)).filter((r): r is Person => Boolean(r.name) && which(r)).sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return { e, list };
}

async function document(title: string) {
  const { PDFDocument, rgb } = await import('pdf-lib');
  const { embedUnicodeFonts } = await import('../pdf/fonts.ts');
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setAuthor('amoN Nachqualifizierung');
  doc.setLanguage('de-DE');
  // Names of people from everywhere: an embedded Unicode font, not the standard fonts' WinAnsi.
  const { regular, bold } = await embedUnicodeFonts(doc);
  /** Tabs and line breaks are no glyphs: they become spaces. */
  const safe = (s: string) => s.replace(/\s+/g, ' ');
  const ink = rgb(0.1, 0.17, 0.24);
  const grey = rgb(0.35, 0.42, 0.49);
  /** Writes text cut to `width` (with an ellipsis) so a long name never runs into the next column. */
  const write = (page: PDFPage, s: string, x: number, y: number, o: { size?: number; font?: PDFFont; width?: number; color?: typeof ink } = {}) => {
    const font = o.font ?? regular;
    const size = o.size ?? 10;
    let text = safe(s);
    if (o.width) while (text.length > 1 && font.widthOfTextAtSize(text, size) > o.width) text = `${text.slice(0, -2)}…`;
    page.drawText(text, { x, y, size, font, color: o.color ?? ink });
  };
  /** Lines of at most `width`, broken at spaces. */
  const wrap = (s: string, width: number, size: number, font: PDFFont = regular) => {
    const lines: string[] = [];
    let line = '';
    for (const word of safe(s).split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  };
  return { doc, regular, bold, write, wrap, ink, grey, rgb };
}

/** Everyone registered, to sign on the day (name, organisation, signature). */
export async function attendanceListPdf(repo: EventRepository, id: string): Promise<{ file: Uint8Array; filename: string }> {
  const { e, list } = await people(repo, id, (r) => r.state === 'registered');
  const { doc, bold, write, wrap, grey, rgb } = await document(`Teilnahmeliste: ${e.title}`);
  const width = A4[0] - 2 * MARGIN;
  const cols = { no: MARGIN, name: MARGIN + 28, org: MARGIN + 210, sign: MARGIN + 370 };
  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const header = () => {
    write(page, 'Teilnahmeliste', MARGIN, y, { size: 16, font: bold });
    y -= 20;
    for (const line of wrap(e.title, width, 12, bold)) {
      write(page, line, MARGIN, y, { size: 12, font: bold });
      y -= 16;
    }
    write(page, [eventWhen(e, 'de'), e.place ?? e.onlineUrl ?? ''].filter(Boolean).join(' · '), MARGIN, y, { color: grey, width });
    y -= 26;
    write(page, 'Nr.', cols.no, y, { font: bold });
    write(page, 'Name', cols.name, y, { font: bold });
    write(page, 'Organisation', cols.org, y, { font: bold });
    write(page, 'Unterschrift', cols.sign, y, { font: bold });
    y -= 8;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.8, color: rgb(0.5, 0.55, 0.6) });
  };
  header();
  list.forEach((r, i) => {
    if (y < MARGIN + 40) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
      header();
    }
    y -= 26;
    write(page, String(i + 1), cols.no, y);
    write(page, r.name, cols.name, y, { width: cols.org - cols.name - 8 });
    write(page, r.organisation ?? '', cols.org, y, { width: cols.sign - cols.org - 8, color: grey });
    page.drawLine({ start: { x: MARGIN, y: y - 8 }, end: { x: A4[0] - MARGIN, y: y - 8 }, thickness: 0.4, color: rgb(0.8, 0.83, 0.86) });
  });
  y -= 30;
  if (y > MARGIN) write(page, `${list.length} angemeldete Personen · Stand der Liste: Tag des Ausdrucks`, MARGIN, y, { size: 8, color: grey });
  return { file: await doc.save(), filename: `teilnahmeliste-${e.startsAt.slice(0, 10)}` };
}

/** One certificate of attendance per person who attended. */
export async function certificatesPdf(repo: EventRepository, id: string): Promise<{ file: Uint8Array; filename: string }> {
  const { e, list } = await people(repo, id, (r) => r.state === 'registered' && Boolean(r.attended));
  if (!list.length) throw new NotFound('Für diese Veranstaltung ist noch niemand als anwesend erfasst.');
  const { doc, regular, bold, write, wrap, grey } = await document(`Teilnahmebescheinigungen: ${e.title}`);
  const width = A4[0] - 2 * MARGIN;
  const hours = hoursOf(e);
  for (const r of list) {
    const page = doc.addPage(A4);
    let y = A4[1] - MARGIN - 60;
    write(page, 'amoN Nachqualifizierung', MARGIN, y + 40, { size: 10, color: grey });
    write(page, 'Teilnahmebescheinigung', MARGIN, y, { size: 22, font: bold });
    y -= 60;
    write(page, r.name, MARGIN, y, { size: 16, font: bold, width });
    y -= 18;
    if (r.organisation) write(page, r.organisation, MARGIN, y, { size: 11, color: grey, width });
    y -= 36;
    const sentence = `hat an der Veranstaltung (${KIND[e.kind]}) „${e.title}“ am ${eventWhen(e, 'de')}${e.place ? ` in ${e.place}` : ' online'} teilgenommen.`;
    for (const line of wrap(sentence, width, 12)) {
      write(page, line, MARGIN, y, { size: 12, font: regular });
      y -= 18;
    }
    if (hours) {
      y -= 6;
      write(page, `Umfang: ${hours}`, MARGIN, y, { size: 12 });
      y -= 18;
    }
    if (e.description) {
      y -= 18;
      write(page, 'Inhalte', MARGIN, y, { size: 11, font: bold });
      y -= 16;
      for (const line of wrap(e.description, width, 10).slice(0, 12)) {
        write(page, line, MARGIN, y, { size: 10 });
        y -= 14;
      }
    }
    write(page, 'Für das amoN-Projektteam', MARGIN, MARGIN + 80, { size: 10 });
    page.drawLine({ start: { x: MARGIN, y: MARGIN + 70 }, end: { x: MARGIN + 200, y: MARGIN + 70 }, thickness: 0.6 });
    write(page, 'Ort, Datum, Unterschrift', MARGIN, MARGIN + 56, { size: 8, color: grey });
  }
  return { file: await doc.save(), filename: `teilnahmebescheinigungen-${e.startsAt.slice(0, 10)}` };
}
