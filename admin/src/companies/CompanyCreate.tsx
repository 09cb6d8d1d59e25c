// The companies create form view.
import { Create } from 'react-admin';
import { CompanyInput } from '#shared/companies/schema.ts';
import { toBody } from '../data/forms.ts';
import { CompanyForm } from './CompanyForm.tsx';

export default function CompanyCreate() {
  return (
    <Create transform={toBody(CompanyInput)} redirect="show">
      <CompanyForm />
    </Create>
  );
}
