// The campaigns list view.
import { CreateButton, Datagrid, DateField, FunctionField, List, SelectInput, TextField, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { type Campaign } from '#shared/surveys/schema.ts';
import { kindChoices } from './choices.ts';
import { canEdit } from '../auth/permissions.ts';
import { StatusChip, rate } from './common.tsx';
import { CursorPagination } from '../data/CursorPagination.tsx';

export default function CampaignList() {
  const t = useTranslate();
  const { permissions } = usePermissions<string[]>();
  return (
    <List
      pagination={<CursorPagination />}
      filters={[<SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />]}
      actions={<TopToolbar>{canEdit(permissions) && <CreateButton />}</TopToolbar>}
      sort={{ field: 'opensOn', order: 'DESC' }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" />
        <FunctionField source="kind" render={(c: Campaign) => t(`amon.vocab.campaign_kinds.${c.kind}`)} sortable={false} />
        <FunctionField source="status" render={() => <StatusChip />} sortable={false} />
        <DateField source="opensOn" sortable={false} />
        <DateField source="closesOn" sortable={false} />
        <FunctionField label="amon.ui.campaigns.eingeladen" render={(c: Campaign) => c.counts.invited} />
        <FunctionField label="amon.ui.campaigns.antworten" render={(c: Campaign) => `${c.counts.submitted} (${rate(c)})`} />
      </Datagrid>
    </List>
  );
}
