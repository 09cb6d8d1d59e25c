// The measure's figures with the report's disclosure control: every split of the participants is a breakdown whose
// total (the number who joined) is published, so a small cell is hidden together with a second one.
import { suppressBreakdown, type Cell } from '../reports/suppression.ts';
import type { MeasureFigures } from './schema.ts';

/** What the figures need of each participant: never a name. */
export type ParticipantFacts = {
  left: boolean;
  finalResult?: 'passed' | 'failed' | undefined;
  woman: boolean;
  migration: boolean;
  modulesCompleted: number;
  hoursCompleted: number;
};

const percent = (part: Cell | undefined, whole: number) => (typeof part === 'number' && whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export function measureFigures(people: ParticipantFacts[]): MeasureFigures {
  const joined = people.length;
  const count = (f: (p: ParticipantFacts) => boolean) => people.filter(f).length;
  const status = suppressBreakdown({ active: count((p) => !p.left), left: count((p) => p.left) }).cells;
  const exam = suppressBreakdown({
    passed: count((p) => p.finalResult === 'passed'),
    failed: count((p) => p.finalResult === 'failed'),
    none: count((p) => !p.finalResult),
  }).cells;
  const gender = suppressBreakdown({ women: count((p) => p.woman), others: count((p) => !p.woman) }).cells;
  const migration = suppressBreakdown({ yes: count((p) => p.migration), others: count((p) => !p.migration) }).cells;
  const withResult = typeof exam.passed === 'number' && typeof exam.failed === 'number' ? exam.passed + exam.failed : 0;
  // A cohort of one or two shows no split at all: its total alone would name the people.
  const small = joined > 0 && joined < 3;
  const shown = (c: Cell | undefined): Cell => (small ? '<3' : (c ?? 0));
  return {
    joined: small ? '<3' : joined,
    active: shown(status.active),
    left: shown(status.left),
    retentionPercent: small ? null : percent(status.active, joined),
    passed: shown(exam.passed),
    failed: shown(exam.failed),
    passRatePercent: small ? null : percent(exam.passed, withResult),
    women: shown(gender.women),
    womenPercent: small ? null : percent(gender.women, joined),
    migration: shown(migration.yes),
    migrationPercent: small ? null : percent(migration.yes, joined),
    modulesCompleted: people.reduce((a, p) => a + p.modulesCompleted, 0),
    hoursCompleted: people.reduce((a, p) => a + p.hoursCompleted, 0),
  };
}
