// The needs list view.
import { CreateButton, Datagrid, FunctionField, List, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { type Need } from '#shared/needs/schema.ts';
import { formatDate } from '../format.ts';
import { needStatusChoices } from './choices.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';

const filters = [
  <SelectInput key="status" source="status" label="amon.ui.needs.status" choices={needStatusChoices} alwaysOn emptyText="amon.ui.needs.offen" />,
];

export default function NeedList() {
  const t = useTranslate();
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
        <FunctionField label="amon.ui.needs.zeitraum" render={(n: Need) => t(`amon.vocab.timeframes.${n.timeframe}`)} />
        <FunctionField label="amon.ui.needs.landkreis" render={(n: Need) => t(`amon.districts.${n.district}`)} />
        <FunctionField
          label="amon.ui.needs.quelle"
          render={(n: Need) => (n.source === 'survey' ? (n.campaignTitle ?? t('amon.vocab.need_sources.survey')) : t('amon.vocab.need_sources.manual'))}
        />
        <FunctionField label="amon.ui.needs.angabe_vom" render={(n: Need) => formatDate(n.statedOn)} />
        <FunctionField label="amon.ui.needs.status" render={(n: Need) => t(`amon.vocab.need_status.${n.status}`)} />
      </Datagrid>
    </List>
  );
}
