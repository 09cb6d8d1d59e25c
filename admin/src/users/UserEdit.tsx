// Change a staff member's name and roles, or disable the account.
import { BooleanInput, CheckboxGroupInput, Edit, SimpleForm, TextField, TextInput, Labeled } from 'react-admin';
import { UserUpdate } from '#shared/users/schema.ts';
import { schemaResolver, toBody } from '../data/forms.ts';
import { roleChoices } from './choices.ts';
import { UserAudit } from './UserAudit.tsx';

const resolver = schemaResolver(UserUpdate);

export default function UserEdit() {
  return (
    <Edit transform={toBody(UserUpdate)} mutationMode="pessimistic" redirect="list">
      <SimpleForm resolver={resolver}>
        <Labeled>
          <TextField source="email" />
        </Labeled>
        <TextInput source="name" fullWidth />
        <CheckboxGroupInput source="roles" choices={roleChoices} />
        <BooleanInput source="enabled" />
        <UserAudit />
      </SimpleForm>
    </Edit>
  );
}
