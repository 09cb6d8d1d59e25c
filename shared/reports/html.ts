// The report as HTML that renders in Outlook and Gmail (tables for layout, inline styles, no scripts), and as
// plain text for the e-mail's text part. German; dates and times are Europe/Berlin.
import { escapeHtml } from '../email/message.ts';
import { germanMonth as monthName } from '../time.ts';
import { STATUS_LABELS, type Figures, type Headline } from './model.ts';

const num = (n: number) => n.toLocaleString('de-DE');
const percent = (x: number) => `${Math.round(x * 100)} %`;
const dateDe = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const whenDe = (wall: string) => `${dateDe(wall.slice(0, 10))}, ${wall.slice(11, 16)} Uhr`;

export function change(h: Headline): string {
  if (h.previous === null) return '';
  const d = h.value - h.previous;
  return d === 0 ? '±0' : d > 0 ? `+${num(d)}` : `−${num(-d)}`;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const th = `style="${FONT}font-size:13px;text-align:left;padding:6px 8px;background:#e8eef6;color:#1a2b3c;border-bottom:1px solid #c9d4e2"`;
const td = `style="${FONT}font-size:13px;padding:5px 8px;border-bottom:1px solid #eef1f5;color:#1a2b3c"`;
const tdNum = `style="${FONT}font-size:13px;padding:5px 8px;border-bottom:1px solid #eef1f5;text-align:right;color:#1a2b3c"`;
const h2 = (text: string) => `<tr><td style="${FONT}font-size:17px;font-weight:bold;color:#0b5cad;padding:22px 0 8px 0">${escapeHtml(text)}</td></tr>`;
const table = (head: string[], rows: string[][], numeric: boolean[] = []) =>
  `<tr><td><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">
<tr>${head.map((h, i) => `<th ${th}${numeric[i] ? ' align="right"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr>
${rows.map((r) => `<tr>${r.map((c, i) => `<td ${numeric[i] ? tdNum : td}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}
</table></td></tr>`;
const bar = (value: number, max: number) =>
  `<table role="presentation" cellpadding="0" cellspacing="0" width="160"><tr><td width="${Math.max(1, Math.round((value / Math.max(1, max)) * 160))}" style="background:#0b5cad;height:10px;font-size:0;line-height:0">&nbsp;</td><td style="font-size:0;line-height:0">&nbsp;</td></tr></table>`;

export function reportHtml(f: Figures, o: { unsubscribeUrl?: string; reportUrl?: string } = {}): string {
  const q = f.qualifications;
  const maxHeadline = Math.max(...f.headlines.map((h) => h.value), 1);
  const headlineRows = f.headlines
    .map(
      (h) =>
        `<tr><td ${td}>${escapeHtml(h.label)}</td><td ${tdNum}>${num(h.value)}</td><td ${tdNum}>${escapeHtml(change(h))}</td><td ${td}>${bar(h.value, maxHeadline)}</td></tr>`,
    )
    .join('\n');
  const breakdowns = f.breakdowns
    .map((b) => {
      const rows = Object.entries(b.breakdown.cells).filter(([, c]) => c !== 0);
      if (!rows.length) return '';
      return `${h2(`${b.of} ${b.label}`)}${table(
        ['', 'Anzahl'],
        rows.map(([k, c]) => [b.labels[k] ?? k, c === '<3' ? '<3' : num(c)]),
        [false, true],
      )}`;
    })
    .join('\n');
  const s = f.surveys;
  const nw = f.network;
  return `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Monatsbericht ${escapeHtml(monthName(f.month))}</title></head>
<body style="margin:0;padding:0;background:#f4f6f9">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f9"><tr><td align="center" style="padding:16px">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" style="background:#ffffff;padding:24px;max-width:640px">
<tr><td style="${FONT}font-size:12px;color:#5a6b7c">amoN – abschlussorientierte modulare Nachqualifizierung</td></tr>
<tr><td style="${FONT}font-size:24px;font-weight:bold;color:#1a2b3c;padding:4px 0 4px 0">Monatsbericht ${escapeHtml(monthName(f.month))}</td></tr>
<tr><td style="${FONT}font-size:12px;color:#5a6b7c">Erstellt am ${escapeHtml(dateDe(f.generatedAt.slice(0, 10)))} · Werte von 1 oder 2 erscheinen als „&lt;3“, dazu weitere Zellen, wo sonst auf sie geschlossen werden könnte.</td></tr>
${h2('Auf einen Blick')}
<tr><td><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">
<tr><th ${th}>Kennzahl</th><th ${th} align="right">${escapeHtml(monthName(f.month))}</th><th ${th} align="right">zum Vormonat</th><th ${th}></th></tr>
${headlineRows}
</table></td></tr>
${h2('Berufsabschlüsse')}
${table(
  ['', 'Anzahl'],
  [
    ['im Monat', num(q.month)],
    ['seit Jahresbeginn', num(q.yearToDate)],
    ['seit Programmstart', num(q.sinceStart)],
    ['Ziel des Programms', num(q.target)],
    ['erreicht', percent(q.target ? q.sinceStart / q.target : 0)],
  ],
  [false, true],
)}
${h2('Fälle nach Status (Stand der Erstellung)')}
${table(
  ['Status', 'Fälle'],
  Object.entries(f.statusNow).map(([k, v]) => [STATUS_LABELS[k] ?? k, num(v)]),
  [false, true],
)}
${breakdowns}
${h2('Betriebsbefragungen')}
${
  s.open.length
    ? table(
        ['Offene Umfrage', 'bis', 'Rücklauf'],
        s.open.map((c) => [c.title, dateDe(c.closesOn), `${num(c.submitted)} von ${num(c.invited)} (${percent(c.rate)})`]),
        [false, false, true],
      )
    : `<tr><td ${td}>Keine Umfrage offen.</td></tr>`
}
${
  s.neededOccupations.rows.length
    ? `<tr><td style="${FONT}font-size:13px;padding:12px 0 4px 0">Am meisten gesuchte Berufe (${escapeHtml(s.neededOccupations.source ?? '')}):</td></tr>${table(
        ['Beruf', 'Personen', 'Betriebe'],
        s.neededOccupations.rows.map((r) => [r.title, num(r.headcount), num(r.companies)]),
        [false, true, true],
      )}`
    : ''
}
${
  f.companies
    ? `${h2('Betriebe')}
${table(
  ['', 'Anzahl'],
  [
    ['Kontakte mit Betrieben', num(f.companies.contacts)],
    ...f.companies.byKind.filter((k) => k.count > 0).map((k): [string, string] => [`davon ${k.label}`, num(k.count)]),
    ['neue Lernortkooperationen', num(f.companies.newAgreements)],
    ['Plätze in neuen Lernortkooperationen', num(f.companies.newPlaces)],
  ],
  [false, true],
)}`
    : ''
}
${h2('Netzwerk')}
${table(
  ['', 'Anzahl'],
  [
    ['neue Netzwerkpartner', num(nw.newMembers)],
    ['Monatsbericht neu abonniert', num(nw.subscribed)],
    ['Monatsbericht abbestellt', num(nw.unsubscribed)],
  ],
  [false, true],
)}
${
  nw.meetingsHeld.length
    ? table(
        ['Treffen im Monat', 'am', 'anwesend'],
        nw.meetingsHeld.map((m) => [m.title, whenDe(m.startsAt), `${num(m.present)} von ${num(m.invited)}`]),
        [false, false, true],
      )
    : ''
}
${
  nw.nextMeetings.length
    ? table(
        ['Nächste Treffen', 'am', 'wo'],
        nw.nextMeetings.map((m) => [m.title, whenDe(m.startsAt), m.place ?? '']),
      )
    : ''
}
${
  nw.openActions.length
    ? table(
        ['Offene Aufgaben', 'verantwortlich', 'fällig'],
        nw.openActions.map((a) => [a.title, a.ownerName, dateDe(a.dueOn)]),
      )
    : ''
}
<tr><td style="${FONT}font-size:12px;color:#5a6b7c;padding-top:24px">${o.reportUrl ? `Den Bericht als PDF finden Sie im Anhang und <a href="${escapeHtml(o.reportUrl)}" style="color:#0b5cad">im Portal</a>. ` : 'Den Bericht als PDF finden Sie im Anhang. '}${o.unsubscribeUrl ? `Sie möchten den Monatsbericht nicht mehr erhalten? <a href="${escapeHtml(o.unsubscribeUrl)}" style="color:#0b5cad">Abbestellen</a>.` : ''}</td></tr>
</table></td></tr></table>
</body></html>`;
}

export function reportText(f: Figures, o: { unsubscribeUrl?: string } = {}): string {
  const lines = [`Monatsbericht ${monthName(f.month)}`, '', 'Auf einen Blick:'];
  for (const h of f.headlines) lines.push(`  ${h.label}: ${num(h.value)}${change(h) ? ` (${change(h)} zum Vormonat)` : ''}`);
  const q = f.qualifications;
  lines.push(
    '',
    `Berufsabschlüsse: ${num(q.month)} im Monat, ${num(q.yearToDate)} seit Jahresbeginn, ${num(q.sinceStart)} von ${num(q.target)} seit Programmstart.`,
  );
  for (const b of f.breakdowns) {
    const rows = Object.entries(b.breakdown.cells).filter(([, c]) => c !== 0);
    if (rows.length) lines.push('', `${b.of} ${b.label}:`, ...rows.map(([k, c]) => `  ${b.labels[k] ?? k}: ${c === '<3' ? '<3' : num(c)}`));
  }
  if (f.surveys.open.length)
    lines.push(
      '',
      'Offene Umfragen:',
      ...f.surveys.open.map((c) => `  ${c.title}: ${num(c.submitted)} von ${num(c.invited)} geantwortet, bis ${dateDe(c.closesOn)}`),
    );
  if (f.companies)
    lines.push(
      '',
      `Betriebe: ${num(f.companies.contacts)} Kontakte${
        f.companies.byKind.some((k) => k.count)
          ? ` (${f.companies.byKind
              .filter((k) => k.count)
              .map((k) => `${k.label} ${num(k.count)}`)
              .join(', ')})`
          : ''
      }, ${num(f.companies.newAgreements)} neue Lernortkooperationen mit ${num(f.companies.newPlaces)} Plätzen.`,
    );
  if (f.network.nextMeetings.length)
    lines.push('', 'Nächste Treffen:', ...f.network.nextMeetings.map((m) => `  ${whenDe(m.startsAt)}: ${m.title}${m.place ? ` (${m.place})` : ''}`));
  if (f.network.openActions.length)
    lines.push('', 'Offene Aufgaben:', ...f.network.openActions.map((a) => `  ${a.title} – ${a.ownerName}, fällig ${dateDe(a.dueOn)}`));
  lines.push('', 'Werte von 1 oder 2 erscheinen als „<3“.', 'Der Bericht als PDF liegt im Anhang.');
  if (o.unsubscribeUrl) lines.push('', `Abbestellen: ${o.unsubscribeUrl}`);
  return lines.join('\n');
}
