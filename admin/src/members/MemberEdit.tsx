// Edit a network member; pessimistic, so that a version conflict or a field error from the server reaches the form.
import { Edit } from 'react-admin';
import { MemberInput } from '#shared/members/schema.ts';
import { toBody } from '../data/forms.ts';
import { MemberForm } from './MemberForm.tsx';

export default function MemberEdit() {
  return (
    <Edit transform={toBody(MemberInput)} mutationMode="pessimistic" redirect="show">
      <MemberForm />
    </Edit>
  );
}
