// One job: what it is about, its progress (updating while it runs), its failed items with the reason, and every item.
import { Link, Show, SimpleShowLayout, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import type { Job, JobItem } from '#shared/jobs/schema.ts';
import { CursorTable } from '../data/CursorTable.tsx';
import { formatDateTime } from '../format.ts';
import { FailedItems } from './FailedItems.tsx';
import { JobProgress } from './JobProgress.tsx';

const SUBJECT_PAGES: Partial<Record<Job['subject']['type'], string>> = {
  campaign: 'campaigns',
  meeting: 'meetings',
  report: 'reports',
  measure: 'measures',
  event: 'events',
  newsletter: 'newsletters',
};
/** Jobs listed under a subject that is no page of its own (the confirmation mails of newsletter sign-ups). */
const NO_PAGE = new Set(['anmeldungen']);

function JobDetails() {
  const job = useRecordContext<Job>();
  const t = useTranslate();
  const refresh = useRefresh();
  if (!job) return null;
  const page = NO_PAGE.has(job.subject.id) ? undefined : SUBJECT_PAGES[job.subject.type];
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        {job.title}
      </Typography>
      <JobProgress job={job} />
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('amon.jobs.subject')}:{' '}
        {page ? <Link to={`/${page}/${job.subject.id}/show`}>{t(`amon.jobs.subjects.${job.subject.type}`)}</Link> : t(`amon.jobs.subjects.${job.subject.type}`)}
        {' · '}
        {t('amon.jobs.started', { at: formatDateTime(job.createdAt), by: job.createdBy })}
        {job.finishedAt ? ` · ${t('amon.jobs.finished', { at: formatDateTime(job.finishedAt) })}` : ''}
      </Typography>
      <FailedItems job={job} onRetried={refresh} />
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
        {t('amon.jobs.items_title')}
      </Typography>
      <CursorTable<JobItem>
        path={`/api/jobs/${job.id}/items`}
        label={t('amon.jobs.items_title')}
        empty={t('amon.jobs.items_none')}
        rowKey={(i) => i.key}
        reloadOn={[job.done, job.failed, job.skipped, job.status]}
        columns={[
          { header: t('amon.jobs.recipient'), cell: (i) => i.label },
          { header: t('amon.jobs.state'), cell: (i) => t(`amon.jobs.item_states.${i.state}`) },
          { header: t('amon.jobs.attempts'), cell: (i) => i.attempts },
          { header: t('amon.jobs.reason'), cell: (i) => i.lastError ?? '–' },
        ]}
      />
    </Box>
  );
}

export default function JobShow() {
  return (
    <Show queryOptions={{ refetchInterval: (query) => ((query.state.data as Job | undefined)?.status === 'running' ? 2000 : false) }}>
      <SimpleShowLayout>
        <JobDetails />
      </SimpleShowLayout>
    </Show>
  );
}
