// Newsletter issues: the drafts being written, or the issues sent, newest first, with how many got each.
import { CreateButton, Datagrid, FunctionField, List, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import type { Issue } from '#shared/newsletters/schema.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';
import { formatDateTime } from '../format.ts';

const stateChoices = [
  { id: 'draft', name: 'amon.newsletters.state.draft' },
  { id: 'sent', name: 'amon.newsletters.state.sent' },
];
const filters = [<SelectInput key="state" source="state" choices={stateChoices} alwaysOn emptyText={false} />];

export function IssueStateChip({ issue }: { issue: Pick<Issue, 'state'> }) {
  const t = useTranslate();
  return <Chip size="small" color={issue.state === 'sent' ? 'success' : 'default'} variant="outlined" label={t(`amon.newsletters.state.${issue.state}`)} />;
}

export default function NewsletterList() {
  const t = useTranslate();
  return (
    <List
      pagination={<CursorPagination />}
      filters={filters}
      filterDefaultValues={{ state: 'draft' }}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      perPage={25}
      empty={false}
    >
      <Datagrid bulkActionButtons={false} rowClick="show" empty={<p style={{ padding: 16 }}>{t('amon.newsletters.empty')}</p>}>
        <TextField source="title" sortable={false} />
        <FunctionField source="state" sortable={false} render={(i: Issue) => <IssueStateChip issue={i} />} />
        <FunctionField source="when" sortable={false} render={(i: Issue) => formatDateTime(i.sentAt ?? i.updatedAt)} />
        <FunctionField
          source="recipients"
          sortable={false}
          render={(i: Issue) => (i.recipients === undefined ? '–' : t('amon.newsletters.recipients', { smart_count: i.recipients }))}
        />
      </Datagrid>
    </List>
  );
}
