// Helpers the campaigns views share.
import { useRecordContext, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import { CampaignInput, type Campaign } from '#shared/surveys/schema.ts';
import { toBody } from '../data/forms.ts';
import { tidyQuestions } from './CampaignForm.tsx';

export const save = (data: Record<string, unknown>) => toBody(CampaignInput)(tidyQuestions(data));
export const rate = (c: Campaign) => (c.counts.invited ? `${Math.round((c.counts.submitted / c.counts.invited) * 100)} %` : '–');

export function StatusChip() {
  const t = useTranslate();
  const c = useRecordContext<Campaign>();
  if (!c) return null;
  return (
    <Chip
      size="small"
      label={t(`amon.vocab.campaign_status.${c.status}`)}
      color={c.status === 'open' ? 'success' : c.status === 'draft' ? 'default' : 'info'}
    />
  );
}
