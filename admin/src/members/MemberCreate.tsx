// Create a network member.
import { Create } from 'react-admin';
import { MemberInput } from '#shared/members/schema.ts';
import { toBody } from '../data/forms.ts';
import { MemberForm } from './MemberForm.tsx';

export default function MemberCreate() {
  return (
    <Create transform={toBody(MemberInput)} redirect="show">
      <MemberForm />
    </Create>
  );
}
