// Open a case: an inquiry needs only name and contact; more needs the recorded consent.
import { Create } from 'react-admin';
import { CaseInput } from '#shared/cases/schema.ts';
import { toBody } from '../data/forms.ts';
import { CaseForm } from './CaseForm.tsx';

export default function CaseCreate() {
  return (
    <Create transform={toBody(CaseInput)} redirect="show">
      <CaseForm />
    </Create>
  );
}
