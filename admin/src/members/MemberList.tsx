// Network members: name-prefix search, filters by kind, steering committee and subscription; CSV and Excel export.
import {
  BooleanField,
  CreateButton,
  Datagrid,
  DateField,
  ExportButton,
  FilterButton,
  List,
  NullableBooleanInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { DATE_TIME } from '../format.ts';
import { districtChoices, kindChoices } from './choices.ts';
import { membersCsv, membersXlsx } from './exporters.ts';
import { canEdit } from '../auth/permissions.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';
import { NameSearch } from '../data/NameSearch.tsx';

const filters = [
  <NameSearch key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" label="resources.members.filters.kind" choices={kindChoices} alwaysOn />,
  <NullableBooleanInput key="sc" source="steeringCommittee" label="resources.members.filters.steeringCommittee" />,
  <NullableBooleanInput key="sub" source="subscribed" label="resources.members.filters.subscribed" />,
];

function Actions() {
  const { permissions } = usePermissions<string[]>();
  const t = useTranslate();
  const editable = canEdit(permissions);
  return (
    <TopToolbar>
      <FilterButton />
      {editable && <CreateButton />}
      <ExportButton exporter={membersCsv} label={t('amon.export_csv')} maxResults={5000} />
      <ExportButton exporter={membersXlsx} label={t('amon.export_xlsx')} maxResults={5000} />
    </TopToolbar>
  );
}

export default function MemberList() {
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      pagination={<CursorPagination rowsPerPageOptions={[10, 25, 50, 100]} />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <SelectField source="kind" choices={kindChoices} sortable={false} />
        <SelectField source="district" choices={districtChoices} sortable={false} emptyText="–" />
        <BooleanField source="steeringCommittee" sortable={false} />
        <BooleanField source="digestSubscribed" sortable={false} />
        <DateField source="updatedAt" showTime sortable={false} {...DATE_TIME} />
      </Datagrid>
    </List>
  );
}
