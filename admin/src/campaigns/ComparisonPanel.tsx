// Wave comparison: the same question in two waves of one kind, for the companies that answered both, with each change.
import { useEffect, useState } from 'react';
import { useRecordContext, useTranslate, type TranslateFunction } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Alert, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { Campaign } from '#shared/surveys/schema.ts';
import type { QuestionResult } from '#shared/surveys/results.ts';
import { useApi } from '../data/commands.ts';

import type { Comparison } from '#shared/surveys/results-schema.ts';

const show = (v: unknown) =>
  Array.isArray(v)
    ? v
        .map((x) => (typeof x === 'object' && x ? `${(x as { occupation: string }).occupation} ×${(x as { headcount: number }).headcount}` : String(x)))
        .join(', ')
    : String(v);

function summary(r: QuestionResult, t: TranslateFunction): string {
  if ('mean' in r && r.mean !== undefined && r.mean !== null) return t('amon.ui.campaigns.mittelwert', { mean: r.mean.toLocaleString('de-DE') });
  if ('counts' in r) return r.counts.map((c) => `${c.label}: ${c.count}`).join(', ');
  if ('demand' in r) return r.demand.map((d) => `${d.title}: ${d.headcount}`).join(', ');
  return t('amon.ui.campaigns.n_antworten', { smart_count: r.answered });
}

export function ComparisonPanel() {
  const t = useTranslate();
  const c = useRecordContext<Campaign>();
  const send = useApi();
  const [others, setOthers] = useState<Campaign[]>([]);
  const [other, setOther] = useState('');
  const [question, setQuestion] = useState('');
  useEffect(() => {
    if (!c) return;
    void send<{ items: Campaign[] }>('GET', `/api/campaigns?kind=${c.kind}&limit=100`).then((p) => setOthers(p.items.filter((x) => x.id !== c.id)));
  }, [c, send]);
  const comparison = useQuery({
    queryKey: ['comparison', c?.id, other, question],
    enabled: Boolean(c && other && question),
    queryFn: () => send<Comparison>('GET', `/api/campaigns/${c!.id}/comparison?${new URLSearchParams({ with: other, question })}`),
  });
  const result = comparison.data;
  const error = comparison.error?.message ?? '';
  if (!c) return null;
  const shared = c.questions.filter((q) => others.find((o) => o.id === other)?.questions.some((x) => x.id === q.id && x.type === q.type) ?? true);
  return (
    <Stack spacing={2}>
      {!others.length && <Typography>{t('amon.ui.campaigns.es_gibt_keine_andere_welle_dieser')}</Typography>}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
        <TextField
          select
          size="small"
          label={t('amon.ui.campaigns.vergleichen_mit')}
          value={other}
          onChange={(e) => setOther(e.target.value)}
          sx={{ minWidth: 280 }}
        >
          {others.map((o) => (
            <MenuItem key={o.id} value={o.id}>
              {o.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('amon.ui.campaigns.frage')}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          sx={{ minWidth: 280 }}
        >
          {shared.map((q) => (
            <MenuItem key={q.id} value={q.id}>
              {q.label.de}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {error && <Alert severity="warning">{error}</Alert>}
      {result && (
        <>
          <Typography role="status">{t('amon.ui.campaigns.beide_wellen', { smart_count: result.companies, changed: result.changed })}</Typography>
          <Typography variant="body2">
            {result.waves[0]?.title}: {summary(result.before, t)}
          </Typography>
          <Typography variant="body2">
            {result.waves[1]?.title}: {summary(result.after, t)}
          </Typography>
          <Table size="small" aria-label={t('amon.ui.campaigns.veraenderung_je_betrieb')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('amon.ui.campaigns.betrieb')}</TableCell>
                <TableCell>{result.waves[0]?.title}</TableCell>
                <TableCell>{result.waves[1]?.title}</TableCell>
                <TableCell>{t('amon.ui.campaigns.veraenderung')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {result.rows.map((r) => (
                <TableRow key={r.companyId}>
                  <TableCell>{r.companyName}</TableCell>
                  <TableCell>{show(r.before)}</TableCell>
                  <TableCell>{show(r.after)}</TableCell>
                  <TableCell>{typeof r.change === 'number' && r.change > 0 ? `+${r.change}` : String(r.change)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Stack>
  );
}
