// One network member with contacts, network and digest subscription.
import {
  ArrayField,
  BooleanField,
  Datagrid,
  DateField,
  EmailField,
  Labeled,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  useTranslate,
  FunctionField,
} from 'react-admin';
import { Stack } from '@mui/material';
import { DATE, DATE_TIME } from '../format.ts';
import { districtChoices, kindChoices } from './choices.ts';

export default function MemberShow() {
  const t = useTranslate();
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={t('resources.members.sections.organisation')}>
          <TextField source="name" />
          <SelectField source="kind" choices={kindChoices} />
          <Stack direction="row" spacing={4}>
            <Labeled>
              <TextField source="address.street" emptyText="–" />
            </Labeled>
            <Labeled>
              <TextField source="address.postcode" emptyText="–" />
            </Labeled>
            <Labeled>
              <TextField source="address.city" emptyText="–" />
            </Labeled>
          </Stack>
          <SelectField source="district" choices={districtChoices} emptyText="–" />
          <TextField source="notes" emptyText="–" />
          <DateField source="updatedAt" showTime {...DATE_TIME} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={t('resources.members.sections.contacts')} path="kontakte">
          <ArrayField source="contacts" label={false}>
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <TextField source="name" label="resources.members.fields.contacts.name" />
              <TextField source="role" label="resources.members.fields.contacts.role" emptyText="–" />
              <EmailField source="email" label="resources.members.fields.contacts.email" emptyText="–" />
              <TextField source="phone" label="resources.members.fields.contacts.phone" emptyText="–" />
              <BooleanField source="receivesDigest" label="resources.members.fields.contacts.receivesDigest" />
            </Datagrid>
          </ArrayField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={t('resources.members.sections.network')} path="netzwerk">
          <BooleanField source="steeringCommittee" />
          <FunctionField source="networks" render={(r: { networks?: string[] }) => (r.networks ?? []).map((n) => t(`amon.networks.${n}`)).join(', ') || '–'} />
          <BooleanField source="digestSubscribed" />
          <DateField source="digestSince" emptyText="–" {...DATE} />
          <DateField source="digestUnsubscribedAt" emptyText="–" showTime {...DATE_TIME} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
