// The placement pipeline: proposals in one state, last changed first, each movable from here.
import { Datagrid, FunctionField, List, SelectInput, useRefresh } from 'react-admin';
import type { Match } from '#shared/matching/schema.ts';
import { formatDate } from '../format.ts';
import { matchStateChoices } from './choices.ts';
import { MoveButtons } from './MoveDialog.tsx';
import { CursorPagination } from '../data/CursorPagination.tsx';

const filters = [
  <SelectInput key="state" source="state" label="amon.ui.matching.stand" choices={matchStateChoices} alwaysOn emptyText="amon.ui.matching.vorgeschlagen" />,
];

function Move({ match }: { match: Match }) {
  const refresh = useRefresh();
  return <MoveButtons match={match} onMoved={refresh} />;
}

export default function MatchList() {
  return (
    <List
      pagination={<CursorPagination />}
      filters={filters}
      filterDefaultValues={{ state: 'proposed' }}
      exporter={false}
      title="amon.ui.matching.vermittlungen"
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField
          label="amon.ui.matching.fall"
          render={(m: Match) => (
            <a href={`#/cases/${m.caseId}/show/vermittlung`} style={{ whiteSpace: 'nowrap' }}>
              {m.caseNumber}
            </a>
          )}
        />
        <FunctionField label="amon.ui.matching.betrieb" render={(m: Match) => <a href={`#/needs/${m.needId}/show`}>{m.companyName}</a>} />
        <FunctionField label="amon.ui.matching.beruf" render={(m: Match) => m.occupationTitle} />
        <FunctionField label="amon.ui.matching.seit" render={(m: Match) => formatDate(m.steps[m.steps.length - 1]!.on)} />
        <FunctionField label="amon.ui.matching.punkte" render={(m: Match) => m.score} />
        <FunctionField label="amon.ui.matching.weiter" render={(m: Match) => <Move match={m} />} />
      </Datagrid>
    </List>
  );
}
