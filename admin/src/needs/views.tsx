// Needs screens: the list by status, the need page with its ranked candidates and proposals, create and edit.
import {
  Create,
  CreateButton,
  Datagrid,
  Edit,
  EditButton,
  FunctionField,
  List,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { Chip, Stack, Typography } from '@mui/material';
import { NeedInput, NeedUpdate, type Need } from '#shared/needs/schema.ts';
import { DISTRICT_LABELS } from '#shared/regions.ts';
import { toBody } from '../data/forms.ts';
import { formatDate } from '../format.ts';
import { Candidates, NeedMatches } from '../matching/NeedCandidates.tsx';
import { conditionPhrases, NEED_STATUS_NAMES, needStatusChoices, SOURCE_NAMES, TIMEFRAME_NAMES } from './choices.ts';
import { NeedForm } from './NeedForm.tsx';

const filters = [<SelectInput key="status" source="status" label="Status" choices={needStatusChoices} alwaysOn emptyText="offen" />];

export function NeedList() {
  return (
    <List filters={filters} filterDefaultValues={{ status: 'open' }} sort={{ field: 'statedOn', order: 'DESC' }} actions={<TopToolbar><CreateButton label="Bedarf erfassen" /></TopToolbar>} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="companyName" label="Betrieb" sortable={false} />
        <FunctionField label="Beruf" render={(n: Need) => `${n.occupationTitle} (${n.occupation})`} />
        <FunctionField label="Personen" render={(n: Need) => (n.placed ? `${n.placed} von ${n.headcount} besetzt` : n.headcount)} />
        <FunctionField label="Zeitraum" render={(n: Need) => TIMEFRAME_NAMES[n.timeframe]} />
        <FunctionField label="Landkreis" render={(n: Need) => DISTRICT_LABELS[n.district]} />
        <FunctionField label="Quelle" render={(n: Need) => (n.source === 'survey' ? n.campaignTitle ?? SOURCE_NAMES.survey : SOURCE_NAMES.manual)} />
        <FunctionField label="Angabe vom" render={(n: Need) => formatDate(n.statedOn)} />
        <FunctionField label="Status" render={(n: Need) => NEED_STATUS_NAMES[n.status]} />
      </Datagrid>
    </List>
  );
}

function Title() {
  const n = useRecordContext<Need>();
  return <span>{n ? `Bedarf: ${n.occupationTitle} bei ${n.companyName}` : ''}</span>;
}

function Overview() {
  const n = useRecordContext<Need>();
  if (!n?.conditions) return null;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} alignItems="center">
        <Chip label={NEED_STATUS_NAMES[n.status]} color={n.status === 'open' ? 'primary' : 'default'} />
        <Typography>
          <a href={`#/companies/${n.companyId}/show`}>{n.companyName}</a> sucht {n.headcount} × {n.occupationTitle} (KldB {n.occupation}), {TIMEFRAME_NAMES[n.timeframe]}
          {n.placed ? `; ${n.placed} vermittelt` : ''}
        </Typography>
      </Stack>
      <Typography variant="body2">
        Arbeitsort: {DISTRICT_LABELS[n.district]}{n.postcode ? `, PLZ ${n.postcode}` : ''} · Angabe vom {formatDate(n.statedOn)} ·{' '}
        {n.source === 'survey' ? `aus der Befragung „${n.campaignTitle}“` : SOURCE_NAMES.manual}
      </Typography>
      <Stack direction="row" spacing={1}>
        {conditionPhrases(n.conditions).map((p) => <Chip key={p} size="small" variant="outlined" label={p} />)}
      </Stack>
      {n.note && <Typography variant="body2">Notiz: {n.note}</Typography>}
    </Stack>
  );
}

export function NeedShow() {
  return (
    <Show title={<Title />} actions={<TopToolbar><EditButton /></TopToolbar>}>
      <SimpleShowLayout>
        <Overview />
        <Candidates />
        <NeedMatches />
      </SimpleShowLayout>
    </Show>
  );
}

export function NeedCreate() {
  return (
    <Create redirect="show" transform={toBody(NeedInput)} title="Bedarf erfassen">
      <NeedForm />
    </Create>
  );
}

export function NeedEdit() {
  return (
    <Edit redirect="show" mutationMode="pessimistic" transform={toBody(NeedUpdate)} title={<Title />}>
      <NeedForm edit />
    </Edit>
  );
}
