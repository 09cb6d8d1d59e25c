// The company form for create and edit, validated with the shared CompanyInput schema, with a duplicate warning.
import { useWatch } from 'react-hook-form';
import { AutocompleteInput, ReferenceInput, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { Alert, Link } from '@mui/material';
import { CompanyInput } from '#shared/companies/schema.ts';
import { schemaResolver } from '../data/forms.ts';
import { useDuplicates } from '../data/useDuplicates.ts';
import { chamberChoices, districtChoices, sectorChoices, sizeChoices } from './choices.ts';

const resolver = schemaResolver(CompanyInput);

function DuplicateWarning() {
  const [name, postcode, id] = useWatch({ name: ['name', 'postcode', 'id'] }) as [string, string, string];
  const ready = name && /^\d{5}$/.test(postcode ?? '');
  const found = useDuplicates<{ id: string; name: string }>(
    ready ? { path: `/api/companies/duplicates?${new URLSearchParams({ name, postcode })}` } : undefined,
    id,
  );
  const t = useTranslate();
  if (!found.length) return null;
  return (
    <Alert severity="warning" role="status">
      {t('amon.ui.companies.vielleicht_schon')}
      {found.map((f) => (
        <Link key={f.id} href={`#/companies/${f.id}/show`} sx={{ ml: 1 }}>
          {f.name}
        </Link>
      ))}
    </Alert>
  );
}

export function CompanyForm() {
  return (
    <SimpleForm resolver={resolver} defaultValues={{ chamber: 'ihk' }}>
      <TextInput source="name" fullWidth />
      <SelectInput source="wzSection" choices={sectorChoices} fullWidth />
      <TextInput source="wzDivision" />
      <SelectInput source="sizeClass" choices={sizeChoices} />
      <SelectInput source="district" choices={districtChoices} />
      <TextInput source="postcode" />
      <DuplicateWarning />
      <TextInput source="street" fullWidth />
      <TextInput source="city" />
      <TextInput source="contactPerson" />
      <TextInput source="email" type="email" />
      <TextInput source="phone" />
      <SelectInput source="chamber" choices={chamberChoices} />
      <ReferenceInput source="memberId" reference="members" filter={{ kind: 'company' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} label="resources.companies.fields.memberId" />
      </ReferenceInput>
      <TextInput source="notes" multiline fullWidth />
    </SimpleForm>
  );
}
