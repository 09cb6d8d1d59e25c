// The needs of a company, newest statement first, with a link to record a new one for it.
import { useRecordContext, useTranslate } from 'react-admin';
import { Button, Stack, Typography } from '@mui/material';
import type { Company } from '#shared/companies/schema.ts';
import type { Need } from '#shared/needs/schema.ts';
import { CursorTable } from '../data/CursorTable.tsx';
import { formatDate } from '../format.ts';

export function CompanyNeeds() {
  const t = useTranslate();
  const company = useRecordContext<Company>();
  if (!company) return null;
  const create = `#/needs/create?source=${encodeURIComponent(JSON.stringify({ companyId: company.id }))}`;
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Stack direction="row" spacing={2} alignItems="center">
        <Typography variant="h6" component="h2">
          {t('amon.ui.companies.bedarfe')}
        </Typography>
        <Button href={create} size="small" variant="outlined">
          {t('amon.ui.companies.bedarf_erfassen')}
        </Button>
      </Stack>
      <CursorTable<Need>
        path="/api/needs"
        params={{ companyId: company.id, limit: '25' }}
        label={t('amon.ui.companies.bedarfe_des_betriebs')}
        empty={t('amon.ui.companies.kein_bedarf')}
        rowKey={(n) => n.id}
        columns={[
          { header: t('amon.ui.companies.beruf'), cell: (n) => <a href={`#/needs/${n.id}/show`}>{n.occupationTitle}</a> },
          { header: t('amon.ui.companies.personen'), cell: (n) => (n.placed ? `${n.placed} von ${n.headcount} besetzt` : n.headcount) },
          { header: t('amon.ui.companies.zeitraum'), cell: (n) => t(`amon.vocab.timeframes.${n.timeframe}`) },
          { header: t('amon.ui.companies.quelle'), cell: (n) => (n.source === 'survey' ? n.campaignTitle : t('amon.vocab.need_sources.manual')) },
          { header: t('amon.ui.companies.angabe_vom'), cell: (n) => formatDate(n.statedOn) },
          { header: t('amon.ui.companies.status'), cell: (n) => t(`amon.vocab.need_status.${n.status}`) },
        ]}
      />
    </Stack>
  );
}
