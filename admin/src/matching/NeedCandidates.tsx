// On a need's page: the people ranked for it (named with the reasons for counsellors, a pseudonymised profile for
// coordinators) and the proposals made so far.
import { QueryState, useApiQuery } from '../data/queries.tsx';
import { usePermissions, useRecordContext } from 'react-admin';
import { Alert, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Candidates as CandidateList, Match, MatchSummary, NamedCandidate, PseudonymousCandidate } from '#shared/matching/schema.ts';
import type { Need } from '#shared/needs/schema.ts';
import { DISTRICT_LABELS } from '#shared/regions.ts';
import { useCommand } from '../data/commands.ts';
import { CursorTable } from '../data/CursorTable.tsx';
import { seesCases } from '../auth/permissions.ts';
import { formatDate } from '../format.ts';
import { STATUS_NAMES } from '#shared/cases/lifecycle.ts';
import { MATCH_STATE_LABELS, STAGE_NAMES } from './choices.ts';
import { ScoreBars, ScoreTotal } from './ScoreBars.tsx';

export function Candidates() {
  const need = useRecordContext<Need>();
  const { permissions } = usePermissions<string[]>();
  const command = useCommand();
  const query = useApiQuery<CandidateList>(need?.id ? `/api/needs/${need.id}/candidates` : undefined, { version: need?.version });
  if (!need?.id) return null;
  const list = query.data;
  const propose = async (caseId: string) => {
    if ((await command('POST', `/api/cases/${caseId}/matches`, { needId: need.id }, 'Vorschlag angelegt')).ok) void query.refetch();
  };
  const named = seesCases(permissions);
  return (
    <section aria-labelledby="candidates-title">
      <Typography variant="h6" component="h2" id="candidates-title">
        Passende Personen
      </Typography>
      {!named && (
        <Alert severity="info" sx={{ my: 1 }}>
          Die Koordination sieht nur pseudonymisierte Profile. Namen sehen die Beratungsfachkräfte.
        </Alert>
      )}
      {!list ? (
        <QueryState query={query} loading="Personen werden gesucht">
          {() => null}
        </QueryState>
      ) : list.items.length === 0 ? (
        <Typography variant="body2">Niemand in Beratung, Planung oder Qualifizierung mit einem Zielberuf der Berufsgruppe {list.searched.group}.</Typography>
      ) : (
        <Table size="small" aria-label="Passende Personen">
          <TableHead>
            <TableRow>
              <TableCell>Rang</TableCell>
              <TableCell>{named ? 'Person' : 'Pseudonym'}</TableCell>
              <TableCell>Zielberuf</TableCell>
              <TableCell>Landkreis</TableCell>
              <TableCell>Stand</TableCell>
              <TableCell>Punkte</TableCell>
              {named && <TableCell>Warum</TableCell>}
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
      <TableCell>{c.district ? DISTRICT_LABELS[c.district] : '–'}</TableCell>
      <TableCell>{STATUS_NAMES[c.status]}</TableCell>
      <TableCell>
        <ScoreTotal total={c.score.total} />
      </TableCell>
      <TableCell>
        <ScoreBars score={c.score} />
      </TableCell>
      <TableCell>
        {c.match ? (
          <Chip size="small" label={MATCH_STATE_LABELS[c.match.state]} />
        ) : (
          onPropose && (
            <Button size="small" variant="contained" onClick={() => onPropose(c.caseId)}>
              Vorschlagen
            </Button>
          )
        )}
      </TableCell>
    </TableRow>
  );
}

function PseudonymousRow({ rank, c }: { rank: number; c: PseudonymousCandidate }) {
  return (
    <TableRow>
      <TableCell>{rank}</TableCell>
      <TableCell>{c.pseudonym}</TableCell>
      <TableCell>{c.occupationTitle}</TableCell>
      <TableCell>{c.district ? DISTRICT_LABELS[c.district] : '–'}</TableCell>
      <TableCell>{STAGE_NAMES[c.stage]}</TableCell>
      <TableCell>
        <ScoreTotal total={c.total} />
      </TableCell>
    </TableRow>
  );
}

export function NeedMatches() {
  const need = useRecordContext<Need>();
  const { permissions } = usePermissions<string[]>();
  if (!need?.id) return null;
  const named = seesCases(permissions);
  const sinceOf = (m: Match | MatchSummary) => ('caseId' in m ? m.steps[m.steps.length - 1]!.on : m.since);
  return (
    <Stack spacing={1} component="section" aria-labelledby="need-matches-title" sx={{ mt: 2 }}>
      <Typography variant="h6" component="h2" id="need-matches-title">
        Vorschläge zu diesem Bedarf
      </Typography>
      <CursorTable<Match | MatchSummary>
        path={`/api/needs/${need.id}/matches`}
        params={{ limit: '25' }}
        reloadOn={[need.version]}
        label="Vorschläge zu diesem Bedarf"
        empty="Noch niemand vorgeschlagen."
        rowKey={(m) => ('caseId' in m ? m.caseId : `${m.pseudonym}-${sinceOf(m)}`)}
        columns={[
          {
            header: named ? 'Fall' : 'Pseudonym',
            cell: (m) => ('caseId' in m ? <a href={`#/cases/${m.caseId}/show/vermittlung`}>{m.caseNumber}</a> : m.pseudonym),
          },
          { header: 'Stand', cell: (m) => MATCH_STATE_LABELS[m.state] },
          { header: 'seit', cell: (m) => formatDate(sinceOf(m)) },
          { header: 'Punkte beim Vorschlag', cell: (m) => m.score },
        ]}
      />
    </Stack>
  );
}
