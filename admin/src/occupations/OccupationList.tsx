// The occupations list: KldB code, training duration and competent body; admins add occupations.
import { CreateButton, Datagrid, List, NumberField, SearchInput, SelectField, TextField, TopToolbar, usePermissions } from 'react-admin';
import { chamberChoices } from './choices.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';

function Actions() {
  const { permissions } = usePermissions<string[]>();
  return <TopToolbar>{permissions?.includes('admin') && <CreateButton />}</TopToolbar>;
}

export default function OccupationList() {
  return (
    <List
      pagination={<CursorPagination />}
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Beruf beginnt mit …" />]}
      actions={<Actions />}
      perPage={50}
      sort={{ field: 'title', order: 'ASC' }}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="title" sortable={false} />
        <TextField source="code" sortable={false} />
        <NumberField source="months" sortable={false} />
        <SelectField source="chamber" choices={chamberChoices} sortable={false} />
        <TextField source="competentBody" sortable={false} emptyText="–" />
      </Datagrid>
    </List>
  );
}
