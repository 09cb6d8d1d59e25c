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
      <Button onClick={() => setOpen(true)}>Bericht erstellen</Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="generate-title">
        <DialogTitle id="generate-title">Monatsbericht erstellen</DialogTitle>
        <DialogContent>
          <TextField select label="Monat" value={month} onChange={(e) => setMonth(e.target.value)} fullWidth sx={{ mt: 1 }}>
            {months.map((m) => (
              <MenuItem key={m} value={m}>
                {monthName(m)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={<Checkbox checked={send} onChange={(e) => setSend(e.target.checked)} />}
            label="an die Netzwerkpartner versenden (jede Adresse erhält ihn nur einmal)"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Abbrechen</Button>
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
            Erstellen
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
      title="Monatsberichte"
      empty={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField label="Monat" render={(r: ReportRow) => monthName(r.month)} />
        <FunctionField label="Neue Anfragen" render={(r: ReportRow) => value(r, 'inquiries')} />
        <FunctionField label="Abschlüsse" render={(r: ReportRow) => value(r, 'qualified')} />
        <FunctionField label="Erstellt" render={(r: ReportRow) => formatDateTime(r.generatedAt)} />
        <FunctionField
          label="Versand"
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
