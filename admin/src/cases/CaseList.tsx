// Cases: my follow-ups, by status, my cases, recently changed; name-prefix search and case number.
import { CreateButton, Datagrid, DateField, List, SelectField, SelectInput, TextField, TextInput, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { Button } from '@mui/material';
import UploadIcon from '@mui/icons-material/Upload';
import { DATE, DATE_TIME } from '../format.ts';
import { statusChoices, viewChoices } from './choices.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';
import { NameSearch } from '../data/NameSearch.tsx';

const filters = [
  <SelectInput key="view" source="view" choices={viewChoices} alwaysOn emptyText="amon.views.updated" />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <NameSearch key="q" source="q" alwaysOn />,
  <TextInput key="number" source="number" label="resources.cases.fields.number" placeholder="2026-0042" />,
];

/** New case; for admins also the import of an old database's cases. */
function Actions() {
  const t = useTranslate();
  const { permissions } = usePermissions<string[]>();
  return (
    <TopToolbar>
      <CreateButton />
      {permissions?.includes('admin') && (
        <Button href="#/faelle-import" size="small" startIcon={<UploadIcon />}>
          {t('amon.case_import.list_button')}
        </Button>
      )}
    </TopToolbar>
  );
}

export default function CaseList() {
  return (
    <List
      // A name typed into the search must not land in the address bar or the browser history.
      disableSyncWithLocation
      filters={filters}
      filterDefaultValues={{ view: 'followups' }}
      actions={<Actions />}
      perPage={25}
      pagination={<CursorPagination rowsPerPageOptions={[25, 50, 100]} />}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      empty={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" sortable={false} />
        <TextField source="lastName" sortable={false} />
        <TextField source="firstName" sortable={false} />
        <SelectField source="status" choices={statusChoices} sortable={false} />
        <TextField source="targetOccupation" sortable={false} emptyText="–" />
        <DateField source="nextFollowUp" sortable={false} emptyText="–" {...DATE} />
        <DateField source="updatedAt" showTime sortable={false} {...DATE_TIME} />
      </Datagrid>
    </List>
  );
}
