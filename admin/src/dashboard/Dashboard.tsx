// The start page: funnel by status, KPIs against the programme targets, new cases, qualifications and placements per month (aggregates only).
import { Title, useDataProvider, useTranslate } from 'react-admin';
import type { AmonDataProvider } from '../data/dataProvider.ts';
import { Alert, Box, Button, Card, CardContent, Grid, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { Dashboard as Figures } from '#shared/cases/dashboard-schema.ts';

function Kpi({ label, value, target }: { label: string; value: number; target?: number }) {
  const t = useTranslate();
  return (
    <Card>
      <CardContent>
        <Typography variant="overline">{label}</Typography>
        <Typography variant="h4">{value.toLocaleString('de-DE')}</Typography>
        {target !== undefined && (
          <>
            <Typography variant="body2" color="text.secondary">
              {t('amon.dashboard.of_target', { target: target.toLocaleString('de-DE') })}
            </Typography>
            <LinearProgress variant="determinate" value={Math.min(100, (value / target) * 100)} sx={{ mt: 1 }} aria-label={label} />
          </>
        )}
      </CardContent>
    </Card>
  );
}

const monthLabel = (m: string) => new Date(`${m}-15T12:00:00Z`).toLocaleDateString('de-DE', { month: 'short', year: '2-digit', timeZone: 'Europe/Berlin' });

export function Dashboard() {
  const dataProvider = useDataProvider<AmonDataProvider>();
  const t = useTranslate();
  const { data: figures, error, refetch } = useQuery({ queryKey: ['dashboard'], queryFn: () => dataProvider.send<Figures>('GET', '/api/dashboard') });
  if (error) {
    return (
      <Box sx={{ p: 2 }}>
        <Title title="amon.dashboard.title" />
        <Alert severity="error" action={<Button onClick={() => void refetch()}>{t('amon.table.retry')}</Button>}>
          {t('amon.dashboard.failed', { message: error.message })}
        </Alert>
      </Box>
    );
  }
  if (!figures) return <LinearProgress aria-label={t('amon.table.loading')} />;
  const funnel = figures.funnel.map((f) => ({ name: t(`amon.case_status.${f.status}`), count: f.count }));
  const months = figures.perMonth.map((m) => ({ ...m, label: monthLabel(m.month) }));
  return (
    <Box sx={{ p: 2 }}>
      <Title title="amon.dashboard.title" />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 3 }}>
          <Kpi label={t('amon.dashboard.counselled')} value={figures.kpis.counselled} target={figures.kpis.targetCounselled} />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <Kpi label={t('amon.dashboard.qualified')} value={figures.kpis.qualified} target={figures.kpis.targetQualified} />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <Kpi label={t('amon.dashboard.active')} value={figures.kpis.active} />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <Kpi label={t('amon.dashboard.placed')} value={figures.kpis.placed} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card>
            <CardContent>
              <Typography variant="h6">{t('amon.dashboard.funnel')}</Typography>
              <ResponsiveContainer width="100%" height={360}>
                <BarChart data={funnel} layout="vertical" margin={{ left: 40 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="name" width={150} interval={0} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Bar dataKey="count" name={t('amon.ui.dashboard.faelle')} fill="#1976d2" />
                </BarChart>
              </ResponsiveContainer>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card>
            <CardContent>
              <Typography variant="h6">{t('amon.dashboard.per_month')}</Typography>
              <ResponsiveContainer width="100%" height={300}>
                <LineChart data={months}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Line type="monotone" dataKey="opened" name={t('amon.dashboard.opened')} stroke="#1976d2" />
                  <Line type="monotone" dataKey="qualified" name={t('amon.dashboard.qualified_month')} stroke="#2e7d32" />
                  <Line type="monotone" dataKey="placed" name={t('amon.dashboard.placed_month')} stroke="#ed6c02" />
                </LineChart>
              </ResponsiveContainer>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12 }}>
          <Recognition figures={figures.recognition} />
        </Grid>
        <Grid size={{ xs: 12 }}>
          <Companies figures={figures.companies} months={months} />
        </Grid>
      </Grid>
    </Box>
  );
}

/** Figures as a description list: a label over each number. */
function FigureGrid({ cells, columns }: { cells: [string, number][]; columns: number }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: `repeat(${columns}, 1fr)` }, gap: 2, m: 0, mt: 1 }}>
      {cells.map(([label, value]) => (
        <Box key={label}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="h5" sx={{ m: 0 }}>
            {value.toLocaleString('de-DE')}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** Recognition of foreign qualifications since the start: applications, first decisions by result, qualifications reached that way. */
function Recognition({ figures }: { figures: Figures['recognition'] }) {
  const t = useTranslate();
  const cells = [
    ['recognition_applied', figures.applied],
    ['recognition_full', figures.full],
    ['recognition_partial', figures.partial],
    ['recognition_none', figures.none],
    ['recognition_qualified', figures.qualified],
  ] as const;
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('amon.dashboard.recognition')}
        </Typography>
        <FigureGrid columns={5} cells={cells.map(([key, value]) => [t(`amon.dashboard.${key}`), value])} />
      </CardContent>
    </Card>
  );
}

/** Contacts with companies by kind since the start, learning-venue agreements, and contacts and new agreements per month. */
function Companies({ figures, months }: { figures: Figures['companies']; months: (Figures['perMonth'][number] & { label: string })[] }) {
  const t = useTranslate();
  const total = Object.values(figures.contactsByKind).reduce((sum, n) => sum + n, 0);
  const cells: [string, number][] = [
    [t('amon.relations.dashboard.total'), total],
    ...Object.entries(figures.contactsByKind).map(([kind, n]): [string, number] => [t(`amon.activity_kinds.${kind}`), n]),
    [t('amon.relations.dashboard.agreements'), figures.agreements],
  ];
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('amon.relations.dashboard.title')}
        </Typography>
        <FigureGrid columns={4} cells={cells} />
        <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
          {t('amon.relations.dashboard.per_month')}
        </Typography>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={months}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="contacts" name={t('amon.relations.dashboard.contacts')} fill="#1976d2" />
            <Bar dataKey="agreements" name={t('amon.relations.dashboard.new_agreements')} fill="#2e7d32" />
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}

export default Dashboard;
