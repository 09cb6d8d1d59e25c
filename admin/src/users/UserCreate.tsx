// Invite a staff member: the account is created and the invitation e-mail sent.
import { CheckboxGroupInput, Create, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { UserInvite } from '#shared/users/schema.ts';
import { schemaResolver, toBody } from '../data/forms.ts';
import { roleChoices } from './choices.ts';

const resolver = schemaResolver(UserInvite);

export default function UserCreate() {
  const t = useTranslate();
  return (
    <Create transform={toBody(UserInvite)} redirect="list">
      <SimpleForm resolver={resolver} defaultValues={{ roles: ['counsellor'] }}>
        <Typography variant="body2" color="text.secondary">
          {t('resources.users.invite_hint')}
        </Typography>
        <TextInput source="email" type="email" fullWidth />
        <TextInput source="name" fullWidth />
        <CheckboxGroupInput source="roles" choices={roleChoices} />
      </SimpleForm>
    </Create>
  );
}
