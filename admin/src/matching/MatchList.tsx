// The placement pipeline: proposals in one state, last changed first, each movable from here.
import { Datagrid, FunctionField, List, SelectInput, useRefresh } from 'react-admin';
import type { Match } from '#shared/matching/schema.ts';
import { formatDate } from '../format.ts';
import { matchStateChoices } from './choices.ts';
import { MoveButtons } from './MoveDialog.tsx';
import { CursorPagination } from '../data/CursorPagination.tsx';

const filters = [<SelectInput key="state" source="state" label="Stand" choices={matchStateChoices} alwaysOn emptyText="vorgeschlagen" />];

function Move({ match }: { match: Match }) {
  const refresh = useRefresh();
  return <MoveButtons match={match} onMoved={refresh} />;
}

export default function MatchList() {
  return (
    <List pagination={<CursorPagination />} filters={filters} filterDefaultValues={{ state: 'proposed' }} exporter={false} title="Vermittlungen">
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField
          label="Fall"
          render={(m: Match) => (
            <a href={`#/cases/${m.caseId}/show/vermittlung`} style={{ whiteSpace: 'nowrap' }}>
              {m.caseNumber}
            </a>
          )}
        />
        <FunctionField label="Betrieb" render={(m: Match) => <a href={`#/needs/${m.needId}/show`}>{m.companyName}</a>} />
        <FunctionField label="Beruf" render={(m: Match) => m.occupationTitle} />
        <FunctionField label="seit" render={(m: Match) => formatDate(m.steps[m.steps.length - 1]!.on)} />
        <FunctionField label="Punkte" render={(m: Match) => m.score} />
        <FunctionField label="Weiter" render={(m: Match) => <Move match={m} />} />
      </Datagrid>
    </List>
  );
}
