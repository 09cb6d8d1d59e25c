// The need form: company and occupation (from the occupation list, on KldB codes), headcount, timeframe, place and conditions.
import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  FunctionField,
  Labeled,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { Stack } from '@mui/material';
import { NeedInput, NeedUpdate } from '#shared/needs/schema.ts';
import { schemaResolver } from '../data/forms.ts';
import { cefrChoices, districtChoices } from '../cases/choices.ts';
import { needStatusChoices, timeframeChoices } from './choices.ts';

export function NeedForm({ edit = false }: { edit?: boolean }) {
  return (
    <SimpleForm
      resolver={schemaResolver(edit ? NeedUpdate : NeedInput)}
      defaultValues={{ headcount: 1, timeframe: 'within6Months', conditions: { partTime: false, lowSkilled: false, migrant: false } }}
    >
      {edit ? (
        <Labeled label="Betrieb">
          <FunctionField render={(n: { companyName: string }) => n.companyName} />
        </Labeled>
      ) : (
        <ReferenceInput source="companyId" reference="companies" perPage={25}>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} label="Betrieb" sx={{ minWidth: 360 }} />
        </ReferenceInput>
      )}
      {edit && (
        <Labeled label="Beruf bisher">
          <FunctionField render={(n: { occupationTitle: string; occupation: string }) => `${n.occupationTitle} (KldB ${n.occupation})`} />
        </Labeled>
      )}
      <ReferenceInput source="occupationId" reference="occupations" perPage={100}>
        <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} label={edit ? 'anderer Beruf' : 'Beruf'} sx={{ minWidth: 360 }} />
      </ReferenceInput>
      <Stack direction="row" spacing={2}>
        <NumberInput source="headcount" label="Anzahl Personen" min={1} max={999} />
        <SelectInput source="timeframe" label="Zeitraum" choices={timeframeChoices} />
        <DateInput source="statedOn" label="Angabe vom" helperText="leer: heute" />
      </Stack>
      <Stack direction="row" spacing={2}>
        <SelectInput
          source="district"
          label="Landkreis des Arbeitsorts"
          choices={districtChoices}
          emptyText="wie der Betrieb"
          helperText="leer: Sitz des Betriebs"
        />
        <TextInput source="postcode" label="PLZ des Arbeitsorts" />
      </Stack>
      <BooleanInput source="conditions.partTime" label="Teilzeit möglich" />
      <BooleanInput source="conditions.lowSkilled" label="würde Geringqualifizierte qualifizieren (Lernort)" />
      <BooleanInput source="conditions.migrant" label="würde Menschen mit Migrationsgeschichte beschäftigen" />
      <SelectInput source="conditions.germanLevel" label="nötige Deutschkenntnisse" choices={cefrChoices} emptyText="keine Vorgabe" />
      {edit && <SelectInput source="status" label="Status" choices={needStatusChoices} />}
      <TextInput source="note" label="Notiz" multiline minRows={2} fullWidth />
    </SimpleForm>
  );
}
