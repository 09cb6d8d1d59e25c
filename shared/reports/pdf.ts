// The report document (document.ts, the model the e-mail renders too) as a printable A4 PDF in German: pdf-lib with
// the embedded Unicode font of shared/pdf, so partners' and contacts' names print as they are written; each table with
// its column heads, long cells wrapped, and the bars of the figures that have them.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { drawable, embedUnicodeFonts } from '../pdf/fonts.ts';
import type { Figures } from './model.ts';
import { reportDocument, type ReportTable } from './document.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BLUE = rgb(0.043, 0.361, 0.678);
const INK = rgb(0.1, 0.17, 0.24);
const GREY = rgb(0.35, 0.42, 0.49);
const LINE = rgb(0.87, 0.9, 0.94);

const SIZE = 9.5;
const LEADING = 12;
const BAR_WIDTH = 90;
const GAP = 10;

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
  const d = reportDocument(f);
  const doc = await PDFDocument.create();
  doc.setTitle(d.title);
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
  const text = (s: string, o: { x?: number; size?: number; font?: PDFFont; color?: ReturnType<typeof rgb> } = {}) =>
    page.drawText(safe(s), { x: o.x ?? MARGIN, y, size: o.size ?? 10, font: o.font ?? regular, color: o.color ?? INK });
  const paragraph = (s: string, size: number, color = INK) =>
    wrapText(safe(s), regular, size, width).forEach((l, i) => {
      if (i) y -= size + 2.5;
      text(l, { size, color });
    });

  /** A table: the columns after the first as wide as their widest cell, the first takes the rest; cells wrap. */
  const table = (t: ReportTable) => {
    if (t.caption) {
      need(30);
      y -= 16;
      paragraph(`${t.caption}:`, SIZE);
    }
    if (!t.rows.length) {
      need(16);
      y -= 15;
      text(t.empty ?? '', { size: SIZE });
      return;
    }
    const bars = t.barMax !== undefined ? BAR_WIDTH : 0;
    const widths = t.columns.map((c, i) =>
      i === 0 ? 0 : Math.min(150, Math.max(...[c.label, ...t.rows.map((r) => r.cells[i] ?? '')].map((s) => regular.widthOfTextAtSize(safe(s), SIZE)))),
    );
    widths[0] = width - bars - widths.slice(1).reduce((a, w) => a + w + GAP, 0);
    const lefts = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, w) => a + w + GAP, 0));
    const row = (cells: string[], font: PDFFont, size: number, color: ReturnType<typeof rgb>, barValue?: number) => {
      const lines = cells.map((cell, i) => wrapText(safe(cell), font, size, widths[i]!));
      const height = Math.max(...lines.map((l) => l.length));
      need(16 + (height - 1) * LEADING);
      y -= 15;
      const top = y;
      lines.forEach((cellLines, i) =>
        cellLines.forEach((l, n) => {
          const x = t.columns[i]?.numeric ? lefts[i]! + widths[i]! - font.widthOfTextAtSize(l, size) : lefts[i]!;
          page.drawText(l, { x, y: top - n * LEADING, size, font, color });
        }),
      );
      if (barValue !== undefined && t.barMax) {
        const w = Math.max(1, (barValue / t.barMax) * (BAR_WIDTH - GAP));
        page.drawRectangle({ x: MARGIN + width - BAR_WIDTH + GAP, y: top - 1, width: w, height: 8, color: BLUE });
      }
      y = top - (height - 1) * LEADING;
      page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: MARGIN + width, y: y - 4 }, thickness: 0.5, color: LINE });
    };
    if (t.columns.some((c) => c.label))
      row(
        t.columns.map((c) => c.label),
        bold,
        8.5,
        GREY,
      );
    for (const r of t.rows) row(r.cells, regular, SIZE, INK, r.bar);
  };

  text(d.kicker, { size: 9, color: GREY });
  y -= 26;
  text(d.title, { size: 22, font: bold });
  y -= 16;
  paragraph(d.note, 8.5, GREY);
  for (const section of d.sections) {
    need(40);
    y -= 22;
    text(section.heading, { size: 13, font: bold, color: BLUE });
    y -= 8;
    section.tables.forEach((t, i) => {
      if (i) y -= 8;
      table(t);
    });
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => p.drawText(safe(`${d.title} · Seite ${i + 1} von ${pages.length}`), { x: MARGIN, y: 28, size: 8, font: regular, color: GREY }));
  return doc.save();
}
