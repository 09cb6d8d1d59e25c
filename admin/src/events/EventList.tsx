// Events: the upcoming ones, soonest first, or the past ones, newest first, with where each stands.
import { CreateButton, Datagrid, FunctionField, List, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import type { Event } from '#shared/events/schema.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';
import { eventState, eventWhen, STATE_COLOR } from './state.ts';

const whenChoices = [
  { id: 'upcoming', name: 'amon.events.when.upcoming' },
  { id: 'past', name: 'amon.events.when.past' },
];
const filters = [<SelectInput key="when" source="when" choices={whenChoices} alwaysOn emptyText={false} />];

export function EventStateChip({ event }: { event: Event }) {
  const t = useTranslate();
  const state = eventState(event);
  return <Chip size="small" color={STATE_COLOR[state]} variant={state === 'open' ? 'filled' : 'outlined'} label={t(`amon.events.state.${state}`)} />;
}

export default function EventList() {
  const t = useTranslate();
  return (
    <List
      pagination={<CursorPagination />}
      filters={filters}
      filterDefaultValues={{ when: 'upcoming' }}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      perPage={25}
    >
      <Datagrid bulkActionButtons={false} rowClick="show">
        <FunctionField source="startsAt" sortable={false} render={(e: Event) => eventWhen(e)} />
        <TextField source="title" sortable={false} />
        <FunctionField source="kind" sortable={false} render={(e: Event) => t(`amon.event_kinds.${e.kind}`)} />
        <FunctionField source="seats" sortable={false} render={(e: Event) => t('amon.events.seats', { registered: e.registered, capacity: e.capacity })} />
        <FunctionField source="state" sortable={false} render={(e: Event) => <EventStateChip event={e} />} />
      </Datagrid>
    </List>
  );
}
