// The reports page view.
import { useEffect, useState } from 'react';
import { FunctionField, Show, TabbedShowLayout, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Alert, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { STATUS_LABELS } from '#shared/reports/model.ts';
import { change } from '#shared/reports/document.ts';
import type { Delivery } from '#shared/reports/model.ts';
import { JobsPanel } from '../jobs/JobsPanel.tsx';
import { useApi, useCommand, useDownload } from '../data/commands.ts';
import { formatDateTime } from '../format.ts';
import { canEdit } from '../auth/permissions.ts';
import { germanMonth as monthName } from '#shared/time.ts';
import type { Report as ReportRecord } from '#shared/reports/schema.ts';

function Files() {
  const t = useTranslate();
  const r = useRecordContext<ReportRecord>();
  const download = useDownload();
  if (!r) return null;
  return (
    <Stack direction="row" spacing={1}>
      <Button variant="contained" onClick={() => download(`/api/reports/${r.month}/pdf`, `Monatsbericht-${r.month}.pdf`)}>
        {t('amon.ui.reports.pdf_herunterladen')}
      </Button>
      <Button onClick={() => download(`/api/reports/${r.month}/html`, `Monatsbericht-${r.month}.html`)}>{t('amon.ui.reports.html_herunterladen')}</Button>
    </Stack>
  );
}

function FiguresPanel() {
  const t = useTranslate();
  const r = useRecordContext<ReportRecord>();
  // The list's row (without figures) stands in until the report itself has loaded.
  if (!r?.figures) return <Typography>{t('amon.ui.reports.bericht_wird_geladen')}</Typography>;
  const f = r.figures;
  return (
    <Stack spacing={3}>
      <Files />
      <ResponsiveContainer width="100%" height={Math.max(240, f.headlines.length * 28)}>
        <BarChart data={f.headlines.map((h) => ({ name: h.label, count: h.value }))} layout="vertical" margin={{ left: 40 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={240} interval={0} />
          <Tooltip />
          <Bar dataKey="count" name={t('amon.ui.reports.anzahl')} fill="#0b5cad" />
        </BarChart>
      </ResponsiveContainer>
      <Table size="small" aria-label={t('amon.ui.reports.kennzahlen')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('amon.ui.reports.kennzahl')}</TableCell>
            <TableCell align="right">{monthName(f.month)}</TableCell>
            <TableCell align="right">{t('amon.ui.reports.zum_vormonat')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {f.headlines.map((h) => (
            <TableRow key={h.id}>
              <TableCell>{h.label}</TableCell>
              <TableCell align="right">{h.value}</TableCell>
              <TableCell align="right">{change(h)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography>
        {t('amon.ui.reports.abschluesse_satz', {
          month: f.qualifications.month,
          year: f.qualifications.yearToDate,
          since: f.qualifications.sinceStart,
          target: f.qualifications.target,
        })}
      </Typography>
      <Typography variant="subtitle1" component="h3">
        {t('amon.ui.reports.faelle_nach_status')}
      </Typography>
      <Typography>
        {Object.entries(f.statusNow)
          .map(([k, v]) => `${STATUS_LABELS[k] ?? k}: ${v}`)
          .join(' · ')}
      </Typography>
      {f.breakdowns.map((b) => {
        const cells = Object.entries(b.breakdown.cells).filter(([, c]) => c !== 0);
        if (!cells.length) return null;
        return (
          <Table key={b.id} size="small" aria-label={`${b.of} ${b.label}`} sx={{ maxWidth: 560 }}>
            <TableHead>
              <TableRow>
                <TableCell>
                  {b.of} {b.label}
                </TableCell>
                <TableCell align="right">{t('amon.ui.reports.anzahl')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {cells.map(([k, c]) => (
                <TableRow key={k}>
                  <TableCell>{b.labels[k] ?? k}</TableCell>
                  <TableCell align="right">{c}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        );
      })}
      <Typography variant="caption">{t('amon.ui.reports.werte_von_1_oder_2_erscheinen_als_lt')}</Typography>
    </Stack>
  );
}

/** The recipients of one month's report (bounded by the subscribers), read again after each send. */
function useDeliveries(month: string | undefined, version: number): { list: Delivery[]; error?: string } {
  const send = useApi();
  const [state, setState] = useState<{ list: Delivery[]; error?: string }>({ list: [] });
  useEffect(() => {
    if (month)
      void send<Delivery[]>('GET', `/api/reports/${month}/deliveries`).then(
        (list) => setState({ list }),
        (error: unknown) => setState({ list: [], error: (error as Error).message }),
      );
  }, [month, version, send]);
  return state;
}

function DeliveriesPanel() {
  const r = useRecordContext<ReportRecord>();
  const command = useCommand();
  const { permissions } = usePermissions<string[]>();
  const t = useTranslate();
  const [version, setVersion] = useState(0);
  const { list, error } = useDeliveries(r?.month, version);
  if (!r) return null;
  if (!canEdit(permissions)) return <Typography>{t('amon.ui.reports.nur_koordination_und_verwaltung')}</Typography>;
  return (
    <Stack spacing={1}>
      {/* Each send's progress; when one ends, the list below is read again. */}
      <JobsPanel subject={{ type: 'report', id: r.month }} onEnded={() => setVersion((v) => v + 1)} />
      <Typography>
        {r.deliveries
          ? t('amon.ui.reports.versandstand', {
              sent: r.deliveries.sent,
              smart_count: r.deliveries.recipients,
              failed: r.deliveries.failed,
              pending: r.deliveries.pending,
              last: formatDateTime(r.deliveries.lastRunAt),
            })
          : t('amon.ui.reports.noch_nicht_versendet')}
      </Typography>
      <Button
        sx={{ alignSelf: 'flex-start' }}
        variant="contained"
        onClick={async () =>
          (await command('POST', `/api/reports/${r.month}/deliveries`, undefined, t('amon.jobs.report_sending'))).ok && setVersion(version + 1)
        }
      >
        {t('amon.ui.reports.an_alle_versenden_die_ihn_noch_nicht')}
      </Button>
      {error && (
        <Alert severity="error" onClose={() => setVersion((v) => v + 1)}>
          {t('amon.table.failed', { message: error })}
        </Alert>
      )}
      <Table size="small" aria-label={t('amon.ui.reports.empfaengerinnen_und_empfaenger')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('amon.ui.reports.netzwerkpartner')}</TableCell>
            <TableCell>{t('amon.ui.reports.kontakt')}</TableCell>
            <TableCell>{t('amon.ui.reports.status')}</TableCell>
            <TableCell>{t('amon.ui.reports.versuche')}</TableCell>
            <TableCell>{t('amon.ui.reports.versendet')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {list.map((d) => (
            <TableRow key={d.recipient}>
              <TableCell>{d.memberName}</TableCell>
              <TableCell>
                {d.contactName} &lt;{d.email}&gt;
              </TableCell>
              <TableCell>
                {t(`amon.vocab.delivery_status.${d.status}`)}
                {d.error ? ` (${d.error})` : ''}
              </TableCell>
              <TableCell>{d.attempts}</TableCell>
              <TableCell>{d.sentAt ? formatDateTime(d.sentAt) : '–'}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  onClick={async () =>
                    (await command('POST', `/api/reports/${r.month}/resend`, { recipient: d.recipient }, t('amon.jobs.report_resending', { email: d.email })))
                      .ok && setVersion(version + 1)
                  }
                >
                  {t('amon.ui.reports.erneut_senden')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}

export default function ReportShow() {
  return (
    <Show title="amon.ui.reports.monatsbericht">
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="amon.ui.reports.bericht">
          <FunctionField label="amon.ui.reports.monat" render={(r: ReportRecord) => monthName(r.month)} />
          <FunctionField
            label="amon.ui.reports.erstellt"
            render={(r: ReportRecord) => `${formatDateTime(r.generatedAt)} von ${r.generatedBy}${r.runs > 1 ? ` (${r.runs}. Lauf)` : ''}`}
          />
          <FiguresPanel />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="amon.ui.reports.versand" path="versand">
          <DeliveriesPanel />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
