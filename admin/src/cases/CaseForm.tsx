// The case form used by create and edit: person, consent and target occupation, validated with the shared CaseInput schema.
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TabbedForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { Alert, Link } from '@mui/material';
import { CaseInput } from '#shared/cases/schema.ts';
import { schemaResolver } from '../data/forms.ts';
import { useDuplicates } from '../data/useDuplicates.ts';
import { cefrChoices, districtChoices, genderChoices, migrationChoices, registrationChoices, schoolChoices, scopeChoices } from './choices.ts';

const resolver = schemaResolver(CaseInput);

/** Warns while typing when a case with the same name and birth date exists. */
function DuplicateWarning() {
  const [firstName, lastName, birthDate, id] = useWatch({ name: ['participant.firstName', 'participant.lastName', 'participant.birthDate', 'id'] }) as [
    string,
    string,
    string,
    string,
  ];
  const t = useTranslate();
  const ready = firstName && lastName && /^\d{4}-\d{2}-\d{2}$/.test(birthDate ?? '');
  const found = useDuplicates<{ id: string; number: string }>(
    ready ? { path: '/api/cases/duplicates', body: { firstName, lastName, birthDate } } : undefined,
    id,
  );
  if (!found.length) return null;
  return (
    <Alert severity="warning" role="status" sx={{ mb: 2 }}>
      {t('amon.actions.duplicate_warning', { numbers: '' })}
      {found.map((f) => (
        <Link key={f.id} href={`#/cases/${f.id}/show`} sx={{ ml: 1 }}>
          {f.number}
        </Link>
      ))}
    </Alert>
  );
}

export function CaseForm() {
  const t = useTranslate();
  return (
    <TabbedForm
      resolver={resolver}
      defaultValues={{
        participant: {
          gender: 'not_stated',
          migrationBackground: 'not_stated',
          registration: 'none',
          languages: [],
          workExperience: [],
          districtsReachable: [],
        },
        consent: { scope: [] },
      }}
    >
      <TabbedForm.Tab label={t('resources.cases.tabs.person')}>
        <DuplicateWarning />
        <TextInput source="participant.firstName" />
        <TextInput source="participant.lastName" />
        <DateInput source="participant.birthDate" />
        <SelectInput source="participant.gender" choices={genderChoices} />
        <TextInput source="participant.email" type="email" />
        <TextInput source="participant.phone" />
        <TextInput source="participant.street" />
        <TextInput source="participant.postcode" />
        <TextInput source="participant.city" />
        <SelectInput source="participant.district" choices={districtChoices} emptyText="–" />
        <SelectInput source="participant.migrationBackground" choices={migrationChoices} />
        <SelectInput source="participant.germanLevel" choices={cefrChoices} emptyText="–" />
        <ArrayInput source="participant.languages">
          <SimpleFormIterator inline>
            <TextInput source="language" label="amon.ui.cases.sprache" />
            <SelectInput source="level" label="amon.ui.cases.niveau" choices={cefrChoices} />
          </SimpleFormIterator>
        </ArrayInput>
      </TabbedForm.Tab>
      <TabbedForm.Tab label={t('resources.cases.tabs.programme')} path="programm">
        <DateInput source="consent.givenOn" />
        <CheckboxGroupInput source="consent.scope" choices={scopeChoices} helperText={t('amon.consent_scope_help')} />
        <ReferenceInput source="targetOccupationId" reference="occupations" perPage={100}>
          <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} label="resources.cases.fields.targetOccupationId" />
        </ReferenceInput>
        <SelectInput source="participant.schoolCertificate" choices={schoolChoices} emptyText="–" />
        <TextInput source="participant.priorTraining" fullWidth />
        <SelectInput source="participant.registration" choices={registrationChoices} />
        <TextInput source="participant.customerNumber" />
        <TextInput source="participant.formerNumber" />
        <ArrayInput source="participant.workExperience">
          <SimpleFormIterator inline>
            <TextInput source="occupationCode" label="amon.ui.cases.kldb_code" helperText={false} />
            <TextInput source="description" label="amon.ui.cases.taetigkeit" helperText={false} />
            <NumberInput source="months" label="amon.ui.cases.monate" helperText={false} />
            <NumberInput source="weeklyHours" label="amon.ui.cases.wochenstunden" helperText={false} />
            <BooleanInput source="abroad" label="resources.cases.fields.participant.workExperience_abroad" helperText={false} />
          </SimpleFormIterator>
        </ArrayInput>
        <BooleanInput source="participant.drivingLicence" />
        <BooleanInput source="participant.car" />
        <SelectArrayInput source="participant.districtsReachable" choices={districtChoices} />
        <NumberInput source="participant.hoursAvailable" />
      </TabbedForm.Tab>
    </TabbedForm>
  );
}
