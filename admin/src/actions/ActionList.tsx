// The action item list: open ones by due date, filterable by the member responsible; a row opens its meeting.
import { AutocompleteInput, Datagrid, DateField, FunctionField, List, ReferenceInput, SelectInput, TextField, useTranslate } from 'react-admin';
import type { ActionItem } from '#shared/meetings/schema.ts';
import { actionStateChoices } from '../meetings/choices.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';

const filters = [
  <SelectInput key="status" source="status" choices={actionStateChoices} alwaysOn />,
  <ReferenceInput key="ownerId" source="ownerId" reference="members" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 280 }} />
  </ReferenceInput>,
];

export default function ActionList() {
  const t = useTranslate();
  return (
    <List pagination={<CursorPagination />} filters={filters} filterDefaultValues={{ status: 'open' }} actions={false} title="amon.ui.actions.aufgaben">
      <Datagrid bulkActionButtons={false} rowClick={(_id, _r, record) => `/meetings/${(record as ActionItem).meetingId}/show/aufgaben`}>
        <TextField source="title" sortable={false} />
        <TextField source="ownerName" sortable={false} />
        <DateField source="dueOn" sortable={false} />
        <FunctionField source="status" render={(a: ActionItem) => t(`amon.vocab.action_states.${a.status}`)} sortable={false} />
        <TextField source="meetingTitle" sortable={false} />
      </Datagrid>
    </List>
  );
}
