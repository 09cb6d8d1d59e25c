// The needs list view.
import { CreateButton, Datagrid, FunctionField, List, SelectInput, TextField, TopToolbar } from 'react-admin';
import { type Need } from '#shared/needs/schema.ts';
import { DISTRICT_LABELS } from '#shared/regions.ts';
import { formatDate } from '../format.ts';
import { NEED_STATUS_NAMES, needStatusChoices, SOURCE_NAMES, TIMEFRAME_NAMES } from './choices.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';

const filters = [
  <SelectInput key="status" source="status" label="amon.ui.needs.status" choices={needStatusChoices} alwaysOn emptyText="amon.ui.needs.offen" />,
];

export default function NeedList() {
  return (
    <List
      pagination={<CursorPagination />}
      filters={filters}
      filterDefaultValues={{ status: 'open' }}
      sort={{ field: 'statedOn', order: 'DESC' }}
      actions={
        <TopToolbar>
          <CreateButton label="amon.ui.needs.bedarf_erfassen" />
        </TopToolbar>
      }
      exporter={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="companyName" label="amon.ui.needs.betrieb" sortable={false} />
        <FunctionField label="amon.ui.needs.beruf" render={(n: Need) => `${n.occupationTitle} (${n.occupation})`} />
        <FunctionField label="amon.ui.needs.personen" render={(n: Need) => (n.placed ? `${n.placed} von ${n.headcount} besetzt` : n.headcount)} />
        <FunctionField label="amon.ui.needs.zeitraum" render={(n: Need) => TIMEFRAME_NAMES[n.timeframe]} />
        <FunctionField label="amon.ui.needs.landkreis" render={(n: Need) => DISTRICT_LABELS[n.district]} />
        <FunctionField
          label="amon.ui.needs.quelle"
          render={(n: Need) => (n.source === 'survey' ? (n.campaignTitle ?? SOURCE_NAMES.survey) : SOURCE_NAMES.manual)}
        />
        <FunctionField label="amon.ui.needs.angabe_vom" render={(n: Need) => formatDate(n.statedOn)} />
        <FunctionField label="amon.ui.needs.status" render={(n: Need) => NEED_STATUS_NAMES[n.status]} />
      </Datagrid>
    </List>
  );
}
