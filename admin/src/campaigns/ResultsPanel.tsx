// Results of a campaign: response rates, a chart or table per question, filters by sector, district and size, CSV and Excel exports.
import { QueryState, useApiQuery } from '../data/queries.tsx';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Button, Card, CardContent, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { labelIn, TIMEFRAMES, type OccupationRow, type Question } from '#shared/surveys/questions.ts';
import type { Campaign } from '#shared/surveys/schema.ts';
import type { QuestionResult, ResponseRow, Results } from '#shared/surveys/results.ts';
import { districtChoices, sectorChoices, sizeChoices } from '../companies/choices.ts';
import { DISTRICT_LABELS } from '#shared/regions.ts';
import { downloadBlob, toCsv, toXlsx, type Column } from '../data/spreadsheet.ts';
import { vocabGerman } from '../i18n/vocab-de.ts';
import { useApi } from '../data/commands.ts';
import { formatDateTime } from '../format.ts';

const percent = (n: number) => `${Math.round(n * 100)} %`;

function Chart({ data }: { data: { name: string; count: number }[] }) {
  const t = useTranslate();
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, data.length * 34)}>
      <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={180} />
        <Tooltip />
        <Bar dataKey="count" name={t('amon.ui.campaigns.anzahl')} fill="#0b5cad" />
      </BarChart>
    </ResponsiveContainer>
  );
}

