// Moves a match on: the day it happened (Berlin, today by default), the kind of trial or who declined, and a note.
import { useTranslate } from 'react-admin';
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import type { Match, MatchState } from '#shared/matching/schema.ts';
import { berlinDate } from '#shared/time.ts';
import { useCommand } from '../data/commands.ts';
import { DECLINED_BY, NEXT, TRIAL_KINDS } from './choices.ts';

export function MoveButtons({ match, onMoved }: { match: Match; onMoved?: () => void }) {
  const t = useTranslate();
  const [to, setTo] = useState<MatchState | undefined>();
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap">
      {NEXT[match.state].map((s) => (
        <Button key={s} size="small" variant={s === 'declined' ? 'text' : 'outlined'} color={s === 'declined' ? 'inherit' : 'primary'} onClick={() => setTo(s)}>
          {t(`amon.vocab.match_moves.${s}`)}
        </Button>
      ))}
      {to && <MoveDialog match={match} to={to} onClose={() => setTo(undefined)} onMoved={onMoved} />}
    </Stack>
  );
}

function MoveDialog({ match, to, onClose, onMoved }: { match: Match; to: MatchState; onClose: () => void; onMoved?: () => void }) {
  const t = useTranslate();
  const command = useCommand();
  const [on, setOn] = useState(berlinDate(new Date()));
  const [trialKind, setTrialKind] = useState<(typeof TRIAL_KINDS)[number]>('trial');
  const [declinedBy, setDeclinedBy] = useState<(typeof DECLINED_BY)[number]>('company');
  const [note, setNote] = useState('');
  const save = async () => {
    const body = {
      to,
      on,
      version: match.version,
      ...(to === 'trial' ? { trialKind } : {}),
      ...(to === 'declined' ? { declinedBy } : {}),
      ...(note.trim() ? { note } : {}),
    };
    const done = await command(
      'POST',
      `/api/cases/${match.caseId}/matches/${match.needId}/moves`,
      body,
      t('amon.ui.matching.vorschlag_state', { state: t(`amon.vocab.match_states.${to}`) }),
    );
    if (done.ok) {
      onClose();
      onMoved?.();
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="move-title">
      <DialogTitle id="move-title">{t('amon.ui.matching.move_title', { company: match.companyName, state: t(`amon.vocab.match_states.${to}`) })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1, minWidth: 320 }}>
          <TextField type="date" label={t('amon.ui.matching.datum')} value={on} onChange={(e) => setOn(e.target.value)} InputLabelProps={{ shrink: true }} />
          {to === 'trial' && (
            <TextField
              select
              label={t('amon.ui.matching.art')}
              value={trialKind}
              onChange={(e) => setTrialKind(e.target.value as (typeof TRIAL_KINDS)[number])}
            >
              {TRIAL_KINDS.map((id) => (
                <MenuItem key={id} value={id}>
                  {t(`amon.vocab.trial_kinds.${id}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {to === 'declined' && (
            <TextField
              select
              label={t('amon.ui.matching.abgesagt')}
              value={declinedBy}
              onChange={(e) => setDeclinedBy(e.target.value as (typeof DECLINED_BY)[number])}
            >
              {DECLINED_BY.map((id) => (
                <MenuItem key={id} value={id}>
                  {t(`amon.vocab.declined_by.${id}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            label={t('amon.ui.matching.notiz')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            inputProps={{ maxLength: 500 }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('amon.ui.matching.abbrechen')}</Button>
        <Button variant="contained" onClick={save}>
          {t('amon.ui.matching.speichern')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
