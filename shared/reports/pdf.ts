// The report as a printable A4 PDF in German (pdf-lib, with the embedded Unicode font of shared/pdf, so partners' and
// contacts' names print as they are written), with bar charts for the headline figures and each breakdown.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedUnicodeFonts } from '../pdf/fonts.ts';
import { STATUS_LABELS, type Figures } from './model.ts';
import { change } from './html.ts';
import { germanMonth as monthName } from '../time.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BLUE = rgb(0.043, 0.361, 0.678);
const INK = rgb(0.1, 0.17, 0.24);
const GREY = rgb(0.35, 0.42, 0.49);
const LINE = rgb(0.87, 0.9, 0.94);

const num = (n: number) => n.toLocaleString('de-DE');
const dateDe = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** What the font has no glyph for (an emoji, say) becomes a close character instead of a blank box. */
function drawable(font: PDFFont): (s: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (s: string) => [...s].map((ch) => (supported.has(ch.codePointAt(0)!) || /\s/.test(ch) ? ch : '?')).join('');
}

/** Splits a text into lines no wider than `width` at `size`, breaking between words (a longer word alone on a line). */
export function wrapText(s: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines.length ? lines : [''];
}

export async function reportPdf(f: Figures): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Monatsbericht ${monthName(f.month)}`);
  doc.setAuthor('amoN Nachqualifizierung');
  doc.setLanguage('de-DE');
  doc.setCreationDate(new Date(f.generatedAt));
  const { regular, bold } = await embedUnicodeFonts(doc);
  const safe = drawable(regular);

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;
  const need = (h: number) => {
    if (y - h < MARGIN + 20) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  const text = (s: string, o: { x?: number; size?: number; font?: PDFFont; color?: ReturnType<typeof rgb> } = {}) => {
    const size = o.size ?? 10;
    page.drawText(safe(s), { x: o.x ?? MARGIN, y, size, font: o.font ?? regular, color: o.color ?? INK });
  };
  const right = (s: string, xRight: number, size = 10, font = regular) =>
    page.drawText(safe(s), { x: xRight - font.widthOfTextAtSize(safe(s), size), y, size, font, color: INK });
  const heading = (s: string) => {
    need(40);
    y -= 22;
    text(s, { size: 13, font: bold, color: BLUE });
    y -= 8;
  };
  /** Rows of label, value (and an optional bar scaled to `max`); a long label wraps onto further lines. */
  const rows = (items: { label: string; value: string; bar?: number; note?: string }[], max = 0) => {
    for (const item of items) {
      const lines = wrapText(safe(item.label), regular, 9.5, 255);
      need(16 + (lines.length - 1) * 12);
      y -= 15;
      // Value, note and bar stand on the label's first line.
      right(item.value, MARGIN + 330, 9.5);
      if (item.note) right(item.note, MARGIN + 390, 8.5);
      if (item.bar !== undefined && max > 0) {
        const w = Math.max(1, (item.bar / max) * (width - 400));
        page.drawRectangle({ x: MARGIN + 400, y: y - 1, width: w, height: 8, color: BLUE });
      }
      lines.forEach((line, i) => {
        if (i) y -= 12;
        text(line, { size: 9.5 });
      });
      page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: MARGIN + width, y: y - 4 }, thickness: 0.5, color: LINE });
    }
  };

  text('amoN – abschlussorientierte modulare Nachqualifizierung', { size: 9, color: GREY });
  y -= 26;
  text(`Monatsbericht ${monthName(f.month)}`, { size: 22, font: bold });
  y -= 16;
  const note = `Erstellt am ${dateDe(f.generatedAt.slice(0, 10))}. Werte von 1 oder 2 erscheinen als „<3“, dazu weitere Zellen, wo sonst auf sie geschlossen werden könnte.`;
  wrapText(safe(note), regular, 8.5, width).forEach((line, i) => {
    if (i) y -= 11;
    text(line, { size: 8.5, color: GREY });
  });

  heading('Auf einen Blick');
  const max = Math.max(...f.headlines.map((h) => h.value), 1);
  rows(
    f.headlines.map((h) => ({ label: h.label, value: num(h.value), note: change(h), bar: h.value })),
    max,
  );

  const q = f.qualifications;
  heading('Berufsabschlüsse');
  rows(
    [
      { label: 'im Monat', value: num(q.month) },
      { label: 'seit Jahresbeginn', value: num(q.yearToDate) },
      { label: 'seit Programmstart', value: num(q.sinceStart), bar: q.sinceStart },
      { label: 'Ziel des Programms', value: num(q.target), bar: q.target },
      { label: 'erreicht', value: `${Math.round((q.target ? q.sinceStart / q.target : 0) * 100)} %` },
    ],
    Math.max(q.target, q.sinceStart),
  );

  heading('Fälle nach Status (Stand der Erstellung)');
  const statusMax = Math.max(...Object.values(f.statusNow), 1);
  rows(
    Object.entries(f.statusNow).map(([k, v]) => ({ label: STATUS_LABELS[k] ?? k, value: num(v), bar: v })),
    statusMax,
  );

  for (const b of f.breakdowns) {
    const cells = Object.entries(b.breakdown.cells).filter(([, c]) => c !== 0);
    if (!cells.length) continue;
    heading(`${b.of} ${b.label}`);
    const bm = Math.max(...cells.map(([, c]) => (c === '<3' ? 0 : c)), 1);
    rows(
      cells.map(([k, c]) => ({ label: b.labels[k] ?? k, value: c === '<3' ? '<3' : num(c), ...(c === '<3' ? {} : { bar: c }) })),
      bm,
    );
  }

  heading('Betriebsbefragungen');
  if (!f.surveys.open.length) rows([{ label: 'Keine Umfrage offen', value: '' }]);
  rows(
    f.surveys.open.map((c) => ({ label: `${c.title} (bis ${dateDe(c.closesOn)})`, value: `${num(c.submitted)} / ${num(c.invited)}`, bar: c.rate })),
    1,
  );
  if (f.surveys.neededOccupations.rows.length) {
    heading(`Gesuchte Berufe (${f.surveys.neededOccupations.source ?? ''})`);
    const nm = Math.max(...f.surveys.neededOccupations.rows.map((r) => r.headcount), 1);
    rows(
      f.surveys.neededOccupations.rows.map((r) => ({ label: r.title, value: num(r.headcount), note: `${num(r.companies)} Betr.`, bar: r.headcount })),
      nm,
    );
  }

  if (f.companies) {
    heading('Betriebe');
    rows([
      { label: 'Kontakte mit Betrieben', value: num(f.companies.contacts) },
      ...f.companies.byKind.filter((k) => k.count > 0).map((k) => ({ label: `davon ${k.label}`, value: num(k.count) })),
      { label: 'neue Lernortkooperationen (Plätze)', value: `${num(f.companies.newAgreements)} (${num(f.companies.newPlaces)})` },
    ]);
  }

  const nw = f.network;
  heading('Netzwerk');
  rows([
    { label: 'neue Netzwerkpartner', value: num(nw.newMembers) },
    { label: 'Monatsbericht neu abonniert / abbestellt', value: `${num(nw.subscribed)} / ${num(nw.unsubscribed)}` },
    ...nw.meetingsHeld.map((m) => ({ label: `${m.title}, ${dateDe(m.startsAt.slice(0, 10))}`, value: `${num(m.present)} von ${num(m.invited)} anwesend` })),
  ]);
  if (nw.nextMeetings.length) {
    heading('Nächste Treffen');
    rows(
      nw.nextMeetings.map((m) => ({
        label: `${m.title}${m.place ? `, ${m.place}` : ''}`,
        value: `${dateDe(m.startsAt.slice(0, 10))} ${m.startsAt.slice(11, 16)}`,
      })),
    );
  }
  if (nw.openActions.length) {
    heading('Offene Aufgaben');
    rows(nw.openActions.map((a) => ({ label: `${a.title} – ${a.ownerName}`, value: `fällig ${dateDe(a.dueOn)}` })));
  }

  const pages = doc.getPages();
  pages.forEach((p, i) =>
    p.drawText(safe(`Monatsbericht ${monthName(f.month)} · Seite ${i + 1} von ${pages.length}`), { x: MARGIN, y: 28, size: 8, font: regular, color: GREY }),
  );
  return doc.save();
}
