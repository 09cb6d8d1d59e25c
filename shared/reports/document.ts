// The monthly report as one document model: its sections, tables, rows and bars, with every text already in German.
// The e-mail's HTML, its text part and the PDF each render this model and add nothing of their own, so they hold the
// same figures under the same names and cannot drift apart.
import { STATUS_LABELS, type Figures, type Headline } from './model.ts';
import { germanMonth as monthName } from '../time.ts';

/** `lead`: the word that goes before the column's value in running text ("fällig 20.12.2026"). */
export type ReportColumn = { label: string; numeric?: boolean; lead?: string };
/** A row's cells in column order; `bar` is drawn to scale with the table's `barMax`. */
export type ReportRow = { cells: string[]; bar?: number };
export type ReportTable = {
  /** A line above the table (a second table in a section). */
  caption?: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Present when the rows carry bars: the value a full bar stands for. */
  barMax?: number;
  /** What stands instead of a table without rows; without it, such a table is left out. */
  empty?: string;
};
export type ReportSection = { heading: string; tables: ReportTable[] };
export type ReportDocument = { kicker: string; title: string; note: string; sections: ReportSection[] };

const num = (n: number) => n.toLocaleString('de-DE');
const percent = (x: number) => `${Math.round(x * 100)} %`;
const dateDe = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const whenDe = (wall: string) => `${dateDe(wall.slice(0, 10))}, ${wall.slice(11, 16)} Uhr`;

/** The change to the month before, signed ("+3", "−2", "±0"); empty for the first month. */
export function change(h: Headline): string {
  if (h.previous === null) return '';
  const d = h.value - h.previous;
  return d > 0 ? `+${num(d)}` : d < 0 ? `−${num(-d)}` : '±0';
}

const COUNT: ReportColumn[] = [{ label: '' }, { label: 'Anzahl', numeric: true }];
const barMax = (values: number[]) => Math.max(1, ...values);

