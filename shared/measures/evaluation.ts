// The measure's evaluation sheet, for the programme to publish as a good-practice example: the measure, its shared
// plan and its figures with the report's disclosure control, as an A4 PDF and as an XLSX workbook. Aggregates only:
// no name, no case number, no raw count the figures hide.
import type { MeasuresService } from './domain.ts';
import type { MeasureView } from './schema.ts';

const dateDe = (iso: string) => iso.split('-').reverse().join('.');
const cell = (v: number | '<3' | null, suffix = '') => (v === null ? '–' : v === '<3' ? '<3' : `${v.toLocaleString('de-DE')}${suffix}`);
const KINDS: Record<string, string> = {
  qualification_module: 'Qualifizierungsbaustein',
  training_module: 'Ausbildungsbaustein',
  adaptation: 'Anpassungsqualifizierung',
  exam_preparation: 'Prüfungsvorbereitung',
};
const STATES: Record<string, string> = { planned: 'geplant', running: 'läuft', finished: 'beendet' };

export type EvaluationMeasure = Omit<MeasureView, 'roster' | 'joined' | 'active'>;

/** The sheet's content once, for both formats: facts, figures and plan as label–value rows. */
export function evaluationModel(m: EvaluationMeasure, today: string) {
  const f = m.figures;
  return {
    title: `Auswertung: ${m.title}`,
    asOf: `Stand ${dateDe(today)} · ${STATES[m.state] ?? m.state}`,
    facts: [
      ['Zielberuf', `${m.targetOccupation.title} (KldB ${m.targetOccupation.code})`],
      ['Partnerbetrieb (Lernort)', m.companyName],
      ['Bildungsträger', m.providerName],
      ['Zeitraum', `${dateDe(m.startDate)} – ${dateDe(m.endDate)}`],
      ['Prüfung', m.examDate ? `${dateDe(m.examDate)}${m.chamber ? `, ${m.chamber}` : ''}` : '–'],
      ['Geplante Plätze', String(m.plannedPlaces)],
      ['Plätze für Frauen (Ziel)', `${m.womenTargetPercent} %`],
    ] as [string, string][],
    figures: [
      ['Teilnehmende insgesamt', cell(f.joined)],
      ['noch dabei oder bis zum Ende geblieben', cell(f.active)],
      ['vorzeitig ausgeschieden', cell(f.left)],
      ['Verbleibquote', cell(f.retentionPercent, ' %')],
      ['Abschlussprüfung bestanden', cell(f.passed)],
      ['Abschlussprüfung nicht bestanden', cell(f.failed)],
      ['Bestehensquote', cell(f.passRatePercent, ' %')],
      ['Frauenanteil', cell(f.womenPercent, ' %')],
      ['Anteil mit Migrationsgeschichte', cell(f.migrationPercent, ' %')],
      ['abgeschlossene Bausteine', cell(f.modulesCompleted)],
      ['Stunden in abgeschlossenen Bausteinen', cell(f.hoursCompleted)],
    ] as [string, string][],
    plan: m.modules.map((mm) => [mm.title, KINDS[mm.kind] ?? mm.kind, `${dateDe(mm.startDate)} – ${dateDe(mm.endDate)}`, String(mm.hours)]),
    note: 'Werte von 1 oder 2 erscheinen als „<3“, dazu weitere, wo sonst auf sie geschlossen werden könnte (wie im Monatsbericht); Anteile nur neben gezeigten Werten. Das Blatt enthält keine personenbezogenen Daten.',
    description: m.description,
  };
}

