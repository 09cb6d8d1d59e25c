// The case's "Vermittlung" tab: the open needs ranked for this person with the reasons, a proposal in one click, and
// the proposals so far with their steps.
import { QueryState, useApiQuery } from '../data/queries.tsx';
import { useRecordContext, useTranslate } from 'react-admin';
import { Alert, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Match, Suggestions } from '#shared/matching/schema.ts';
import { useCommand } from '../data/commands.ts';
import { formatDate } from '../format.ts';
import { conditionPhrases } from '../needs/choices.ts';
import { MoveButtons } from './MoveDialog.tsx';
import { ScoreBars, ScoreTotal } from './ScoreBars.tsx';

const MISSING = {
  stage: 'Passende Bedarfe werden für Fälle in Beratung, Planung oder Qualifizierung gezeigt.',
  occupation: 'Bitte zuerst einen Zielberuf eintragen: die Bedarfe werden nach Beruf gesucht.',
  anonymised: 'Der Fall ist anonymisiert.',
} as const;

export function CaseMatching() {
  const c = useRecordContext<{ id: string; version: number }>();
  const t = useTranslate();
  const command = useCommand();
  const suggestionsQuery = useApiQuery<Suggestions>(c?.id ? `/api/cases/${c.id}/suggestions` : undefined, { version: c?.version });
  const matchesQuery = useApiQuery<Match[]>(c?.id ? `/api/cases/${c.id}/matches` : undefined, { version: c?.version });
  if (!c) return null;
  const suggestions = suggestionsQuery.data;
  const matches = matchesQuery.data ?? [];
  const reload = () => void Promise.all([suggestionsQuery.refetch(), matchesQuery.refetch()]);
  const propose = async (needId: string) => {
    if ((await command('POST', `/api/cases/${c.id}/matches`, { needId }, 'amon.ui.matching.vorschlag_angelegt')).ok) reload();
  };
  return (
    <Stack spacing={3}>
      <section aria-labelledby="matches-title">
        <Typography variant="h6" component="h2" id="matches-title">
          {t('amon.ui.matching.vorschlaege')}
        </Typography>
        {matchesQuery.error ? (
          <QueryState query={matchesQuery}>{() => null}</QueryState>
        ) : matches.length === 0 ? (
          <Typography variant="body2">{t('amon.ui.matching.noch_keine_vorschlaege')}</Typography>
        ) : (
          <Table size="small" aria-label={t('amon.ui.matching.vorschlaege_des_falls')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('amon.ui.matching.betrieb')}</TableCell>
                <TableCell>{t('amon.ui.matching.beruf')}</TableCell>
                <TableCell>{t('amon.ui.matching.stand')}</TableCell>
                <TableCell>{t('amon.ui.matching.verlauf')}</TableCell>
                <TableCell>{t('amon.ui.matching.weiter')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {matches.map((m) => (
                <TableRow key={m.needId} data-need={m.needId}>
                  <TableCell>
                    <a href={`#/needs/${m.needId}/show`}>{m.companyName}</a>
                  </TableCell>
                  <TableCell>{m.occupationTitle}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={t(`amon.vocab.match_states.${m.state}`)}
                      color={m.state === 'hired' ? 'success' : m.state === 'declined' ? 'default' : 'primary'}
                    />
                    {m.trialKind && (
                      <Typography variant="caption" component="div">
                        {t(`amon.vocab.trial_kinds.${m.trialKind}`)}
                      </Typography>
                    )}
                    {m.declinedBy && (
                      <Typography variant="caption" component="div">
                        {t(`amon.vocab.declined_by.${m.declinedBy}`)}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {m.steps.map((s) => (
                      <Typography key={s.at} variant="caption" component="div">
                        {formatDate(s.on)} {t(`amon.vocab.match_states.${s.state}`)}
                        {s.note ? ` – ${s.note}` : ''}
                      </Typography>
                    ))}
                  </TableCell>
                  <TableCell>
                    <MoveButtons match={m} onMoved={reload} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="suggestions-title">
        <Typography variant="h6" component="h2" id="suggestions-title">
          {t('amon.ui.matching.passende_bedarfe')}
        </Typography>
        {!suggestions ? (
          <QueryState query={suggestionsQuery} loading={t('amon.ui.matching.bedarfe_werden_gesucht')}>
            {() => null}
          </QueryState>
        ) : suggestions.missing ? (
          <Alert severity="info">{suggestions.missing === 'consent' ? t('amon.not_in_matching_consent') : MISSING[suggestions.missing]}</Alert>
        ) : suggestions.items.length === 0 ? (
          <Alert severity="info">{t('amon.ui.matching.keine_bedarfe', { group: suggestions.searched?.group ?? '' })}</Alert>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary">
              {t('amon.ui.matching.offene_bedarfe', {
                smart_count: suggestions.searched?.openNeeds ?? 0,
                group: suggestions.searched?.group ?? '',
                best: suggestions.items.length,
              })}
            </Typography>
            <Table size="small" aria-label={t('amon.ui.matching.passende_bedarfe')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('amon.ui.matching.rang')}</TableCell>
                  <TableCell>{t('amon.ui.matching.betrieb_und_bedarf')}</TableCell>
                  <TableCell>{t('amon.ui.matching.punkte')}</TableCell>
                  <TableCell>{t('amon.ui.matching.warum')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {suggestions.items.map(({ need, score, match }, i) => (
                  <TableRow key={need.id} data-need={need.id}>
                    <TableCell>{i + 1}</TableCell>
                    <TableCell>
                      <a href={`#/needs/${need.id}/show`}>{need.companyName}</a>
                      <Typography variant="body2">
                        {need.occupationTitle} · {t('amon.ui.matching.offen_von', { open: need.headcount - need.placed, all: need.headcount })} ·{' '}
                        {t(`amon.vocab.timeframes.${need.timeframe}`)}
                      </Typography>
                      <Typography variant="caption" color="text.secondary">
                        {t(`amon.districts.${need.district}`)}
                        {conditionPhrases(t, need.conditions).length ? ` · ${conditionPhrases(t, need.conditions).join(' · ')}` : ''}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <ScoreTotal total={score.total} />
                    </TableCell>
                    <TableCell>
                      <ScoreBars score={score} />
                    </TableCell>
                    <TableCell>
                      {match ? (
                        <Chip size="small" label={t(`amon.vocab.match_states.${match.state}`)} />
                      ) : (
                        <Button
                          size="small"
                          variant="contained"
                          onClick={() => propose(need.id)}
                          aria-label={t('amon.ui.matching.betrieb_vorschlagen', { company: need.companyName })}
                        >
                          {t('amon.ui.matching.vorschlagen')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </section>
    </Stack>
  );
}