export function reportDocument(f: Figures): ReportDocument {
  const q = f.qualifications;
  const s = f.surveys;
  const nw = f.network;
  const sections: ReportSection[] = [
    {
      heading: 'Auf einen Blick',
      tables: [
        {
          columns: [{ label: 'Kennzahl' }, { label: monthName(f.month), numeric: true }, { label: 'zum Vormonat', numeric: true, lead: 'zum Vormonat' }],
          rows: f.headlines.map((h) => ({ cells: [h.label, num(h.value), change(h)], bar: h.value })),
          barMax: barMax(f.headlines.map((h) => h.value)),
        },
      ],
    },
    {
      heading: 'Berufsabschlüsse',
      tables: [
        {
          columns: COUNT,
          rows: [
            { cells: ['im Monat', num(q.month)] },
            { cells: ['seit Jahresbeginn', num(q.yearToDate)] },
            { cells: ['seit Programmstart', num(q.sinceStart)], bar: q.sinceStart },
            { cells: ['Ziel des Programms', num(q.target)], bar: q.target },
            { cells: ['erreicht', percent(q.target ? q.sinceStart / q.target : 0)] },
          ],
          barMax: barMax([q.target, q.sinceStart]),
        },
      ],
    },
    {
      heading: 'Fälle nach Status (Stand der Erstellung)',
      tables: [
        {
          columns: [{ label: 'Status' }, { label: 'Fälle', numeric: true }],
          rows: Object.entries(f.statusNow).map(([k, v]) => ({ cells: [STATUS_LABELS[k] ?? k, num(v)], bar: v })),
          barMax: barMax(Object.values(f.statusNow)),
        },
      ],
    },
    ...f.breakdowns.flatMap((b): ReportSection[] => {
      const cells = Object.entries(b.breakdown.cells).filter(([, c]) => c !== 0);
      if (!cells.length) return [];
      return [
        {
          heading: `${b.of} ${b.label}`,
          tables: [
            {
              columns: COUNT,
              rows: cells.map(([k, c]) => (c === '<3' ? { cells: [b.labels[k] ?? k, '<3'] } : { cells: [b.labels[k] ?? k, num(c)], bar: c })),
              barMax: barMax(cells.map(([, c]) => (c === '<3' ? 0 : c))),
            },
          ],
        },
      ];
    }),
    {
      heading: 'Betriebsbefragungen',
      tables: [
        {
          columns: [{ label: 'Offene Umfrage' }, { label: 'bis', lead: 'bis' }, { label: 'Rücklauf', numeric: true, lead: 'Rücklauf' }],
          rows: s.open.map((c) => ({ cells: [c.title, dateDe(c.closesOn), `${num(c.submitted)} von ${num(c.invited)} (${percent(c.rate)})`], bar: c.rate })),
          barMax: 1,
          empty: 'Keine Umfrage offen.',
        },
        {
          caption: `Am meisten gesuchte Berufe${s.neededOccupations.source ? ` (${s.neededOccupations.source})` : ''}`,
          columns: [{ label: 'Beruf' }, { label: 'Personen', numeric: true, lead: 'Personen' }, { label: 'Betriebe', numeric: true, lead: 'Betriebe' }],
          rows: s.neededOccupations.rows.map((r) => ({ cells: [r.title, num(r.headcount), num(r.companies)], bar: r.headcount })),
          barMax: barMax(s.neededOccupations.rows.map((r) => r.headcount)),
        },
      ],
    },
    ...(f.companies
      ? [
          {
            heading: 'Betriebe',
            tables: [
              {
                columns: COUNT,
                rows: [
                  { cells: ['Kontakte mit Betrieben', num(f.companies.contacts)] },
                  ...f.companies.byKind.filter((k) => k.count > 0).map((k) => ({ cells: [`davon ${k.label}`, num(k.count)] })),
                  { cells: ['neue Lernortkooperationen', num(f.companies.newAgreements)] },
                  { cells: ['Plätze in neuen Lernortkooperationen', num(f.companies.newPlaces)] },
                ],
              },
            ],
          },
        ]
      : []),
    {
      heading: 'Netzwerk',
      tables: [
        {
          columns: COUNT,
          rows: [
            { cells: ['neue Netzwerkpartner', num(nw.newMembers)] },
            { cells: ['Monatsbericht neu abonniert', num(nw.subscribed)] },
            { cells: ['Monatsbericht abbestellt', num(nw.unsubscribed)] },
          ],
        },
        {
          columns: [{ label: 'Treffen im Monat' }, { label: 'am', lead: 'am' }, { label: 'anwesend', numeric: true, lead: 'anwesend' }],
          rows: nw.meetingsHeld.map((m) => ({ cells: [m.title, whenDe(m.startsAt), `${num(m.present)} von ${num(m.invited)}`] })),
        },
        {
          columns: [{ label: 'Nächste Treffen' }, { label: 'am', lead: 'am' }, { label: 'wo' }],
          rows: nw.nextMeetings.map((m) => ({ cells: [m.title, whenDe(m.startsAt), m.place ?? ''] })),
        },
        {
          columns: [{ label: 'Offene Aufgaben' }, { label: 'verantwortlich' }, { label: 'fällig', lead: 'fällig' }],
          rows: nw.openActions.map((a) => ({ cells: [a.title, a.ownerName, dateDe(a.dueOn)] })),
        },
      ],
    },
  ];
  return {
    kicker: 'amoN – abschlussorientierte modulare Nachqualifizierung',
    title: `Monatsbericht ${monthName(f.month)}`,
    note: `Erstellt am ${dateDe(f.generatedAt.slice(0, 10))} · Werte von 1 oder 2 erscheinen als „<3“, dazu weitere Zellen, wo sonst auf sie geschlossen werden könnte.`,
    sections: sections
      .map((section) => ({ ...section, tables: section.tables.filter((t) => t.rows.length > 0 || t.empty) }))
      .filter((section) => section.tables.length > 0),
  };
}

/** The document as plain text (the e-mail's text part): a line per row, the first cell before a colon. */
export function documentText(d: ReportDocument): string[] {
  const lines = [d.title, '', d.note];
  for (const section of d.sections) {
    lines.push('', `${section.heading}:`);
    for (const t of section.tables) {
      // A section's further tables are named by their caption or their first column's head.
      const name = t.caption ?? (section.tables.length > 1 ? t.columns[0]?.label : undefined);
      if (name) lines.push(`${name}:`);
      if (!t.rows.length && t.empty) lines.push(`  ${t.empty}`);
      for (const row of t.rows) {
        const [first = '', ...rest] = row.cells;
        const values = rest.map((c, i) => (c && t.columns[i + 1]?.lead ? `${t.columns[i + 1]!.lead} ${c}` : c)).filter(Boolean);
        lines.push(`  ${first}${values.length ? `: ${values.join(' · ')}` : ''}`);
      }
    }
  }
  return lines;
}
