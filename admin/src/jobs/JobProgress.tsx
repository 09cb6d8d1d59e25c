// A job's progress as people read it ("Einladungen: 180 von 240 versendet, 2 fehlgeschlagen") with a progress bar.
import { useTranslate } from 'react-admin';
import { Box, Chip, LinearProgress, Typography } from '@mui/material';
import type { Job } from '#shared/jobs/schema.ts';

export function progressLine(job: Job, t: ReturnType<typeof useTranslate>): string {
  const kind = t(`amon.jobs.kinds.${job.kind}`);
  if (!job.expanded) return t('amon.jobs.preparing', { kind });
  return [
    t(job.kind.endsWith('-import') ? 'amon.jobs.progress_import' : job.kind.startsWith('measure-') ? 'amon.jobs.progress_cases' : 'amon.jobs.progress', {
      kind,
      done: job.done,
      total: job.total,
    }),
    ...(job.failed ? [t('amon.jobs.failed_part', { smart_count: job.failed })] : []),
    ...(job.skipped ? [t('amon.jobs.skipped_part', { smart_count: job.skipped })] : []),
  ].join(', ');
}

const STATUS_COLOR = { running: 'primary', done: 'success', done_with_failures: 'warning' } as const;

export function JobStatusChip({ job }: { job: Job }) {
  const t = useTranslate();
  return <Chip size="small" variant="outlined" color={STATUS_COLOR[job.status]} label={t(`amon.jobs.status.${job.status}`)} />;
}

export function JobProgress({ job }: { job: Job }) {
  const t = useTranslate();
  const ended = job.done + job.skipped + job.failed;
  const value = job.total ? Math.round((ended / job.total) * 100) : job.expanded ? 100 : 0;
  return (
    <Box sx={{ minWidth: 260 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" role="status" data-job-progress={job.id}>
          {progressLine(job, t)}
        </Typography>
        <JobStatusChip job={job} />
      </Box>
      <LinearProgress
        variant={job.expanded ? 'determinate' : 'indeterminate'}
        value={value}
        color={job.failed ? 'warning' : 'primary'}
        aria-label={t('amon.jobs.progress_label', { title: job.title })}
        sx={{ mt: 0.5, height: 6, borderRadius: 1 }}
      />
    </Box>
  );
}
