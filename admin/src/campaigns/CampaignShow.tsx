// The campaigns page view.
import {
  DateField,
  FunctionField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  EditButton,
  useRecordContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { type Campaign } from '#shared/surveys/schema.ts';
import { CampaignActions } from './CampaignActions.tsx';
import { ComparisonPanel } from './ComparisonPanel.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { canEdit } from '../auth/permissions.ts';
import { StatusChip, rate } from './common.tsx';
import { RecordJobs } from '../jobs/JobsPanel.tsx';

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

export default function CampaignShow() {
  const t = useTranslate();
  return (
    <Show actions={<ShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="amon.ui.campaigns.ueberblick">
          <RecordJobs type="campaign" />
          <TextField source="title" />
          <FunctionField source="kind" render={(c: Campaign) => t(`amon.vocab.campaign_kinds.${c.kind}`)} />
          <FunctionField source="status" render={() => <StatusChip />} />
          <DateField source="opensOn" />
          <DateField source="closesOn" />
          <TextField source="intro.de" label="amon.ui.campaigns.einleitung" emptyText="–" />
          <FunctionField
            label="amon.ui.campaigns.erinnerungen"
            render={(c: Campaign) => (c.reminderDaysBefore.length ? `${c.reminderDaysBefore.join(' und ')} Tage vor Ende` : 'keine')}
          />
          <FunctionField
            label="amon.ui.campaigns.ruecklauf"
            render={(c: Campaign) =>
              `${c.counts.submitted} von ${c.counts.invited} Betrieben (${rate(c)}); ${c.counts.sent} versendet, ${c.counts.opened} geöffnet`
            }
          />
          <FunctionField
            label="amon.ui.campaigns.fragen"
            render={(c: Campaign) => c.questions.map((q, i) => `${i + 1}. ${q.label.de}${q.required ? ' *' : ''}`).join('\n')}
            sx={{ whiteSpace: 'pre-line' }}
          />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="amon.ui.campaigns.einladungen" path="einladungen">
          <InvitationsPanel />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="amon.ui.campaigns.ergebnisse" path="ergebnisse">
          <ResultsPanel />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="amon.ui.campaigns.wellenvergleich" path="vergleich">
          <ComparisonPanel />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
