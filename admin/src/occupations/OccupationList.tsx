// The occupations list: KldB code, training duration and competent body; admins add occupations.
import { CreateButton, Datagrid, List, NumberField, SearchInput, SelectField, TextField, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { chamberChoices } from './choices.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';

function Actions() {
  const { permissions } = usePermissions<string[]>();
  return <TopToolbar>{permissions?.includes('admin') && <CreateButton />}</TopToolbar>;
}

export default function OccupationList() {
  const t = useTranslate();
  return (
    <List
      pagination={<CursorPagination />}
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder={t('amon.ui.occupations.beruf_beginnt_mit')} />]}
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
