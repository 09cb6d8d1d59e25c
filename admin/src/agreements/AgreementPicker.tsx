// Picks the learning-venue agreement a module or a measure uses: the current ones, or the agreements of the company
// chosen in the form's `ofCompanyIn` field.
import { AutocompleteInput, ReferenceInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { Agreement } from '#shared/relations/schema.ts';

const label = (a: Agreement) => `${a.companyName}: ${a.occupationTitles.join(', ')} (${a.places})`;

export function AgreementPicker({ ofCompanyIn }: { ofCompanyIn?: string }) {
  const t = useTranslate();
  const companyId = useWatch({ name: ofCompanyIn ?? '__none' }) as string | undefined;
  if (ofCompanyIn && !companyId) return null;
  return (
    <ReferenceInput source="agreementId" reference="agreements" filter={companyId ? { companyId } : { state: 'current' }} perPage={100}>
      <AutocompleteInput
        optionText={label}
        label={t('amon.relations.agreements.field')}
        helperText={t('amon.relations.agreements.field_help')}
        // The agreements list takes no search text: the choices are filtered here.
        filterToQuery={() => ({})}
        fullWidth
      />
    </ReferenceInput>
  );
}
