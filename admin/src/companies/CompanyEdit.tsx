// The companies edit form view.
import { Edit } from 'react-admin';
import { CompanyInput } from '#shared/companies/schema.ts';
import { toBody } from '../data/forms.ts';
import { CompanyForm } from './CompanyForm.tsx';

export default function CompanyEdit() {
  return (
    <Edit transform={toBody(CompanyInput)} mutationMode="pessimistic" redirect="show">
      <CompanyForm />
    </Edit>
  );
}
