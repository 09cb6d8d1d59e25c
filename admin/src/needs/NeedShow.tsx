// The needs page view.
import { EditButton, Show, SimpleShowLayout, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Chip, Stack, Typography } from '@mui/material';
import { type Need } from '#shared/needs/schema.ts';
import { formatDate } from '../format.ts';
import { Candidates, NeedMatches } from '../matching/NeedCandidates.tsx';
import { conditionPhrases } from './choices.ts';
import { Title } from './common.tsx';

function Overview() {
  const n = useRecordContext<Need>();
  const t = useTranslate();
  if (!n?.conditions) return null;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} alignItems="center">
        <Chip label={t(`amon.vocab.need_status.${n.status}`)} color={n.status === 'open' ? 'primary' : 'default'} />
        <Typography>
          <a href={`#/companies/${n.companyId}/show`}>{n.companyName}</a>{' '}
          {t('amon.ui.needs.sucht', {
            headcount: n.headcount,
            occupation: n.occupationTitle,
            code: n.occupation,
            timeframe: t(`amon.vocab.timeframes.${n.timeframe}`),
          })}
          {n.placed ? t('amon.ui.needs.vermittelt', { placed: n.placed }) : ''}
        </Typography>
      </Stack>
      <Typography variant="body2">
        {t('amon.ui.needs.arbeitsort', { district: t(`amon.districts.${n.district}`) })}
        {n.postcode ? t('amon.ui.needs.plz', { postcode: n.postcode }) : ''} · {t('amon.ui.needs.angabe_am', { date: formatDate(n.statedOn) })} ·{' '}
        {n.source === 'survey' ? t('amon.ui.needs.aus_befragung', { title: n.campaignTitle ?? '' }) : t('amon.vocab.need_sources.manual')}
      </Typography>
      <Stack direction="row" spacing={1}>
        {conditionPhrases(t, n.conditions).map((p) => (
          <Chip key={p} size="small" variant="outlined" label={p} />
        ))}
      </Stack>
      {n.note && <Typography variant="body2">{t('amon.ui.needs.notiz_text', { note: n.note })}</Typography>}
    </Stack>
  );
}

export default function NeedShow() {
  return (
    <Show
      title={<Title />}
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <Overview />
        <Candidates />
        <NeedMatches />
      </SimpleShowLayout>
    </Show>
  );
}
