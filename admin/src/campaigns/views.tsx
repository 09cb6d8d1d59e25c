// Campaign screens: the list with response rates, the show page with actions and tabs, create and edit.
import { Create, CreateButton, Datagrid, DateField, Edit, FunctionField, List, SelectInput, Show, TabbedShowLayout, TextField, TopToolbar, EditButton, useRecordContext, usePermissions } from 'react-admin';
import { Chip } from '@mui/material';
import { CampaignInput, type Campaign } from '#shared/surveys/schema.ts';
import { toBody } from '../data/forms.ts';
import { CampaignActions } from './CampaignActions.tsx';
import { CampaignForm, tidyQuestions } from './CampaignForm.tsx';
import { ComparisonPanel } from './ComparisonPanel.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { KIND_NAMES, STATUS_NAMES, kindChoices } from './choices.ts';
import { canEdit } from '../auth/permissions.ts';

const save = (data: Record<string, unknown>) => toBody(CampaignInput)(tidyQuestions(data));
const rate = (c: Campaign) => (c.counts.invited ? `${Math.round((c.counts.submitted / c.counts.invited) * 100)} %` : '–');

export function StatusChip() {
  const c = useRecordContext<Campaign>();
  if (!c) return null;
  return <Chip size="small" label={STATUS_NAMES[c.status]} color={c.status === 'open' ? 'success' : c.status === 'draft' ? 'default' : 'info'} />;
}


export function CampaignList() {
  const { permissions } = usePermissions<string[]>();
  return (
    <List filters={[<SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />]} actions={<TopToolbar>{canEdit(permissions) && <CreateButton />}</TopToolbar>} sort={{ field: 'opensOn', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" />
        <FunctionField source="kind" render={(c: Campaign) => KIND_NAMES[c.kind]} sortable={false} />
        <FunctionField source="status" render={() => <StatusChip />} sortable={false} />
        <DateField source="opensOn" sortable={false} />
        <DateField source="closesOn" sortable={false} />
        <FunctionField label="Eingeladen" render={(c: Campaign) => c.counts.invited} />
        <FunctionField label="Antworten" render={(c: Campaign) => `${c.counts.submitted} (${rate(c)})`} />
      </Datagrid>
    </List>
  );
}

function ShowActions() {
  const c = useRecordContext<Campaign>();
  const { permissions } = usePermissions<string[]>();
  if (!c || !canEdit(permissions)) return <TopToolbar />;
  return (
    <TopToolbar>
      <CampaignActions />
      {c.status !== 'closed' && <EditButton />}
    </TopToolbar>
  );
}

export function CampaignShow() {
  return (
    <Show actions={<ShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Überblick">
          <TextField source="title" />
          <FunctionField source="kind" render={(c: Campaign) => KIND_NAMES[c.kind]} />
          <FunctionField source="status" render={() => <StatusChip />} />
          <DateField source="opensOn" />
          <DateField source="closesOn" />
          <TextField source="intro.de" label="Einleitung" emptyText="–" />
          <FunctionField label="Erinnerungen" render={(c: Campaign) => (c.reminderDaysBefore.length ? `${c.reminderDaysBefore.join(' und ')} Tage vor Ende` : 'keine')} />
          <FunctionField label="Rücklauf" render={(c: Campaign) => `${c.counts.submitted} von ${c.counts.invited} Betrieben (${rate(c)}); ${c.counts.sent} versendet, ${c.counts.opened} geöffnet`} />
          <FunctionField label="Fragen" render={(c: Campaign) => c.questions.map((q, i) => `${i + 1}. ${q.label.de}${q.required ? ' *' : ''}`).join('\n')} sx={{ whiteSpace: 'pre-line' }} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Einladungen" path="einladungen">
          <InvitationsPanel />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Ergebnisse" path="ergebnisse">
          <ResultsPanel />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Wellenvergleich" path="vergleich">
          <ComparisonPanel />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}

export function CampaignCreate() {
  return (
    <Create transform={save} redirect="show">
      <CampaignForm />
    </Create>
  );
}

export function CampaignEdit() {
  return (
    <Edit transform={save} mutationMode="pessimistic" redirect="show">
      <CampaignForm />
    </Edit>
  );
}
