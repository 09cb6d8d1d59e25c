// Adopting an old database (admins): cases, their counselling sessions and plan modules from CSV or Excel. Each table's
// columns are mapped to the fields (suggested from the heads), the status words and the counsellors of the file to
// ours; a dry run reports every problem by table, row and column and names the case a person already has; then all
// or nothing, as a job whose progress shows here.
import { useMemo, useState } from 'react';
import { Title, useDataProvider, useGetList, useNotify, useRedirect, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import UploadIcon from '@mui/icons-material/Upload';
import DownloadIcon from '@mui/icons-material/Download';
import { IMPORT_FIELDS, IMPORT_SHEETS, readEnum, suggestMapping, type ImportSheet } from '#shared/cases/import-columns.ts';
import type { CaseImportReport } from '#shared/cases/import-schema.ts';
import { CASE_STATUSES } from '#shared/cases/schema.ts';
import type { User } from '#shared/users/schema.ts';
import type { AmonDataProvider } from '../data/dataProvider.ts';
import { downloadBlob, readWorkbook, type SheetRows } from '../data/spreadsheet.ts';
import { ImportProblems } from '../data/ImportProblems.tsx';
import { JobsPanel } from '../jobs/JobsPanel.tsx';

type Table = { fileName: string; sheets: SheetRows[]; sheet: number; mapping: Record<string, string> };
type Tables = Partial<Record<ImportSheet, Table>>;

/** The worksheet a table most likely is, by its name ("Beratungstermine", "Bausteine"). */
const SHEET_WORDS: Record<ImportSheet, RegExp> = {
  cases: /fall|fälle|faelle|teilnehm|person/i,
  sessions: /beratung|termin|gespr/i,
  modules: /baustein|modul|qualifiz/i,
};
const STATUS_FIELD = IMPORT_FIELDS.cases.find((f) => f.field === 'status')!;

/**
 * A select in a table row, named by what it maps (no visible label of its own): the name replaces MUI's default,
 * which would be the value shown. Its empty choice ("nicht übernehmen") shows as such.
 */
const named = (label: string) => ({ select: { displayEmpty: true, SelectDisplayProps: { 'aria-label': label, 'aria-labelledby': undefined } } });

const sheetOf = (table: Table | undefined) => table?.sheets[table.sheet];
/** The distinct non-empty values of the column mapped to `field`. */
function valuesOf(table: Table | undefined, field: string): string[] {
  const sheet = sheetOf(table);
  const header = Object.entries(table?.mapping ?? {}).find(([, f]) => f === field)?.[0];
  if (!sheet || !header) return [];
  return [...new Set(sheet.rows.map((r) => (r.cells[header] ?? '').trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'de'));
}

/** A template with the three tables and their heads, to fill in or to compare an export with. */
async function template(): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'amoN';
  const names: Record<ImportSheet, string> = { cases: 'Fälle', sessions: 'Beratungstermine', modules: 'Bausteine' };
  for (const sheet of IMPORT_SHEETS) {
    const ws = workbook.addWorksheet(names[sheet], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = IMPORT_FIELDS[sheet].map((f) => ({ header: f.header, width: Math.max(12, f.header.length + 2) }));
    ws.getRow(1).font = { bold: true };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export default function CaseImport() {
  const t = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<AmonDataProvider>();
  const [tables, setTables] = useState<Tables>({});
  const [statusMap, setStatusMap] = useState<Record<string, string>>({});
  const [counsellorMap, setCounsellorMap] = useState<Record<string, string>>({});
  const [counsellor, setCounsellor] = useState('');
  const [skipDuplicates, setSkipDuplicates] = useState(false);
  const [report, setReport] = useState<CaseImportReport>();
  const [busy, setBusy] = useState(false);
  const { data: users = [], error: usersError } = useGetList<User>('users', { pagination: { page: 1, perPage: 100 } });
  const staff = users.filter((u) => u.enabled && (u.roles.includes('counsellor') || u.roles.includes('admin')));

  const statuses = useMemo(() => valuesOf(tables.cases, 'status'), [tables.cases]);
  const counsellors = useMemo(() => valuesOf(tables.cases, 'counsellorId'), [tables.cases]);
  /** A status word of the file as mapped: chosen, or read as our word or code. */
  const statusOf = (value: string) =>
    statusMap[value] ??
    (() => {
      const read = readEnum(STATUS_FIELD, value);
      return 'value' in read ? read.value : '';
    })();
  /** A counsellor named in the file: chosen, or the staff member with that e-mail address or name. */
  const counsellorOf = (value: string) =>
    counsellorMap[value] ?? staff.find((u) => u.email.toLowerCase() === value.toLowerCase() || u.name.toLowerCase() === value.toLowerCase())?.id ?? '';

  const changed = () => {
    setReport(undefined);
    setSkipDuplicates(false);
  };
  const setTable = (sheet: ImportSheet, table: Table | undefined) => {
    changed();
    setTables((all) => ({ ...all, [sheet]: table }));
  };
  const tableOf = (fileName: string, sheets: SheetRows[], sheet: ImportSheet, index: number): Table => ({
    fileName,
    sheets,
    sheet: index,
    mapping: suggestMapping(sheet, sheets[index]?.headers ?? []),
  });

  const choose = async (sheet: ImportSheet, file: File) => {
    // While a file is read, nothing is sent: the dry run would check the table it replaces.
    setBusy(true);
    let sheets: SheetRows[];
    try {
      sheets = await readWorkbook(file);
    } catch {
      notify('amon.case_import.unreadable', { type: 'error', messageArgs: { file: file.name } });
      return;
    } finally {
      setBusy(false);
    }
    const byName = (s: ImportSheet) => sheets.findIndex((x) => SHEET_WORDS[s].test(x.name));
    const index = sheets.length > 1 ? Math.max(0, byName(sheet)) : 0;
    changed();
    setTables((all) => {
      const next: Tables = { ...all, [sheet]: tableOf(file.name, sheets, sheet, index) };
      // One workbook with all three tables: the others are taken from it too, unless chosen already.
      if (sheet === 'cases' && sheets.length > 1)
        for (const other of ['sessions', 'modules'] as const) {
          const i = byName(other);
          if (i >= 0 && i !== index && !all[other]) next[other] = tableOf(file.name, sheets, other, i);
        }
      return next;
    });
  };

  /** The rows as the API takes them: a cell per mapped field, statuses and counsellors as mapped. */
  const rowsOf = (sheet: ImportSheet) => {
    const table = tables[sheet];
    const current = sheetOf(table);
    if (!table || !current) return [];
    return current.rows.map(({ cells }) => {
      const row: Record<string, string> = {};
      for (const [header, field] of Object.entries(table.mapping)) {
        const value = (cells[header] ?? '').trim();
        if (!field || !value) continue;
        if (sheet === 'cases' && field === 'status') row[field] = statusOf(value) || value;
        else if (sheet === 'cases' && field === 'counsellorId') {
          const id = counsellorOf(value);
          if (id) row[field] = id;
        } else row[field] = value;
      }
      return row;
    });
  };
  /** The row of the file a reported row stands for (empty rows are not sent). */
  const lineOf = (sheet: ImportSheet, row: number) => sheetOf(tables[sheet])?.rows[row - 2]?.line ?? row;
  const headerOf = (sheet: ImportSheet, field: string) => Object.entries(tables[sheet]?.mapping ?? {}).find(([, f]) => f === field)?.[0];

  const missing = IMPORT_SHEETS.flatMap((sheet) =>
    tables[sheet]
      ? IMPORT_FIELDS[sheet].filter((f) => f.required && !Object.values(tables[sheet]!.mapping).includes(f.field)).map((f) => ({ sheet, field: f.field }))
      : [],
  );
  const unmappedStatuses = statuses.filter((s) => !statusOf(s));
  const ready = Boolean(sheetOf(tables.cases)?.rows.length) && counsellor !== '' && missing.length === 0 && unmappedStatuses.length === 0 && !busy;
  const clean = report && report.problems === 0 && (report.duplicates.length === 0 || skipDuplicates);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    try {
      const result = await dataProvider.send<CaseImportReport>('POST', '/api/cases/import', {
        dryRun,
        skipDuplicates,
        counsellorId: counsellor,
        cases: rowsOf('cases'),
        sessions: rowsOf('sessions'),
        modules: rowsOf('modules'),
      });
      setReport(result);
      if (!dryRun && result.jobId) notify(t('amon.case_import.importing', { smart_count: result.imported }), { type: 'success' });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (report?.jobId)
    return (
      <Card sx={{ mt: 2 }}>
        <Title title={t('amon.case_import.title')} />
        <CardContent>
          <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Alert severity="success">
              {t('amon.case_import.started', { smart_count: report.imported })}
              {report.skipped ? ` ${t('amon.case_import.skipped', { smart_count: report.skipped })}` : ''}
            </Alert>
            <Box sx={{ alignSelf: 'stretch' }}>
              <JobsPanel subject={{ type: 'case-import', id: report.jobId }} />
            </Box>
            <Button onClick={() => redirect('list', 'cases')}>{t('amon.case_import.to_cases')}</Button>
          </Stack>
        </CardContent>
      </Card>
    );

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('amon.case_import.title')} />
      <CardContent>
        <Stack spacing={3} sx={{ alignItems: 'flex-start' }}>
          <Typography variant="body2" sx={{ maxWidth: '80ch' }}>
            {t('amon.case_import.help')}
          </Typography>
          <Button size="small" startIcon={<DownloadIcon />} onClick={async () => downloadBlob(await template(), 'fallimport-vorlage.xlsx')}>
            {t('amon.case_import.template')}
          </Button>
          {usersError ? <Alert severity="error">{usersError.message}</Alert> : null}

          {IMPORT_SHEETS.map((sheet) => {
            const table = tables[sheet];
            const current = sheetOf(table);
            return (
              <Box key={sheet} component="section" aria-labelledby={`import-${sheet}`} sx={{ alignSelf: 'stretch' }}>
                <Typography id={`import-${sheet}`} variant="h6" component="h2">
                  {t(`amon.case_import.sheets.${sheet}`)}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {t(`amon.case_import.sheet_help.${sheet}`)}
                </Typography>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Button variant="outlined" component="label" startIcon={<UploadIcon />}>
                    {t('amon.import.choose_file')}
                    <input
                      hidden
                      type="file"
                      accept=".csv,.xlsx"
                      aria-label={t('amon.case_import.file_for', { table: t(`amon.case_import.sheets.${sheet}`) })}
                      onChange={async (e) => {
                        const file = e.target.files?.[0];
                        e.target.value = '';
                        if (file) await choose(sheet, file);
                      }}
                    />
                  </Button>
                  {table && table.sheets.length > 1 && (
                    <TextField
                      select
                      size="small"
                      label={t('amon.case_import.worksheet')}
                      value={table.sheet}
                      onChange={(e) => setTable(sheet, tableOf(table.fileName, table.sheets, sheet, Number(e.target.value)))}
                      sx={{ width: 280 }}
                    >
                      {table.sheets.map((s, i) => (
                        <MenuItem key={i} value={i}>
                          {s.name}
                        </MenuItem>
                      ))}
                    </TextField>
                  )}
                  {table && (
                    <Typography variant="body2">
                      {table.fileName}: {t('amon.import.rows_read', { smart_count: current?.rows.length ?? 0 })}
                    </Typography>
                  )}
                  {table && sheet !== 'cases' && (
                    <Button size="small" onClick={() => setTable(sheet, undefined)}>
                      {t('amon.case_import.remove_table')}
                    </Button>
                  )}
                </Stack>
                {table && current && (
                  <Table
                    size="small"
                    aria-label={t('amon.case_import.mapping_of', { table: t(`amon.case_import.sheets.${sheet}`) })}
                    sx={{ mt: 1, maxWidth: 900 }}
                  >
                    <TableHead>
                      <TableRow>
                        <TableCell>{t('amon.case_import.column')}</TableCell>
                        <TableCell>{t('amon.case_import.example')}</TableCell>
                        <TableCell>{t('amon.case_import.take_as')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {current.headers.map((header) => (
                        <TableRow key={header}>
                          <TableCell>{header}</TableCell>
                          <TableCell sx={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                            {current.rows[0]?.cells[header] ?? ''}
                          </TableCell>
                          <TableCell>
                            <RowSelect
                              label={t('amon.case_import.take_column_as', { column: header })}
                              value={table.mapping[header] ?? ''}
                              empty={t('amon.case_import.not_taken')}
                              options={IMPORT_FIELDS[sheet].map((f) => ({
                                id: f.field,
                                name: `${t(`amon.case_import.fields.${f.field}`)}${f.required ? ' *' : ''}`,
                              }))}
                              onChange={(field) => {
                                const mapping = Object.fromEntries(Object.entries(table.mapping).filter(([h, f]) => h !== header && f !== field));
                                if (field) mapping[header] = field;
                                setTable(sheet, { ...table, mapping });
                              }}
                            />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </Box>
            );
          })}

          {missing.length > 0 && (
            <Alert severity="warning">
              {t('amon.case_import.missing', {
                fields: missing.map((m) => `${t(`amon.case_import.sheets.${m.sheet}`)}: ${t(`amon.case_import.fields.${m.field}`)}`).join(', '),
              })}
            </Alert>
          )}

          {tables.cases && (
            <Box component="section" aria-labelledby="import-values" sx={{ alignSelf: 'stretch' }}>
              <Typography id="import-values" variant="h6" component="h2">
                {t('amon.case_import.values')}
              </Typography>
              <Stack spacing={2} sx={{ mt: 1, alignItems: 'flex-start' }}>
                <TextField
                  select
                  required
                  label={t('amon.case_import.default_counsellor')}
                  helperText={t('amon.case_import.default_counsellor_help')}
                  value={counsellor}
                  onChange={(e) => {
                    changed();
                    setCounsellor(e.target.value);
                  }}
                  sx={{ width: 480 }}
                >
                  {staff.map((u) => (
                    <MenuItem key={u.id} value={u.id}>
                      {u.name} ({u.email})
                    </MenuItem>
                  ))}
                </TextField>
                {statuses.length > 0 && (
                  <ValueTable
                    caption={t('amon.case_import.status_values')}
                    head={t('amon.case_import.status_in_file')}
                    values={statuses}
                    chosen={statusOf}
                    label={(value) => t('amon.case_import.status_for', { value })}
                    options={CASE_STATUSES.map((s) => ({ id: s, name: t(`amon.case_status.${s}`) }))}
                    empty={t('amon.case_import.choose')}
                    onChange={(value, id) => {
                      changed();
                      setStatusMap((m) => ({ ...m, [value]: id }));
                    }}
                  />
                )}
                {counsellors.length > 0 && (
                  <ValueTable
                    caption={t('amon.case_import.counsellor_values')}
                    head={t('amon.case_import.counsellor_in_file')}
                    values={counsellors}
                    chosen={counsellorOf}
                    label={(value) => t('amon.case_import.counsellor_for', { value })}
                    options={staff.map((u) => ({ id: u.id, name: `${u.name} (${u.email})` }))}
                    empty={t('amon.case_import.default_counsellor_short')}
                    onChange={(value, id) => {
                      changed();
                      setCounsellorMap((m) => ({ ...m, [value]: id }));
                    }}
                  />
                )}
              </Stack>
            </Box>
          )}

          <Stack direction="row" spacing={1}>
            <Button variant="contained" disabled={!ready} onClick={() => run(true)}>
              {t('amon.import.dry_run')}
            </Button>
            <Button variant="contained" color="success" disabled={!ready || !clean} onClick={() => run(false)}>
              {t('amon.import.run')}
            </Button>
          </Stack>

          {report && (
            <Alert severity={report.problems || (report.duplicates.length && !skipDuplicates) ? 'warning' : 'success'} role="status">
              {t('amon.case_import.summary', {
                valid: report.valid,
                smart_count: report.rows.cases,
                sessions: report.rows.sessions,
                modules: report.rows.modules,
              })}{' '}
              {report.problems
                ? t('amon.case_import.problems', { smart_count: report.problems })
                : report.duplicates.length && !skipDuplicates
                  ? t('amon.case_import.duplicates_first')
                  : t('amon.import.may_start')}
            </Alert>
          )}
          {report && report.duplicates.length > 0 && (
            <Box sx={{ alignSelf: 'stretch' }}>
              <Table size="small" aria-label={t('amon.case_import.duplicates')} sx={{ maxWidth: 700 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('amon.import.row')}</TableCell>
                    <TableCell>{t('amon.case_import.existing_case')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.duplicates.map((d) => (
                    <TableRow key={d.row}>
                      <TableCell>{lineOf('cases', d.row)}</TableCell>
                      <TableCell>{t('amon.case_import.same_person', { number: d.number })}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <FormControlLabel
                control={<Checkbox checked={skipDuplicates} onChange={(e) => setSkipDuplicates(e.target.checked)} />}
                label={t('amon.case_import.skip_duplicates', { smart_count: report.duplicates.length })}
              />
            </Box>
          )}
          {report && report.errors.length > 0 && (
            <ImportProblems
              label={t('amon.case_import.problem_list')}
              heads={[t('amon.case_import.table'), t('amon.import.row'), t('amon.case_import.column'), t('amon.import.reason')]}
              rows={report.errors.map((e) => [
                t(`amon.case_import.sheets.${e.sheet}`),
                lineOf(e.sheet, e.row),
                headerOf(e.sheet, e.field) ?? t(`amon.case_import.fields.${e.field}`, { _: e.field }),
                e.reason,
              ])}
            />
          )}
          {report && report.problems > report.errors.length && (
            <Typography variant="body2">{t('amon.case_import.more_problems', { smart_count: report.problems - report.errors.length })}</Typography>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** The values of one column mapped to ours: one select per distinct value. */
function ValueTable(props: {
  caption: string;
  head: string;
  values: string[];
  chosen: (value: string) => string;
  label: (value: string) => string;
  options: { id: string; name: string }[];
  empty: string;
  onChange: (value: string, id: string) => void;
}) {
  return (
    <Table size="small" aria-label={props.caption} sx={{ maxWidth: 700 }}>
      <TableHead>
        <TableRow>
          <TableCell>{props.head}</TableCell>
          <TableCell>{props.caption}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.values.map((value) => (
          <TableRow key={value}>
            <TableCell>{value}</TableCell>
            <TableCell>
              <RowSelect
                label={props.label(value)}
                value={props.chosen(value)}
                empty={props.empty}
                options={props.options}
                onChange={(id) => props.onChange(value, id)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A select in a table row, named by what it maps; its empty choice shows as such. */
function RowSelect(props: { label: string; value: string; empty: string; options: { id: string; name: string }[]; onChange: (id: string) => void }) {
  return (
    <TextField select size="small" value={props.value} slotProps={named(props.label)} onChange={(e) => props.onChange(e.target.value)} sx={{ minWidth: 260 }}>
      <MenuItem value="">{props.empty}</MenuItem>
      {props.options.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {o.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
