// On a need's page: the people ranked for it (named with the reasons for counsellors, a pseudonymised profile for
// coordinators) and the proposals made so far.
import { QueryState, useApiQuery } from '../data/queries.tsx';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { Alert, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Candidates as CandidateList, Match, MatchSummary, NamedCandidate, PseudonymousCandidate } from '#shared/matching/schema.ts';
import type { Need } from '#shared/needs/schema.ts';
import { useCommand } from '../data/commands.ts';
import { CursorTable } from '../data/CursorTable.tsx';
import { seesCases } from '../auth/permissions.ts';
import { formatDate } from '../format.ts';
import { ScoreBars, ScoreTotal } from './ScoreBars.tsx';

export function Candidates() {
  const t = useTranslate();
  const need = useRecordContext<Need>();
  const { permissions } = usePermissions<string[]>();
  const command = useCommand();
  const query = useApiQuery<CandidateList>(need?.id ? `/api/needs/${need.id}/candidates` : undefined, { version: need?.version });
  if (!need?.id) return null;
  const list = query.data;
  const propose = async (caseId: string) => {
    if ((await command('POST', `/api/cases/${caseId}/matches`, { needId: need.id }, 'amon.ui.matching.vorschlag_angelegt')).ok) void query.refetch();
  };
  const named = seesCases(permissions);
  return (
    <section aria-labelledby="candidates-title">
      <Typography variant="h6" component="h2" id="candidates-title">
        {t('amon.ui.matching.passende_personen')}
      </Typography>
      {!named && (
        <Alert severity="info" sx={{ my: 1 }}>
          {t('amon.ui.matching.die_koordination_sieht_nur')}
        </Alert>
      )}
      {!list ? (
        <QueryState query={query} loading={t('amon.ui.matching.personen_werden_gesucht')}>
          {() => null}
        </QueryState>
      ) : list.items.length === 0 ? (
        <Typography variant="body2">{t('amon.ui.matching.niemand', { group: list.searched.group })}</Typography>
      ) : (
        <Table size="small" aria-label={t('amon.ui.matching.passende_personen')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('amon.ui.matching.rang')}</TableCell>
              <TableCell>{named ? t('amon.ui.matching.person') : t('amon.ui.matching.pseudonym')}</TableCell>
              <TableCell>{t('amon.ui.matching.zielberuf')}</TableCell>
              <TableCell>{t('amon.ui.matching.landkreis')}</TableCell>
              <TableCell>{t('amon.ui.matching.stand')}</TableCell>
              <TableCell>{t('amon.ui.matching.punkte')}</TableCell>
              {named && <TableCell>{t('amon.ui.matching.warum')}</TableCell>}
              {named && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {list.items.map((c, i) =>
              c.view === 'named' ? (
                <NamedRow key={c.caseId} rank={i + 1} c={c} onPropose={need.status === 'open' ? propose : undefined} />
              ) : (
                <PseudonymousRow key={c.pseudonym} rank={i + 1} c={c} />
              ),
            )}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function NamedRow({ rank, c, onPropose }: { rank: number; c: NamedCandidate; onPropose?: (caseId: string) => void }) {
  const t = useTranslate();
  return (
    <TableRow data-case={c.caseId}>
      <TableCell>{rank}</TableCell>
      <TableCell>
        <a href={`#/cases/${c.caseId}/show`}>
          {c.lastName}, {c.firstName}
        </a>
        <Typography variant="caption" component="div">
          {c.caseNumber}
        </Typography>
      </TableCell>
      <TableCell>{c.occupationTitle}</TableCell>
      <TableCell>{c.district ? t(`amon.districts.${c.district}`) : '–'}</TableCell>
      <TableCell>{t(`amon.case_status.${c.status}`)}</TableCell>
      <TableCell>
        <ScoreTotal total={c.score.total} />
      </TableCell>
      <TableCell>
        <ScoreBars score={c.score} />
      </TableCell>
      <TableCell>
        {c.match ? (
          <Chip size="small" label={t(`amon.vocab.match_states.${c.match.state}`)} />
        ) : (
          onPropose && (
            <Button size="small" variant="contained" onClick={() => onPropose(c.caseId)}>
              {t('amon.ui.matching.vorschlagen')}
            </Button>
          )
        )}
      </TableCell>
    </TableRow>
  );
}

function PseudonymousRow({ rank, c }: { rank: number; c: PseudonymousCandidate }) {
  const t = useTranslate();
  return (
    <TableRow>
      <TableCell>{rank}</TableCell>
      <TableCell>{c.pseudonym}</TableCell>
      <TableCell>{c.occupationTitle}</TableCell>
      <TableCell>{c.district ? t(`amon.districts.${c.district}`) : '–'}</TableCell>
      <TableCell>{t(`amon.vocab.match_stages.${c.stage}`)}</TableCell>
      <TableCell>
        <ScoreTotal total={c.total} />
      </TableCell>
    </TableRow>
  );
}

export function NeedMatches() {
  const t = useTranslate();
  const need = useRecordContext<Need>();
  const { permissions } = usePermissions<string[]>();
  if (!need?.id) return null;
  const named = seesCases(permissions);
  const sinceOf = (m: Match | MatchSummary) => ('caseId' in m ? m.steps[m.steps.length - 1]!.on : m.since);
  return (
    <Stack spacing={1} component="section" aria-labelledby="need-matches-title" sx={{ mt: 2 }}>
      <Typography variant="h6" component="h2" id="need-matches-title">
        {t('amon.ui.matching.vorschlaege_zu_diesem_bedarf')}
      </Typography>
      <CursorTable<Match | MatchSummary>
        path={`/api/needs/${need.id}/matches`}
        params={{ limit: '25' }}
        reloadOn={[need.version]}
        label={t('amon.ui.matching.vorschlaege_zu_diesem_bedarf')}
        empty={t('amon.ui.matching.noch_niemand')}
        rowKey={(m) => ('caseId' in m ? m.caseId : `${m.pseudonym}-${sinceOf(m)}`)}
        columns={[
          {
            header: named ? t('amon.ui.matching.fall') : t('amon.ui.matching.pseudonym'),
            cell: (m) => ('caseId' in m ? <a href={`#/cases/${m.caseId}/show/vermittlung`}>{m.caseNumber}</a> : m.pseudonym),
          },
          { header: t('amon.ui.matching.stand'), cell: (m) => t(`amon.vocab.match_states.${m.state}`) },
          { header: t('amon.ui.matching.seit'), cell: (m) => formatDate(sinceOf(m)) },
          { header: t('amon.ui.matching.punkte_beim_vorschlag'), cell: (m) => m.score },
        ]}
      />
    </Stack>
  );
}
