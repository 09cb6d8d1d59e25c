// The member form used by create and edit, validated with the shared MemberInput schema.
import { ArrayInput, BooleanInput, CheckboxGroupInput, SelectInput, SimpleFormIterator, TabbedForm, TextInput, useTranslate } from 'react-admin';
import { MemberInput } from '#shared/members/schema.ts';
import { schemaResolver } from '../data/forms.ts';
import { districtChoices, kindChoices, networkChoices } from './choices.ts';

const resolver = schemaResolver(MemberInput);

export function MemberForm() {
  const t = useTranslate();
  return (
    <TabbedForm resolver={resolver} defaultValues={{ contacts: [], networks: [], steeringCommittee: false, digestSubscribed: false, address: {} }}>
      <TabbedForm.Tab label={t('resources.members.sections.organisation')}>
        <TextInput source="name" fullWidth />
        <SelectInput source="kind" choices={kindChoices} />
        <TextInput source="address.street" fullWidth />
        <TextInput source="address.postcode" />
        <TextInput source="address.city" />
        <SelectInput source="district" choices={districtChoices} emptyText="–" />
      </TabbedForm.Tab>
      <TabbedForm.Tab label={t('resources.members.sections.contacts')} path="kontakte">
        <ArrayInput source="contacts">
          <SimpleFormIterator inline>
            <TextInput source="name" />
            <TextInput source="role" />
            <TextInput source="email" type="email" />
            <TextInput source="phone" />
            <BooleanInput source="receivesDigest" />
          </SimpleFormIterator>
        </ArrayInput>
      </TabbedForm.Tab>
      <TabbedForm.Tab label={t('resources.members.sections.network')} path="netzwerk">
        <BooleanInput source="steeringCommittee" />
        <CheckboxGroupInput source="networks" choices={networkChoices} />
        <BooleanInput source="digestSubscribed" />
        <TextInput source="notes" multiline minRows={3} fullWidth />
      </TabbedForm.Tab>
    </TabbedForm>
  );
}
