// Learning-venue agreements: the current ones, soonest end first, or all of them, newest start first.
import { CreateButton, Datagrid, DateField, FunctionField, List, NumberField, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import type { Agreement } from '#shared/relations/schema.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';
import { today } from '../relations/choices.ts';

const DATE = { locales: 'de-DE', options: { timeZone: 'UTC' } } as const;
const stateChoices = [
  { id: 'current', name: 'amon.relations.agreements.state.current' },
  { id: 'all', name: 'amon.relations.agreements.state.all' },
];
const filters = [<SelectInput key="state" source="state" choices={stateChoices} alwaysOn emptyText={false} />];

export function AgreementState({ agreement }: { agreement: Agreement }) {
  const t = useTranslate();
  const ended = Boolean(agreement.endsOn && agreement.endsOn < today());
  return (
    <Chip
      size="small"
      color={ended ? 'default' : 'primary'}
      label={ended ? t('amon.relations.agreements.ended') : agreement.endsOn ? t('amon.relations.agreements.runs') : t('amon.relations.agreements.open_end')}
    />
  );
}

export default function AgreementList() {
  return (
    <List
      pagination={<CursorPagination />}
      filters={filters}
      filterDefaultValues={{ state: 'current' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      perPage={25}
    >
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField source="companyName" sortable={false} />
        <FunctionField source="occupationTitles" sortable={false} render={(a: Agreement) => a.occupationTitles.join(', ')} />
        <NumberField source="places" sortable={false} />
        <DateField source="startsOn" sortable={false} {...DATE} />
        <DateField source="endsOn" sortable={false} emptyText="–" {...DATE} />
        <FunctionField source="state" sortable={false} render={(a: Agreement) => <AgreementState agreement={a} />} />
      </Datagrid>
    </List>
  );
}
