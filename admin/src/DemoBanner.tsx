// Locally, `npm start` seeds the demo data behind the running product: this banner tells how far it is, and refreshes
// the screen once everything is in. In AWS there is no demo data and no banner (the site configuration has no `demo`).
import { useEffect, useRef } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Alert, LinearProgress } from '@mui/material';
import { runtimeConfig } from './config.ts';

type DemoStatus = { percent: number; complete: boolean; failed: boolean };

async function demoStatus(url: string): Promise<DemoStatus> {
  const response = await fetch(url, { cache: 'no-store' });
  const body = (await response.json()) as { demo?: DemoStatus };
  return body.demo ?? { percent: 100, complete: true, failed: false };
}

export function DemoBanner() {
  const url = runtimeConfig().demo?.statusUrl;
  const t = useTranslate();
  const refresh = useRefresh();
  const { data } = useQuery({
    queryKey: ['demo-status', url],
    queryFn: () => demoStatus(url!),
    enabled: Boolean(url),
    // Every second until the seed is through or has failed; a failed request is asked again at the next tick.
    refetchInterval: (query) => (query.state.data?.complete || query.state.data?.failed ? false : 1000),
    retry: false,
  });
  const wasLoading = useRef(false);
  useEffect(() => {
    if (data && !data.complete && !data.failed) wasLoading.current = true;
    if (data?.complete && wasLoading.current) {
      wasLoading.current = false;
      refresh();
    }
  }, [data, refresh]);

  if (!url || !data || data.complete) return null;
  if (data.failed)
    return (
      <Alert severity="warning" sx={{ mb: 1 }}>
        {t('amon.demo.failed')}
      </Alert>
    );
  return (
    <Alert severity="info" sx={{ mb: 1, '& .MuiAlert-message': { flexGrow: 1 } }} role="status">
      <strong>{t('amon.demo.loading', { percent: data.percent })}</strong> {t('amon.demo.loading_hint')}
      <LinearProgress variant="determinate" value={data.percent} aria-label={t('amon.demo.progress')} sx={{ mt: 1 }} />
    </Alert>
  );
}
