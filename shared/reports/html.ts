// The report document (document.ts) as HTML that renders in Outlook and Gmail (tables for layout, inline styles, no
// scripts), and as plain text for the e-mail's text part. Both render the same model as the PDF.
import { escapeHtml } from '../email/message.ts';
import type { Figures } from './model.ts';
import { documentText, reportDocument, type ReportTable } from './document.ts';

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const th = (numeric = false) =>
  `style="${FONT}font-size:13px;text-align:${numeric ? 'right' : 'left'};padding:6px 8px;background:#e8eef6;color:#1a2b3c;border-bottom:1px solid #c9d4e2"`;
const td = (numeric = false) =>
  `style="${FONT}font-size:13px;padding:5px 8px;border-bottom:1px solid #eef1f5;color:#1a2b3c${numeric ? ';text-align:right' : ''}"`;
const line = (html: string, style: string) => `<tr><td style="${FONT}${style}">${html}</td></tr>`;
const bar = (value: number, max: number) =>
  `<table role="presentation" cellpadding="0" cellspacing="0" width="160"><tr><td width="${Math.max(1, Math.round((value / Math.max(1, max)) * 160))}" style="background:#0b5cad;height:10px;font-size:0;line-height:0">&nbsp;</td><td style="font-size:0;line-height:0">&nbsp;</td></tr></table>`;

function tableHtml(t: ReportTable): string {
  const caption = t.caption ? line(`${escapeHtml(t.caption)}:`, 'font-size:13px;padding:12px 0 4px 0') : '';
  if (!t.rows.length) return `${caption}${line(escapeHtml(t.empty ?? ''), 'font-size:13px;padding:5px 8px;color:#1a2b3c')}`;
  const bars = t.barMax !== undefined;
  const head = `<tr>${t.columns.map((c) => `<th ${th(c.numeric)}>${escapeHtml(c.label)}</th>`).join('')}${bars ? `<th ${th()}></th>` : ''}</tr>`;
  const rows = t.rows
    .map(
      (r) =>
        `<tr>${r.cells.map((cell, i) => `<td ${td(t.columns[i]?.numeric)}>${escapeHtml(cell)}</td>`).join('')}${
          bars ? `<td ${td()}>${r.bar === undefined ? '' : bar(r.bar, t.barMax!)}</td>` : ''
        }</tr>`,
    )
    .join('\n');
  return `${caption}<tr><td><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">\n${head}\n${rows}\n</table></td></tr>`;
}

export function reportHtml(f: Figures, o: { unsubscribeUrl?: string; reportUrl?: string } = {}): string {
  const d = reportDocument(f);
  const sections = d.sections
    .map((s) => `${line(escapeHtml(s.heading), 'font-size:17px;font-weight:bold;color:#0b5cad;padding:22px 0 8px 0')}\n${s.tables.map(tableHtml).join('\n')}`)
    .join('\n');
  const footer = `${o.reportUrl ? `Den Bericht als PDF finden Sie im Anhang und <a href="${escapeHtml(o.reportUrl)}" style="color:#0b5cad">im Portal</a>. ` : 'Den Bericht als PDF finden Sie im Anhang. '}${
    o.unsubscribeUrl
      ? `Sie möchten den Monatsbericht nicht mehr erhalten? <a href="${escapeHtml(o.unsubscribeUrl)}" style="color:#0b5cad">Abbestellen</a>.`
      : ''
  }`;
  return `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(d.title)}</title></head>
<body style="margin:0;padding:0;background:#f4f6f9">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f9"><tr><td align="center" style="padding:16px">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" style="background:#ffffff;padding:24px;max-width:640px">
${line(escapeHtml(d.kicker), 'font-size:12px;color:#5a6b7c')}
${line(escapeHtml(d.title), 'font-size:24px;font-weight:bold;color:#1a2b3c;padding:4px 0 4px 0')}
${line(escapeHtml(d.note), 'font-size:12px;color:#5a6b7c')}
${sections}
${line(footer, 'font-size:12px;color:#5a6b7c;padding-top:24px')}
</table></td></tr></table>
</body></html>`;
}

export function reportText(f: Figures, o: { unsubscribeUrl?: string } = {}): string {
  const lines = [...documentText(reportDocument(f)), '', 'Der Bericht als PDF liegt im Anhang.'];
  if (o.unsubscribeUrl) lines.push('', `Abbestellen: ${o.unsubscribeUrl}`);
  return lines.join('\n');
}
