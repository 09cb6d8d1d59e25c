// Import companies from CSV or Excel: read the file in the browser, run a dry run with a report per row, then import all or nothing.
import { useState } from 'react';
import { Title, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { AmonDataProvider } from '../data/dataProvider.ts';
import { Box, Alert, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import Papa from 'papaparse';
import { rowToCompany } from '#shared/companies/import-columns.ts';
import { JobsPanel } from '../jobs/index.ts';
import { cellText } from '../data/spreadsheet.ts';

import type { ImportReport as Report } from '#shared/companies/schema.ts';

async function readRows(file: File): Promise<Record<string, unknown>[]> {
  if (/\.xlsx$/i.test(file.name)) {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(cellText);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(headers.map((h, i) => [h, cellText(values[i])])));
    });
    return rows;
  }
  const text = (await file.text()).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, unknown>>(text, { header: true, skipEmptyLines: true }).data;
}

export default function CompanyImport() {
  const dataProvider = useDataProvider<AmonDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const t = useTranslate();
  const [rows, setRows] = useState<Record<string, unknown>[]>([]);
  const [report, setReport] = useState<Report>();
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    try {
      const result = await dataProvider.send<Report>('POST', '/api/companies/import', { dryRun, rows });
      setReport(result);
      if (!dryRun && result.jobId) {
        setRows([]);
        notify(t('amon.jobs.importing', { smart_count: result.imported }), { type: 'success' });
      }
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Betriebe importieren" />
      <CardContent>
        <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Typography variant="body2">
            CSV (Semikolon oder Komma, UTF-8) oder Excel mit den Spalten Name, WZ-Abschnitt, Größe, Landkreis, PLZ, Straße, Ort, Ansprechperson, E-Mail,
            Telefon, Kammer – so wie der Export sie schreibt.
          </Typography>
          <Button variant="outlined" component="label">
            Datei wählen
            <input
              hidden
              type="file"
              accept=".csv,.xlsx"
              aria-label="Datei für den Import"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setReport(undefined);
                setRows((await readRows(file)).map(rowToCompany));
              }}
            />
          </Button>
          {rows.length > 0 && <Typography>{rows.length} Zeilen gelesen.</Typography>}
          <Stack direction="row" spacing={1}>
            <Button variant="contained" disabled={!rows.length || busy} onClick={() => run(true)}>
              Probelauf
            </Button>
            <Button variant="contained" color="success" disabled={!rows.length || !report || report.errors.length > 0 || busy} onClick={() => run(false)}>
              Importieren
            </Button>
          </Stack>
          {report?.jobId ? (
            <>
              <Box sx={{ alignSelf: 'stretch' }}>
                <JobsPanel subject={{ type: 'company-import', id: report.jobId }} />
              </Box>
              <Button onClick={() => redirect('list', 'companies')}>{t('amon.jobs.to_companies')}</Button>
            </>
          ) : null}
          {report && !report.jobId && (
            <Alert severity={report.errors.length ? 'warning' : 'success'}>
              {report.valid} von {report.rows} Zeilen sind gültig.
              {report.errors.length ? ' Bitte korrigieren Sie die Datei; importiert wird nur, wenn alle Zeilen gültig sind.' : ' Der Import kann starten.'}
            </Alert>
          )}
          {report && report.errors.length > 0 && (
            <Table size="small" aria-label="Fehler je Zeile">
              <TableHead>
                <TableRow>
                  <TableCell>Zeile</TableCell>
                  <TableCell>Feld</TableCell>
                  <TableCell>Grund</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.errors.map((e, i) => (
                  <TableRow key={i}>
                    <TableCell>{e.row}</TableCell>
                    <TableCell>{e.field}</TableCell>
                    <TableCell>{e.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
