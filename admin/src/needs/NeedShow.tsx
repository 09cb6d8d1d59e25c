// The needs page view.
import { EditButton, Show, SimpleShowLayout, TopToolbar, useRecordContext } from 'react-admin';
import { Chip, Stack, Typography } from '@mui/material';
import { type Need } from '#shared/needs/schema.ts';
import { DISTRICT_LABELS } from '#shared/regions.ts';
import { formatDate } from '../format.ts';
import { Candidates, NeedMatches } from '../matching/NeedCandidates.tsx';
import { conditionPhrases, NEED_STATUS_NAMES, SOURCE_NAMES, TIMEFRAME_NAMES } from './choices.ts';
import { Title } from './common.tsx';

function Overview() {
  const n = useRecordContext<Need>();
  if (!n?.conditions) return null;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} alignItems="center">
        <Chip label={NEED_STATUS_NAMES[n.status]} color={n.status === 'open' ? 'primary' : 'default'} />
        <Typography>
          <a href={`#/companies/${n.companyId}/show`}>{n.companyName}</a> sucht {n.headcount} × {n.occupationTitle} (KldB {n.occupation}),{' '}
          {TIMEFRAME_NAMES[n.timeframe]}
          {n.placed ? `; ${n.placed} vermittelt` : ''}
        </Typography>
      </Stack>
      <Typography variant="body2">
        Arbeitsort: {DISTRICT_LABELS[n.district]}
        {n.postcode ? `, PLZ ${n.postcode}` : ''} · Angabe vom {formatDate(n.statedOn)} ·{' '}
        {n.source === 'survey' ? `aus der Befragung „${n.campaignTitle}“` : SOURCE_NAMES.manual}
      </Typography>
      <Stack direction="row" spacing={1}>
        {conditionPhrases(n.conditions).map((p) => (
          <Chip key={p} size="small" variant="outlined" label={p} />
        ))}
      </Stack>
      {n.note && <Typography variant="body2">Notiz: {n.note}</Typography>}
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
