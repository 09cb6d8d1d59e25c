// The jobs page: recent background work (sends, imports), newest first, with live progress while a job runs.
import { Datagrid, DateField, FunctionField, List, TextField, useTranslate } from 'react-admin';
import type { Job } from '#shared/jobs/schema.ts';
import { DATE_TIME } from '../format.ts';
import { JobProgress } from './JobProgress.tsx';
import { CursorPagination } from '../data/CursorPagination.tsx';

export default function JobList() {
  const t = useTranslate();
  return (
    <List
      pagination={<CursorPagination />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      queryOptions={{ refetchInterval: (query) => (query.state.data?.data.some((j) => (j as Job).status === 'running') ? 2000 : false) }}
      empty={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<>{t('amon.jobs.list_empty')}</>}>
        <TextField source="title" sortable={false} />
        <FunctionField source="progress" sortable={false} render={(job: Job) => <JobProgress job={job} />} />
        <DateField source="createdAt" showTime sortable={false} {...DATE_TIME} />
        <TextField source="createdBy" sortable={false} />
      </Datagrid>
    </List>
  );
}
