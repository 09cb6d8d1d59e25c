// Why a match ranks where it does: the total and one bar per component (occupation, reach, timeframe, conditions) with its reasons.
import { useTranslate } from 'react-admin';
import { Box, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import type { ScoreView } from '#shared/matching/schema.ts';
import type * as z from 'zod/mini';

export function ScoreTotal({ total, max = 100 }: { total: number; max?: number }) {
  const t = useTranslate();
  return (
    <Typography component="span" sx={{ fontWeight: 'bold' }} aria-label={t('amon.ui.matching.punktzahl', { total, max })}>
      {total}
    </Typography>
  );
}

/** One line per component: name, points of max, a bar and the German reasons. */
export function ScoreBars({ score }: { score: z.infer<typeof ScoreView> }) {
  const t = useTranslate();
  return (
    <Stack spacing={0.5} sx={{ minWidth: 320 }} aria-label={t('amon.ui.matching.begruendung_der_punktzahl')}>
      {score.components.map((c) => (
        <Box key={c.key} data-component={c.key}>
          <Stack direction="row" spacing={1} alignItems="center">
            <Typography variant="caption" sx={{ width: 110 }}>
              {t(`amon.vocab.score_components.${c.key}`)} {c.points}/{c.max}
            </Typography>
            <Tooltip title={c.reasons.join(' · ') || '–'}>
              <LinearProgress variant="determinate" value={(c.points / c.max) * 100} sx={{ flex: 1, height: 6, borderRadius: 3 }} aria-hidden />
            </Tooltip>
          </Stack>
          {c.reasons.length > 0 && (
            <Typography variant="caption" color="text.secondary" component="div" sx={{ pl: '118px' }}>
              {c.reasons.join(' · ')}
            </Typography>
          )}
        </Box>
      ))}
    </Stack>
  );
}
