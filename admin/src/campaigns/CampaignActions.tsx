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
      <DialogTitle id="invite-title">{t('amon.ui.campaigns.betriebe_einladen')}</DialogTitle>
      <Form onSubmit={submit} record={{}}>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('amon.ui.campaigns.auswahl_hinweis')}{' '}
            {campaign.status === 'open' ? t('amon.ui.campaigns.einladungen_sofort') : t('amon.ui.campaigns.einladungen_beim_oeffnen')}
          </Typography>
          <ReferenceArrayInput source="companyIds" reference="companies" perPage={25}>
            <AutocompleteArrayInput label="amon.ui.campaigns.betriebe" optionText="name" filterToQuery={(q: string) => ({ q })} fullWidth />
          </ReferenceArrayInput>
          <SelectInput source="wzSection" label="amon.ui.campaigns.branche" choices={sectorChoices} fullWidth />
          <SelectInput source="district" label="amon.ui.campaigns.landkreis_stadt" choices={districtChoices} fullWidth />
          <SelectInput source="sizeClass" label="amon.ui.campaigns.groesse" choices={sizeChoices} fullWidth />
          {report && (
            <Typography role="status" variant="body2">
              {t(report.jobId ? 'amon.jobs.invited_sending' : 'amon.jobs.invited', { smart_count: report.invited })}
              {report.skipped.length ? t('amon.ui.campaigns.uebersprungen', { list: report.skipped.map((s) => `${s.name} (${s.reason})`).join(', ') }) : ''}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('amon.ui.campaigns.schliessen')}</Button>
          <SaveButton label="amon.ui.campaigns.einladen" alwaysEnable icon={<span />} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}

function WaveDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const t = useTranslate();
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
      <DialogTitle id="wave-title">{t('amon.ui.campaigns.neue_welle_aus', { title: campaign.title })}</DialogTitle>
      <Form onSubmit={submit} record={{ title: t('amon.ui.campaigns.titel_neue_welle', { title: campaign.title }) }}>
        <DialogContent>
          <Typography variant="body2">{t('amon.ui.campaigns.fragen_und_eingeladene_betriebe')}</Typography>
          <TextInput source="title" label="amon.ui.campaigns.titel" fullWidth />
          <DateInput source="opensOn" label="amon.ui.campaigns.beginn" />
          <DateInput source="closesOn" label="amon.ui.campaigns.ende" />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('amon.ui.campaigns.abbrechen')}</Button>
          <SaveButton label="amon.ui.campaigns.welle_anlegen" alwaysEnable icon={<span />} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}

export function CampaignActions() {
  const t = useTranslate();
  const c = useRecordContext<Campaign>();
  const command = useCommand();
  const [dialog, setDialog] = useState<'invite' | 'wave'>();
  if (!c) return null;
  const post = (path: string, done: string, body?: object) => command('POST', `/api/campaigns/${c.id}/${path}`, body, done);
  return (
    <>
      {c.status === 'draft' && (
        <Button onClick={() => post('open', c.counts.invited ? 'amon.jobs.opened_sending' : 'amon.jobs.opened')}>
          {t('amon.ui.campaigns.oeffnen_und_versenden')}
        </Button>
      )}
      {c.status !== 'closed' && <Button onClick={() => setDialog('invite')}>{t('amon.ui.campaigns.betriebe_einladen')}</Button>}
      {c.status === 'open' && <Button onClick={() => post('reminders', 'amon.jobs.reminding', {})}>{t('amon.ui.campaigns.jetzt_erinnern')}</Button>}
      {c.status === 'open' && <Button onClick={() => post('close', 'Umfrage geschlossen')}>{t('amon.ui.campaigns.schliessen')}</Button>}
      <Button onClick={() => setDialog('wave')}>{t('amon.ui.campaigns.neue_welle')}</Button>
      {dialog === 'invite' && <InviteDialog campaign={c} onClose={() => setDialog(undefined)} />}
      {dialog === 'wave' && <WaveDialog campaign={c} onClose={() => setDialog(undefined)} />}
    </>
  );
}
