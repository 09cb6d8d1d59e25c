// Group measures, newest start first, with their state and who takes part.
import { CreateButton, Datagrid, DateField, FunctionField, List, NumberField, TextField, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import { stateOf, type Measure } from '#shared/measures/schema.ts';

import { seesCases } from '../auth/permissions.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
const DATE = { locales: 'de-DE', options: { timeZone: 'UTC' } } as const;

function Actions() {
  const { permissions } = usePermissions<string[]>();
  return <TopToolbar>{seesCases(permissions) && <CreateButton />}</TopToolbar>;
}

export default function MeasureList() {
  const t = useTranslate();
  return (
    <List pagination={<CursorPagination />} actions={<Actions />} perPage={25} sort={{ field: 'startDate', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField source="title" sortable={false} />
        <FunctionField source="targetOccupation" sortable={false} render={(m: Measure) => `${m.targetOccupation.title} (${m.targetOccupation.code})`} />
        <TextField source="companyName" sortable={false} />
        <TextField source="providerName" sortable={false} />
        <DateField source="startDate" sortable={false} {...DATE} />
        <DateField source="endDate" sortable={false} {...DATE} />
        <FunctionField
          source="state"
          sortable={false}
          render={(m: Measure) => {
            const state = stateOf(m, today());
            return <Chip size="small" color={state === 'running' ? 'primary' : 'default'} label={t(`amon.measures.states.${state}`)} />;
          }}
        />
        <NumberField source="plannedPlaces" sortable={false} />
        <NumberField source="active" sortable={false} emptyText="–" />
      </Datagrid>
    </List>
  );
}
