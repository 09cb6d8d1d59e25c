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
        <Labeled label="amon.ui.needs.betrieb">
          <FunctionField render={(n: { companyName: string }) => n.companyName} />
        </Labeled>
      ) : (
        <ReferenceInput source="companyId" reference="companies" perPage={25}>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} label="amon.ui.needs.betrieb" sx={{ minWidth: 360 }} />
        </ReferenceInput>
      )}
      {edit && (
        <Labeled label="amon.ui.needs.beruf_bisher">
          <FunctionField render={(n: { occupationTitle: string; occupation: string }) => `${n.occupationTitle} (KldB ${n.occupation})`} />
        </Labeled>
      )}
      <ReferenceInput source="occupationId" reference="occupations" perPage={100}>
        <AutocompleteInput
          optionText="title"
          filterToQuery={(q: string) => ({ q })}
          label={edit ? 'amon.ui.needs.anderer_beruf' : 'amon.ui.needs.beruf'}
          sx={{ minWidth: 360 }}
        />
      </ReferenceInput>
      <Stack direction="row" spacing={2}>
        <NumberInput source="headcount" label="amon.ui.needs.anzahl_personen" min={1} max={999} />
        <SelectInput source="timeframe" label="amon.ui.needs.zeitraum" choices={timeframeChoices} />
        <DateInput source="statedOn" label="amon.ui.needs.angabe_vom" helperText="amon.ui.needs.leer_heute" />
      </Stack>
      <Stack direction="row" spacing={2}>
        <SelectInput
          source="district"
          label="amon.ui.needs.landkreis_des_arbeitsorts"
          choices={districtChoices}
          emptyText="amon.ui.needs.wie_der_betrieb"
          helperText="amon.ui.needs.leer_sitz_des_betriebs"
        />
        <TextInput source="postcode" label="amon.ui.needs.plz_des_arbeitsorts" />
      </Stack>
      <BooleanInput source="conditions.partTime" label="amon.ui.needs.teilzeit_moeglich" />
      <BooleanInput source="conditions.lowSkilled" label="amon.ui.needs.wuerde_geringqualifizierte" />
      <BooleanInput source="conditions.migrant" label="amon.ui.needs.wuerde_menschen_mit" />
      <SelectInput
        source="conditions.germanLevel"
        label="amon.ui.needs.noetige_deutschkenntnisse"
        choices={cefrChoices}
        emptyText="amon.ui.needs.keine_vorgabe"
      />
      {edit && <SelectInput source="status" label="amon.ui.needs.status" choices={needStatusChoices} />}
      <TextInput source="note" label="amon.ui.needs.notiz" multiline minRows={2} fullWidth />
    </SimpleForm>
  );
}
