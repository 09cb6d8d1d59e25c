// The offer catalogue: current offers by occupation (5 digits or the 3-digit group), district and start.
import {
  BooleanField,
  DateInput,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { canEdit } from '../auth/permissions.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';
import { formatDate } from '../format.ts';
import { districtChoices, formatChoices, offerKindChoices } from './choices.ts';

const filters = [
  <TextInput key="occupation" source="occupation" label="resources.offers.filters.occupation" alwaysOn />,
  <SelectInput key="district" source="district" label="resources.offers.fields.district" choices={districtChoices} alwaysOn />,
  <DateInput key="startsFrom" source="startsFrom" label="resources.offers.filters.startsFrom" alwaysOn />,
];

function Actions() {
  const { permissions } = usePermissions<string[]>();
  return <TopToolbar>{canEdit(permissions) && <CreateButton />}</TopToolbar>;
}

export default function OfferList() {
  const { permissions } = usePermissions<string[]>();
  return (
    <List pagination={<CursorPagination />} filters={filters} actions={<Actions />} perPage={25} sort={{ field: 'lastStart', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false} rowClick={canEdit(permissions) ? 'edit' : false}>
        <TextField source="title" sortable={false} />
        <TextField source="providerName" sortable={false} />
        <FunctionField
          source="occupationCode"
          sortable={false}
          render={(o: { occupationCode: string; occupationTitle?: string }) =>
            o.occupationTitle ? `${o.occupationTitle} (${o.occupationCode})` : o.occupationCode
          }
        />
        <SelectField source="kind" choices={offerKindChoices} sortable={false} />
        <NumberField source="hours" sortable={false} />
        <SelectField source="format" choices={formatChoices} sortable={false} />
        <FunctionField source="startDates" sortable={false} render={(o: { startDates: string[] }) => o.startDates.map(formatDate).join(', ')} />
        <SelectField source="district" choices={districtChoices} sortable={false} />
        <BooleanField source="azav" sortable={false} />
      </Datagrid>
    </List>
  );
}
