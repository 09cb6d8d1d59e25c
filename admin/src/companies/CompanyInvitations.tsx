// The surveys a company was invited to, newest first, with how far it got; links lead to the campaign.
import { useGetManyAggregate, useRecordContext, useTranslate } from 'react-admin';
import { Stack, Typography } from '@mui/material';
import type { Company } from '#shared/companies/schema.ts';
import type { Campaign, Invitation } from '#shared/surveys/schema.ts';
import { CursorTable } from '../data/CursorTable.tsx';
import { formatDateTime } from '../format.ts';

/** A campaign's title; the titles of one page are read in one batched request. */
function CampaignTitle({ id }: { id: string }) {
  const { data } = useGetManyAggregate<Campaign>('campaigns', { ids: [id] });
  return <a href={`#/campaigns/${id}/show`}>{data?.[0]?.title ?? '…'}</a>;
}

export function CompanyInvitations() {
  const t = useTranslate();
  const company = useRecordContext<Company>();
  if (!company) return null;
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Typography variant="h6" component="h2">
        {t('amon.ui.companies.befragungen')}
      </Typography>
      <CursorTable<Invitation>
        path={`/api/companies/${company.id}/invitations`}
        params={{ limit: '25' }}
        label={t('amon.ui.companies.befragungen_des_betriebs')}
        empty={t('amon.ui.companies.keine_einladung')}
        rowKey={(i) => i.campaignId}
        columns={[
          { header: t('amon.ui.companies.umfrage'), cell: (i) => <CampaignTitle id={i.campaignId} /> },
          {
            header: t('amon.ui.companies.status'),
            cell: (i) => `${t(`amon.vocab.invitation_states.${i.state}`)}${i.version > 1 ? ` (Version ${i.version})` : ''}`,
          },
          { header: t('amon.ui.companies.versendet'), cell: (i) => (i.sentAt ? formatDateTime(i.sentAt) : '–') },
          { header: t('amon.ui.companies.erinnert'), cell: (i) => (i.remindedAt.length ? `${i.remindedAt.length}×` : '–') },
          { header: t('amon.ui.companies.beantwortet'), cell: (i) => (i.submittedAt ? formatDateTime(i.submittedAt) : '–') },
        ]}
      />
    </Stack>
  );
}
