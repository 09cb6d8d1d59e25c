// The jobs of one record where they were started (a campaign's invitations and reminders): progress that updates
// every two seconds while a job runs, and the failed items of each to send again.
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useDataProvider, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Alert, Box, Stack, Typography } from '@mui/material';
import type { Job, JobSubject } from '#shared/jobs/schema.ts';
import type { AmonDataProvider } from '../data/dataProvider.ts';
import { canEdit } from '../auth/permissions.ts';
import { formatDateTime } from '../format.ts';
import { FailedItems } from './FailedItems.tsx';
import { JobProgress } from './JobProgress.tsx';

/** The newest jobs of a record, polled while one of them runs. */
export function useJobsOf(subject: JobSubject | undefined) {
  const dataProvider = useDataProvider<AmonDataProvider>();
  return useQuery({
    queryKey: ['jobs-of', subject?.type, subject?.id],
    enabled: Boolean(subject),
    queryFn: () =>
      dataProvider.send<{ items: Job[] }>('GET', `/api/jobs?${new URLSearchParams({ subjectType: subject!.type, subjectId: subject!.id, limit: '5' })}`),
    refetchInterval: (query) => (query.state.data?.items.some((j) => j.status === 'running') ? 2000 : false),
  });
}

export function JobsPanel({ subject, onEnded }: { subject: JobSubject | undefined; onEnded?: () => void }) {
  const t = useTranslate();
  const refresh = useRefresh();
  const { data, isError, error, refetch } = useJobsOf(subject);
  // The jobs page is for admins and coordinators; counsellors follow a measure's jobs here.
  const { permissions } = usePermissions<string[]>();
  const running = data?.items.filter((j) => j.status === 'running').length ?? 0;
  // When the last running job ends, the record's own counts (sent) have moved: read it again.
  const before = useRef(running);
  useEffect(() => {
    if (before.current > 0 && running === 0) {
      refresh();
      onEnded?.();
    }
    before.current = running;
  }, [running, refresh, onEnded]);
  if (!subject) return null;
  return (
    <Box component="section" aria-labelledby="jobs-panel-title" sx={{ my: 1 }}>
      <Typography id="jobs-panel-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {t(
          subject.type.endsWith('-import')
            ? 'amon.jobs.panel_title_import'
            : subject.type === 'measure'
              ? 'amon.jobs.panel_title_measure'
              : 'amon.jobs.panel_title',
        )}
      </Typography>
      {isError && (
        <Alert severity="error" onClose={() => void refetch()}>
          {t('amon.table.failed', { message: error.message })}
        </Alert>
      )}
      {data && !data.items.length && <Typography variant="body2">{t('amon.jobs.panel_none')}</Typography>}
      <Stack spacing={1.5}>
        {data?.items.map((job) => (
          <Box key={job.id}>
            <JobProgress job={job} />
            <Typography variant="caption" color="text.secondary">
              {t('amon.jobs.started', { at: formatDateTime(job.createdAt), by: job.createdBy })}
              {canEdit(permissions) && (
                <>
                  {' · '}
                  <Link to={`/jobs/${job.id}/show`}>{t('amon.jobs.details')}</Link>
                </>
              )}
            </Typography>
            {job.failed > 0 && <FailedItems job={job} onRetried={() => void refetch()} />}
          </Box>
        ))}
      </Stack>
    </Box>
  );
}

/** The jobs of the record on the page (a campaign, a meeting), for those who may start them. */
export function RecordJobs({ type }: { type: JobSubject['type'] }) {
  const record = useRecordContext();
  const { permissions } = usePermissions<string[]>();
  if (!record || !canEdit(permissions)) return null;
  return <JobsPanel subject={{ type, id: String(record.id) }} />;
}