function QuestionCard({ q }: { q: QuestionResult }) {
  const t = useTranslate();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          {q.label}{' '}
          <Typography component="span" variant="body2" color="text.secondary">
            ({t('amon.ui.campaigns.n_antworten', { smart_count: q.answered })})
          </Typography>
        </Typography>
        {(q.type === 'single' || q.type === 'multiple' || q.type === 'scale') && (
          <>
            {q.type === 'scale' && (
              <Typography variant="body2">{t('amon.ui.campaigns.mittelwert', { mean: q.mean?.toLocaleString('de-DE') ?? '–' })}</Typography>
            )}
            <Chart data={q.counts.map((c) => ({ name: c.label, count: c.count }))} />
          </>
        )}
        {q.type === 'number' && (
          <>
            <Typography variant="body2">
              {t('amon.ui.campaigns.mittelwert_median', { mean: q.mean?.toLocaleString('de-DE') ?? '–', median: q.median?.toLocaleString('de-DE') ?? '–' })}
            </Typography>
            <Chart data={q.bins.map((b) => ({ name: b.from === b.to ? String(b.from) : `${b.from}–${b.to}`, count: b.count }))} />
          </>
        )}
        {q.type === 'text' && (
          <ul>
            {q.texts.map((t, i) => (
              <li key={i}>
                <strong>{t.companyName}:</strong> {t.text}
              </li>
            ))}
          </ul>
        )}
        {q.type === 'occupations' && (
          <Table size="small" aria-label={t('amon.ui.campaigns.bedarf_frage', { label: q.label })}>
            <TableHead>
              <TableRow>
                <TableCell>{t('amon.ui.campaigns.beruf')}</TableCell>
                <TableCell align="right">{t('amon.ui.campaigns.personen')}</TableCell>
                <TableCell align="right">{t('amon.ui.campaigns.betriebe')}</TableCell>
                <TableCell align="right">{t('amon.ui.campaigns.davon_geringqualifizierte')}</TableCell>
                <TableCell align="right">{t('amon.ui.campaigns.davon_zugewanderte')}</TableCell>
                {TIMEFRAMES.map((frame) => (
                  <TableCell key={frame} align="right">
                    {t(`amon.vocab.timeframes.${frame}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {q.demand.map((d) => (
                <TableRow key={d.occupation}>
                  <TableCell>
                    {d.title} ({d.occupation})
                  </TableCell>
                  <TableCell align="right">{d.headcount}</TableCell>
                  <TableCell align="right">{d.companies}</TableCell>
                  <TableCell align="right">{d.lowSkilled}</TableCell>
                  <TableCell align="right">{d.migrant}</TableCell>
                  {TIMEFRAMES.map((frame) => (
                    <TableCell key={frame} align="right">
                      {d.byTimeframe[frame]}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

/** The spreadsheet of the answers is a German document, as the report is. One column per question, in words: choice labels, sector and district names, Berlin times; occupation tables as "Beruf ×Anzahl (Zeitraum)" lists. */
function responseColumns(c: Campaign): Column<ResponseRow>[] {
  const titles = new Map(c.occupations.map((o) => [o.code, o.title]));
  const nameOf = (choices: { id: string; name: string }[]) => (id: string) => choices.find((x) => x.id === id)?.name ?? id;
  const show = (v: unknown, q: Question) => {
    if (v === undefined) return '';
    if (q.type === 'occupations')
      return (v as OccupationRow[])
        .map(
          (r) =>
            `${titles.get(r.occupation) ?? r.occupation} ×${r.headcount} (${vocabGerman.timeframes[r.timeframe]}${r.lowSkilled ? ', Geringqualifizierte' : ''}${r.migrant ? ', Zugewanderte' : ''})`,
        )
        .join('; ');
    if (q.type === 'single' || q.type === 'multiple') {
      const label = (value: string) => labelIn(q.choices.find((x) => x.value === value)?.label, 'de') || value;
      return Array.isArray(v) ? v.map(label).join(', ') : label(v as string);
    }
    return v as string | number;
  };
  return [
    { header: 'Betrieb', value: (r) => r.companyName },
    { header: 'Branche', value: (r) => nameOf(sectorChoices)(r.wzSection) },
    { header: 'Landkreis', value: (r) => DISTRICT_LABELS[r.district as keyof typeof DISTRICT_LABELS] ?? r.district },
    { header: 'Größe', value: (r) => vocabGerman.size_classes[r.sizeClass as keyof typeof vocabGerman.size_classes] ?? r.sizeClass },
    { header: 'Beantwortet', value: (r) => (r.submittedAt ? formatDateTime(r.submittedAt) : '') },
    { header: 'Version', value: (r) => r.version },
    ...c.questions.map((q): Column<ResponseRow> => ({ header: labelIn(q.label, 'de'), value: (r) => show(r.answers[q.id], q) })),
  ];
}

type AggregateRow = { question: string; item: string; value: number | string };
function aggregateRows(results: Results): AggregateRow[] {
  return results.questions.flatMap((q): AggregateRow[] => {
    if (q.type === 'single' || q.type === 'multiple' || q.type === 'scale') return q.counts.map((c) => ({ question: q.label, item: c.label, value: c.count }));
    if (q.type === 'number')
      return [
        { question: q.label, item: 'Mittelwert', value: q.mean ?? '' },
        { question: q.label, item: 'Median', value: q.median ?? '' },
        ...q.bins.map((b) => ({ question: q.label, item: `${b.from}–${b.to}`, value: b.count })),
      ];
    if (q.type === 'occupations') return q.demand.map((d) => ({ question: q.label, item: `${d.title} (${d.occupation})`, value: d.headcount }));
    return q.type === 'text' ? [{ question: q.label, item: 'Textantworten', value: q.texts.length }] : [];
  });
}

export function ResultsPanel() {
  const t = useTranslate();
  const c = useRecordContext<Campaign>();
  const send = useApi();
  const [filter, setFilter] = useState<Record<string, string>>({});
  const query = useApiQuery<Results>(c ? `/api/campaigns/${c.id}/results?${new URLSearchParams(Object.entries(filter).filter(([, v]) => v))}` : undefined, {
    version: c?.version,
    keepPrevious: true,
  });
  if (!c) return null;
  if (!query.data)
    return (
      <QueryState query={query} loading={t('amon.ui.campaigns.ergebnisse_werden_geladen')}>
        {() => null}
      </QueryState>
    );
  const results = query.data;

  const exportResponses = async (kind: 'csv' | 'xlsx') => {
    const rows: ResponseRow[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ResponseRow[]; nextCursor: string | null } = await send(
        'GET',
        `/api/campaigns/${c.id}/responses?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const columns = responseColumns(c);
    downloadBlob(kind === 'csv' ? toCsv(rows, columns) : await toXlsx(rows, columns, 'Antworten'), `antworten-${c.opensOn}.${kind}`);
  };
  const exportAggregates = async (kind: 'csv' | 'xlsx') => {
    const columns: Column<AggregateRow>[] = [
      { header: 'Frage', value: (r) => r.question },
      { header: 'Antwort', value: (r) => r.item },
      { header: 'Wert', value: (r) => r.value },
    ];
    const rows = aggregateRows(results);
    downloadBlob(kind === 'csv' ? toCsv(rows, columns) : await toXlsx(rows, columns, 'Auswertung'), `auswertung-${c.opensOn}.${kind}`);
  };
  const select = (name: string, label: string, options: { id: string; name: string }[]) => (
    <TextField
      select
      size="small"
      label={label}
      value={filter[name] ?? ''}
      onChange={(e) => setFilter({ ...filter, [name]: e.target.value })}
      sx={{ minWidth: 200 }}
    >
      <MenuItem value="">{t('amon.ui.campaigns.alle')}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {t(o.name, { _: o.name })}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
        {select('wzSection', t('amon.ui.campaigns.branche'), sectorChoices)}
        {select('district', t('amon.ui.campaigns.landkreis_stadt'), districtChoices)}
        {select('sizeClass', t('amon.ui.campaigns.groesse'), sizeChoices)}
      </Stack>
      <Typography role="status">
        {t('amon.ui.campaigns.ruecklauf_von', { submitted: results.submitted, smart_count: results.invited, percent: percent(results.responseRate) })}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button variant="outlined" onClick={() => void exportResponses('xlsx')}>
          {t('amon.ui.campaigns.antworten_als_excel')}
        </Button>
        <Button variant="outlined" onClick={() => void exportResponses('csv')}>
          {t('amon.ui.campaigns.antworten_als_csv')}
        </Button>
        <Button variant="outlined" onClick={() => void exportAggregates('xlsx')}>
          {t('amon.ui.campaigns.auswertung_als_excel')}
        </Button>
        <Button variant="outlined" onClick={() => void exportAggregates('csv')}>
          {t('amon.ui.campaigns.auswertung_als_csv')}
        </Button>
      </Stack>
      {results.questions.map((q) => (
        <QuestionCard key={q.id} q={q} />
      ))}
    </Stack>
  );
}
