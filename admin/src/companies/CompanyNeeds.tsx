// The needs of a company, newest statement first, with a link to record a new one for it.
import { useRecordContext, useTranslate } from 'react-admin';
import { Button, Stack, Typography } from '@mui/material';
import type { Company } from '#shared/companies/schema.ts';
import type { Need } from '#shared/needs/schema.ts';
import { CursorTable } from '../data/CursorTable.tsx';
import { formatDate } from '../format.ts';
import { NEED_STATUS_NAMES, SOURCE_NAMES, TIMEFRAME_NAMES } from '../needs/choices.ts';

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
        empty="Für diesen Betrieb ist noch kein Bedarf erfasst."
        rowKey={(n) => n.id}
        columns={[
          { header: 'Beruf', cell: (n) => <a href={`#/needs/${n.id}/show`}>{n.occupationTitle}</a> },
          { header: 'Personen', cell: (n) => (n.placed ? `${n.placed} von ${n.headcount} besetzt` : n.headcount) },
          { header: 'Zeitraum', cell: (n) => TIMEFRAME_NAMES[n.timeframe] },
          { header: 'Quelle', cell: (n) => (n.source === 'survey' ? n.campaignTitle : SOURCE_NAMES.manual) },
          { header: 'Angabe vom', cell: (n) => formatDate(n.statedOn) },
          { header: 'Status', cell: (n) => NEED_STATUS_NAMES[n.status] },
        ]}
      />
    </Stack>
  );
}
