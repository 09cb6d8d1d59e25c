// The companies page view.
import { DateField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DATE_TIME } from '../format.ts';
import { chamberChoices, districtChoices, sectorChoices, sizeChoices } from './choices.ts';
import { CompanyInvitations } from './CompanyInvitations.tsx';
import { CompanyNeeds } from './CompanyNeeds.tsx';
import { CompanyTimeline } from '../relations/CompanyTimeline.tsx';

export default function CompanyShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <SelectField source="wzSection" choices={sectorChoices} />
        <TextField source="wzDivision" emptyText="–" />
        <SelectField source="sizeClass" choices={sizeChoices} />
        <SelectField source="district" choices={districtChoices} />
        <TextField source="postcode" />
        <TextField source="street" emptyText="–" />
        <TextField source="city" emptyText="–" />
        <TextField source="contactPerson" emptyText="–" />
        <TextField source="email" emptyText="–" />
        <TextField source="phone" emptyText="–" />
        <SelectField source="chamber" choices={chamberChoices} />
        <ReferenceField source="memberId" reference="members" link="show" emptyText="–" />
        <TextField source="notes" emptyText="–" />
        <DateField source="updatedAt" showTime {...DATE_TIME} />
        <CompanyTimeline />
        <CompanyNeeds />
        <CompanyInvitations />
      </SimpleShowLayout>
    </Show>
  );
}
