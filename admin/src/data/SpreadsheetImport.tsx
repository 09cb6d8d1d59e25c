// A spreadsheet import (companies, a provider's offers): read CSV or Excel in the browser, map its columns, run a dry
// run with a report per row, then import all or nothing; the job's progress shows where it was started.
import { useState, type ReactNode } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ImportReport } from '#shared/jobs/schema.ts';
import type { JobSubject } from '#shared/jobs/schema.ts';
import type { AmonDataProvider } from './dataProvider.ts';
import { readSpreadsheet } from './spreadsheet.ts';
import { ImportProblems } from './ImportProblems.tsx';
import { JobsPanel } from '../jobs/JobsPanel.tsx';

export function SpreadsheetImport(props: {
  title: string;
  help: string;
  endpoint: string;
  subjectType: Extract<JobSubject['type'], `${string}-import`>;
  mapRow: (row: Record<string, unknown>) => Record<string, unknown>;
  /** Fields sent with the rows (the provider of an offer list); undefined while they are not chosen yet. */
  body?: Record<string, unknown>;
  /** What the page asks before the file (the provider). */
  children?: ReactNode;
  importing: (count: number) => string;
  back: ReactNode;
}) {
  const dataProvider = useDataProvider<AmonDataProvider>();
  const notify = useNotify();
  const t = useTranslate();
  const [rows, setRows] = useState<Record<string, unknown>[]>([]);
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState(false);
  const ready = rows.length > 0 && props.body !== undefined && !busy;

  const run = async (dryRun: boolean) => {
    setBusy(true);
    try {
      const result = await dataProvider.send<ImportReport>('POST', props.endpoint, { ...props.body, dryRun, rows });
      setReport(result);
      if (!dryRun && result.jobId) {
        setRows([]);
        notify(props.importing(result.imported), { type: 'success' });
      }
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={props.title} />
      <CardContent>
        <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Typography variant="body2">{props.help}</Typography>
          {props.children}
          <Button variant="outlined" component="label">
            {t('amon.import.choose_file')}
            <input
              hidden
              type="file"
              accept=".csv,.xlsx"
              aria-label={t('amon.import.file_label')}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setReport(undefined);
                setRows((await readSpreadsheet(file)).map(props.mapRow));
              }}
            />
          </Button>
          {rows.length > 0 && <Typography>{t('amon.import.rows_read', { smart_count: rows.length })}</Typography>}
          <Stack direction="row" spacing={1}>
            <Button variant="contained" disabled={!ready} onClick={() => run(true)}>
              {t('amon.import.dry_run')}
            </Button>
            <Button variant="contained" color="success" disabled={!ready || !report || report.errors.length > 0} onClick={() => run(false)}>
              {t('amon.import.run')}
            </Button>
          </Stack>
          {report?.jobId ? (
            <>
              <Box sx={{ alignSelf: 'stretch' }}>
                <JobsPanel subject={{ type: props.subjectType, id: report.jobId }} />
              </Box>
              {props.back}
            </>
          ) : null}
          {report && !report.jobId && (
            <Alert severity={report.errors.length ? 'warning' : 'success'}>
              {t('amon.import.valid_of', { valid: report.valid, rows: report.rows })}{' '}
              {t(report.errors.length ? 'amon.import.fix_file' : 'amon.import.may_start')}
            </Alert>
          )}
          {report && report.errors.length > 0 && (
            <ImportProblems
              label={t('amon.import.errors')}
              heads={[t('amon.import.row'), t('amon.import.field'), t('amon.import.reason')]}
              rows={report.errors.map((e) => [e.row, e.field, e.reason])}
            />
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
