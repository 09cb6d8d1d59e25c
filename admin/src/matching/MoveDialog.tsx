// Moves a match on: the day it happened (Berlin, today by default), the kind of trial or who declined, and a note.
import { useTranslate } from 'react-admin';
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import type { Match, MatchState } from '#shared/matching/schema.ts';
import { berlinDate } from '#shared/time.ts';
import { useCommand } from '../data/commands.ts';
import { DECLINED_BY_NAMES, MATCH_STATE_LABELS, MOVE_LABELS, NEXT, TRIAL_KIND_NAMES } from './choices.ts';

export function MoveButtons({ match, onMoved }: { match: Match; onMoved?: () => void }) {
  const [to, setTo] = useState<MatchState | undefined>();
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap">
      {NEXT[match.state].map((s) => (
        <Button key={s} size="small" variant={s === 'declined' ? 'text' : 'outlined'} color={s === 'declined' ? 'inherit' : 'primary'} onClick={() => setTo(s)}>
          {MOVE_LABELS[s]}
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
  const [trialKind, setTrialKind] = useState<keyof typeof TRIAL_KIND_NAMES>('trial');
  const [declinedBy, setDeclinedBy] = useState<keyof typeof DECLINED_BY_NAMES>('company');
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
    const done = await command('POST', `/api/cases/${match.caseId}/matches/${match.needId}/moves`, body, `Vorschlag: ${MATCH_STATE_LABELS[to]}`);
    if (done.ok) {
      onClose();
      onMoved?.();
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="move-title">
      <DialogTitle id="move-title">
        {match.companyName}: {MATCH_STATE_LABELS[to]}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1, minWidth: 320 }}>
          <TextField type="date" label={t('amon.ui.matching.datum')} value={on} onChange={(e) => setOn(e.target.value)} InputLabelProps={{ shrink: true }} />
          {to === 'trial' && (
            <TextField
              select
              label={t('amon.ui.matching.art')}
              value={trialKind}
              onChange={(e) => setTrialKind(e.target.value as keyof typeof TRIAL_KIND_NAMES)}
            >
              {Object.entries(TRIAL_KIND_NAMES).map(([id, name]) => (
                <MenuItem key={id} value={id}>
                  {name}
                </MenuItem>
              ))}
            </TextField>
          )}
          {to === 'declined' && (
            <TextField
              select
              label={t('amon.ui.matching.abgesagt')}
              value={declinedBy}
              onChange={(e) => setDeclinedBy(e.target.value as keyof typeof DECLINED_BY_NAMES)}
            >
              {Object.entries(DECLINED_BY_NAMES).map(([id, name]) => (
                <MenuItem key={id} value={id}>
                  {name}
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
