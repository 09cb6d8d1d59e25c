// Staff accounts with roles and status; administrators invite, change roles and disable.
import { BooleanField, CreateButton, Datagrid, DateField, FunctionField, List, SelectField, TextField, TopToolbar, useTranslate } from 'react-admin';
import type { User } from '#shared/users/schema.ts';
import { DATE_TIME } from '../format.ts';
import { statusChoices } from './choices.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';

export default function UserList() {
  const t = useTranslate();
  return (
    <List
      pagination={<CursorPagination />}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      perPage={50}
      sort={{ field: 'email', order: 'ASC' }}
    >
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="email" sortable={false} />
        <TextField source="name" sortable={false} />
        <FunctionField source="roles" sortable={false} render={(u: User) => u.roles.map((r) => t(`amon.roles.${r}`)).join(', ')} />
        <BooleanField source="enabled" sortable={false} />
        <SelectField source="status" choices={statusChoices} sortable={false} />
        <DateField source="createdAt" showTime sortable={false} {...DATE_TIME} />
      </Datagrid>
    </List>
  );
}
