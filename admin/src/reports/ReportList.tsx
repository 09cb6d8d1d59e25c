// The reports list view.
import { useState } from 'react';
import { Datagrid, FunctionField, List, TopToolbar, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, TextField } from '@mui/material';
import { useCommand } from '../data/commands.ts';
import { formatDateTime } from '../format.ts';
import { canEdit } from '../auth/permissions.ts';
import { germanMonth as monthName } from '#shared/time.ts';
import type { Report as ReportRecord, ReportListItem as ReportRow } from '#shared/reports/schema.ts';
import { value } from './common.tsx';
import { CursorPagination } from '../data/CursorPagination.tsx';

/** The last 24 months, newest first; the default is the month before this one. */
function recentMonths(): string[] {
  const now = new Date();
  return Array.from({ length: 24 }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - 1 - i, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
}

function GenerateButton() {
  const command = useCommand();
  const t = useTranslate();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const months = recentMonths();
  const [month, setMonth] = useState(months[0]!);
  const [send, setSend] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('amon.ui.reports.bericht_erstellen')}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="generate-title">
        <DialogTitle id="generate-title">{t('amon.ui.reports.monatsbericht_erstellen')}</DialogTitle>
        <DialogContent>
          <TextField select label={t('amon.ui.reports.monat')} value={month} onChange={(e) => setMonth(e.target.value)} fullWidth sx={{ mt: 1 }}>
            {months.map((m) => (
              <MenuItem key={m} value={m}>
                {monthName(m)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={<Checkbox checked={send} onChange={(e) => setSend(e.target.checked)} />}
            label={t('amon.ui.reports.an_die_netzwerkpartner_versenden')}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('amon.ui.reports.abbrechen')}</Button>
          <Button
            variant="contained"
            onClick={async () => {
              const done = await command<ReportRecord & { jobId?: string }>('POST', '/api/reports', { month, send }, (r) =>
                t(r.jobId ? 'amon.jobs.report_made_sending' : 'amon.jobs.report_made', { month: monthName(month) }),
              );
              if (done.ok) {
                setOpen(false);
                redirect('show', 'reports', month);
              }
            }}
          >
            {t('amon.ui.reports.erstellen')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

export default function ReportList() {
  const { permissions } = usePermissions<string[]>();
  return (
    <List
      pagination={<CursorPagination />}
      actions={<TopToolbar>{canEdit(permissions) && <GenerateButton />}</TopToolbar>}
      title="amon.ui.reports.monatsberichte"
      empty={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField label="amon.ui.reports.monat" render={(r: ReportRow) => monthName(r.month)} />
        <FunctionField label="amon.ui.reports.neue_anfragen" render={(r: ReportRow) => value(r, 'inquiries')} />
        <FunctionField label="amon.ui.reports.abschluesse" render={(r: ReportRow) => value(r, 'qualified')} />
        <FunctionField label="amon.ui.reports.erstellt" render={(r: ReportRow) => formatDateTime(r.generatedAt)} />
        <FunctionField
          label="amon.ui.reports.versand"
          render={(r: ReportRow) =>
            r.deliveries
              ? `${r.deliveries.sent} von ${r.deliveries.recipients} versendet${r.deliveries.failed ? `, ${r.deliveries.failed} fehlgeschlagen` : ''}`
              : 'noch nicht versendet'
          }
        />
      </Datagrid>
    </List>
  );
}
