// The commands of a campaign: open, close, remind now, invite companies (chosen or by filter), start a new wave.
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  DateInput,
  Form,
  ReferenceArrayInput,
  SaveButton,
  SelectInput,
  TextInput,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import type { Campaign, InviteResult } from '#shared/surveys/schema.ts';
import { districtChoices, sectorChoices, sizeChoices } from '../companies/choices.ts';
import { useCommand } from '../data/commands.ts';

function InviteDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const command = useCommand();
  const t = useTranslate();
  const [report, setReport] = useState<InviteResult>();
  const submit = async (values: Record<string, unknown>) => {
    const ids = values.companyIds as string[] | undefined;
    const filter = Object.fromEntries(['wzSection', 'district', 'sizeClass'].filter((k) => values[k]).map((k) => [k, values[k]]));
    const body = ids?.length ? { companyIds: ids } : { filter };
    const sent = await command<InviteResult>('POST', `/api/campaigns/${campaign.id}/invitations`, body, (r) =>
      t(r.jobId ? 'amon.jobs.invited_sending' : 'amon.jobs.invited', { smart_count: r.invited }),
    );
    if (sent.ok) setReport(sent.result);
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="invite-title">
      <DialogTitle id="invite-title">Betriebe einladen</DialogTitle>
      <Form onSubmit={submit} record={{}}>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Wählen Sie Betriebe aus – oder lassen Sie die Auswahl leer und laden Sie alle Betriebe ein, die zum Filter passen.{' '}
            {campaign.status === 'open'
              ? 'Die Einladungen werden sofort im Hintergrund versendet; den Fortschritt sehen Sie unter „Aufträge“.'
              : 'Die Einladungen werden beim Öffnen der Umfrage versendet.'}
          </Typography>
          <ReferenceArrayInput source="companyIds" reference="companies" perPage={25}>
            <AutocompleteArrayInput label="Betriebe" optionText="name" filterToQuery={(q: string) => ({ q })} fullWidth />
          </ReferenceArrayInput>
          <SelectInput source="wzSection" label="Branche" choices={sectorChoices} fullWidth />
          <SelectInput source="district" label="Landkreis / Stadt" choices={districtChoices} fullWidth />
          <SelectInput source="sizeClass" label="Größe" choices={sizeChoices} fullWidth />
          {report && (
            <Typography role="status" variant="body2">
              {t(report.jobId ? 'amon.jobs.invited_sending' : 'amon.jobs.invited', { smart_count: report.invited })}
              {report.skipped.length ? `; übersprungen: ${report.skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}` : ''}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Schließen</Button>
          <SaveButton label="Einladen" alwaysEnable icon={<span />} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}

function WaveDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const command = useCommand();
  const redirect = useRedirect();
  const submit = async (values: Record<string, unknown>) => {
    const wave = await command<Campaign>(
      'POST',
      `/api/campaigns/${campaign.id}/waves`,
      { title: values.title, opensOn: values.opensOn, closesOn: values.closesOn },
      () => 'Neue Welle als Entwurf angelegt',
    );
    if (wave.ok) redirect('show', 'campaigns', wave.result.id);
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="wave-title">
      <DialogTitle id="wave-title">Neue Welle aus „{campaign.title}“</DialogTitle>
      <Form onSubmit={submit} record={{ title: `${campaign.title} (neue Welle)` }}>
        <DialogContent>
          <Typography variant="body2">Fragen und eingeladene Betriebe werden übernommen. Die neue Welle beginnt als Entwurf.</Typography>
          <TextInput source="title" label="Titel" fullWidth />
          <DateInput source="opensOn" label="Beginn" />
          <DateInput source="closesOn" label="Ende" />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Abbrechen</Button>
          <SaveButton label="Welle anlegen" alwaysEnable icon={<span />} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}

export function CampaignActions() {
  const c = useRecordContext<Campaign>();
  const command = useCommand();
  const [dialog, setDialog] = useState<'invite' | 'wave'>();
  if (!c) return null;
  const post = (path: string, done: string, body?: object) => command('POST', `/api/campaigns/${c.id}/${path}`, body, done);
  return (
    <>
      {c.status === 'draft' && (
        <Button onClick={() => post('open', c.counts.invited ? 'amon.jobs.opened_sending' : 'amon.jobs.opened')}>Öffnen und versenden</Button>
      )}
      {c.status !== 'closed' && <Button onClick={() => setDialog('invite')}>Betriebe einladen</Button>}
      {c.status === 'open' && <Button onClick={() => post('reminders', 'amon.jobs.reminding', {})}>Jetzt erinnern</Button>}
      {c.status === 'open' && <Button onClick={() => post('close', 'Umfrage geschlossen')}>Schließen</Button>}
      <Button onClick={() => setDialog('wave')}>Neue Welle</Button>
      {dialog === 'invite' && <InviteDialog campaign={c} onClose={() => setDialog(undefined)} />}
      {dialog === 'wave' && <WaveDialog campaign={c} onClose={() => setDialog(undefined)} />}
    </>
  );
}