export async function evaluationPdf(m: EvaluationMeasure, today: string): Promise<Uint8Array> {
  const { PDFDocument, rgb } = await import('pdf-lib');
  const { drawable, embedUnicodeFonts } = await import('../pdf/fonts.ts');
  const model = evaluationModel(m, today);
  const doc = await PDFDocument.create();
  doc.setTitle(model.title);
  doc.setAuthor('amoN Nachqualifizierung');
  doc.setLanguage('de-DE');
  const { regular, bold } = await embedUnicodeFonts(doc);
  const safe = drawable(regular);
  const [W, H, M] = [595.28, 841.89, 50];
  let page = doc.addPage([W, H]);
  let y = H - M;
  const BLUE = rgb(0.043, 0.361, 0.678);
  const GREY = rgb(0.35, 0.42, 0.49);
  /** Draws text wrapped to the width, moving down line by line. */
  const write = (s: string, o: { size?: number; font?: typeof regular; color?: ReturnType<typeof rgb>; x?: number; width?: number } = {}) => {
    const size = o.size ?? 10;
    const font = o.font ?? regular;
    const width = o.width ?? W - 2 * M;
    const words = safe(s).split(' ');
    let line = '';
    const flush = () => {
      if (y < M + 20) {
        page = doc.addPage([W, H]);
        y = H - M;
      }
      page.drawText(line, { x: o.x ?? M, y, size, font, color: o.color ?? rgb(0.1, 0.17, 0.24) });
      y -= size * 1.35;
      line = '';
    };
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        flush();
        line = w;
      } else line = next;
    }
    if (line) flush();
  };
  const rows = (items: [string, string][]) => {
    for (const [label, value] of items) {
      const top = y;
      write(label, { width: 300 });
      const after = y;
      y = top;
      write(value, { x: M + 320, width: W - 2 * M - 320, font: bold });
      y = Math.min(after, y) - 2;
    }
  };
  write('amoN – abschlussorientierte modulare Nachqualifizierung', { size: 9, color: GREY });
  y -= 8;
  write(model.title, { size: 18, font: bold });
  write(model.asOf, { size: 9, color: GREY });
  y -= 6;
  rows(model.facts);
  if (model.description) {
    y -= 6;
    write(model.description, { size: 9.5 });
  }
  y -= 10;
  write('Kennzahlen', { size: 13, font: bold, color: BLUE });
  rows(model.figures);
  y -= 10;
  write('Gemeinsamer Qualifizierungsplan', { size: 13, font: bold, color: BLUE });
  for (const [title, kind, period, hours] of model.plan) rows([[title!, `${kind}, ${period}, ${hours} Std.`]]);
  y -= 10;
  write(model.note, { size: 8.5, color: GREY });
  return doc.save();
}

export async function evaluationXlsx(m: EvaluationMeasure, today: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const model = evaluationModel(m, today);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'amoN';
  const sheet = workbook.addWorksheet('Auswertung');
  sheet.columns = [{ width: 44 }, { width: 60 }];
  sheet.addRow([model.title]).font = { bold: true, size: 14 };
  sheet.addRow([model.asOf]);
  sheet.addRow([]);
  for (const r of model.facts) sheet.addRow(r);
  sheet.addRow([]);
  sheet.addRow(['Kennzahlen']).font = { bold: true };
  for (const r of model.figures) sheet.addRow(r);
  const plan = workbook.addWorksheet('Plan');
  plan.columns = [
    { header: 'Baustein', width: 50 },
    { header: 'Art', width: 28 },
    { header: 'Zeitraum', width: 26 },
    { header: 'Stunden', width: 10 },
  ];
  plan.getRow(1).font = { bold: true };
  for (const [title, kind, period, hours] of model.plan) plan.addRow([title, kind, period, Number(hours)]);
  sheet.addRow([]);
  sheet.addRow([model.note]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The sheet of one measure in one format, with its file name (no name of a person in either). */
export async function measureEvaluation(measures: MeasuresService, id: string, format: 'pdf' | 'xlsx', today: string) {
  const view = await measures.figuresOnly(id);
  const filename = `Auswertung-${view.startDate.slice(0, 7)}-${view.id.slice(-6)}`;
  return { file: format === 'pdf' ? await evaluationPdf(view, today) : await evaluationXlsx(view, today), filename };
}
