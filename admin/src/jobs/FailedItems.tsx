// The failed items of a job with their reason, each to be sent again, or all at once.
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Box, Button, Typography } from '@mui/material';
import type { Job, JobItem } from '#shared/jobs/schema.ts';
import { CursorTable } from '../data/CursorTable.tsx';
import { useCommand } from '../data/commands.ts';

export function FailedItems({ job, onRetried }: { job: Job; onRetried?: () => void }) {
  const t = useTranslate();
  const command = useCommand();
  const [round, setRound] = useState(0);
  const retry = async (key?: string) => {
    const done = await command<Job>('POST', `/api/jobs/${job.id}/retries`, key ? { key } : {}, 'amon.jobs.retried');
    if (done.ok) {
      setRound((r) => r + 1);
      onRetried?.();
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="h6" component="h2">
          {t('amon.jobs.failed_title')}
        </Typography>
        {job.failed > 0 && (
          <Button variant="outlined" size="small" onClick={() => void retry()}>
            {t('amon.jobs.retry_all')}
          </Button>
        )}
      </Box>
      <CursorTable<JobItem>
        path={`/api/jobs/${job.id}/items`}
        params={{ state: 'failed' }}
        label={t('amon.jobs.failed_title')}
        empty={t('amon.jobs.failed_none')}
        rowKey={(i) => i.key}
        reloadOn={[job.failed, round]}
        columns={[
          { header: t('amon.jobs.recipient'), cell: (i) => i.label },
          { header: t('amon.jobs.attempts'), cell: (i) => i.attempts },
          { header: t('amon.jobs.reason'), cell: (i) => i.lastError ?? '–' },
          {
            header: '',
            cell: (i) => (
              <Button size="small" onClick={() => void retry(i.key)} aria-label={t('amon.jobs.retry_one_label', { name: i.label })}>
                {t('amon.jobs.retry_one')}
              </Button>
            ),
          },
        ]}
      />
    </Box>
  );
}
