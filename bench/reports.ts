// P4: the monthly report's consumed read capacity with 36 months of history ÷ with only the reported month (the same
// activity in that month), and the time to make a month of 2,000 events (figures, HTML and PDF).
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '#local/dynamodb.ts';
import type { Figure } from './figure.ts';
import { round } from './timing.ts';

const EVENTS_PER_MONTH = 2_000;
const HISTORY_MONTHS = 36;
const MONTH = '2026-10';

/** A month's mix of events as cases and surveys write them. */
function monthEvents(month: string, n: number) {
  const types = [
    'case.opened',
    'session.held',
    'session.held',
    'session.first_talk',
    'module.added',
    'plan.agreed',
    'exam.registered',
    'exam.passed',
    'case.qualified',
    'survey.response',
  ];
  const genders = ['female', 'male', 'diverse', 'not_stated'];
  const occupations = ['51312', '24412', '63302', '34212', null];
  return Array.from({ length: n }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const at = `${month}-${day}T${String(8 + (i % 10)).padStart(2, '0')}:00:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`;
    return {
      pk: `EVENTS#${month}`,
      sk: `${at}#${String(i).padStart(26, '0')}`,
      type: types[i % types.length],
      at,
      gender: genders[i % 4],
      ageGroup: '35_44',
      migrationBackground: i % 3 ? 'yes' : 'no',
      occupation: occupations[i % occupations.length],
      first: true,
    };
  });
}

const monthBefore = (month: string, k: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) - k;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
};

export async function measureReports(endpoint: string): Promise<Figure[]> {
  const { database } = await import('#functions/clients.ts');
  const { buildFigures } = await import('#shared/reports/figures.ts');
  const { dynamoTable } = await import('#shared/table/dynamodb.ts');
  const { reportsService } = await import('#shared/reports/domain.ts');
  const { folderStore } = await import('#functions/reports/store.ts');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path').then((m) => ({ join: (...parts: string[]) => m.join(...parts) }));
  const base = database();

  // Every read the report makes asks DynamoDB Local for its consumed capacity, and the bench adds it up.
  let units = 0;
  base.doc.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) units += c.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'benchCapacity' },
  );

  const seeded = async (name: string, months: number) => {
    await ensureTable(endpoint, name);
    const db = dynamoTable(base.doc, name);
    const items = Array.from({ length: months }, (_, k) => monthEvents(monthBefore(MONTH, k), EVENTS_PER_MONTH)).flat();
    for (let i = 0; i < items.length; i += 25 * 8) {
      if (i % 10_000 === 0) process.stdout.write(`  seeding ${name}: ${i}/${items.length} events …\r`);
      const chunk = items.slice(i, i + 200);
      await Promise.all(
        Array.from({ length: Math.ceil(chunk.length / 25) }, (_, j) =>
          base.doc.send(new BatchWriteCommand({ RequestItems: { [name]: chunk.slice(j * 25, j * 25 + 25).map((Item) => ({ PutRequest: { Item } })) } })),
        ),
      );
    }
    await base.doc.send(
      new PutCommand({
        TableName: name,
        Item: { pk: 'COUNTERS', sk: 'CURRENT', cases: 500, qualified: 120, status_qualified: 120, [`qualified_${MONTH}`]: 200 },
      }),
    );
    return db;
  };
  const capacity = async (db: ReturnType<typeof dynamoTable>) => {
    units = 0;
    await buildFigures(db, MONTH, new Date('2026-11-01T05:00:00Z'));
    return units;
  };

  const oneMonth = await seeded('bench-report-1', 1);
  const history = await seeded('bench-report-36', HISTORY_MONTHS);
  const [a, b] = [await capacity(oneMonth), await capacity(history)];

  const reports = reportsService(oneMonth, folderStore(mkdtempSync(join(tmpdir(), 'amon-bench-reports-'))), () => new Date('2026-11-01T05:00:00Z'));
  await reports.generate(MONTH, { id: 'bench', email: 'bench@amon.local', roles: [] }); // warm-up
  const started = performance.now();
  await reports.generate(MONTH, { id: 'bench', email: 'bench@amon.local', roles: [] });
  const seconds = (performance.now() - started) / 1000;

  return [
    {
      id: 'P4.report_read_ratio',
      name: `report read capacity, ${HISTORY_MONTHS} months of history ÷ 1 month (${round(b, 1)} ÷ ${round(a, 1)} RCU)`,
      value: round(b / a),
      unit: 'ratio',
      goal: '≤ 1.05',
    },
    { id: 'P4.report_time_2000', name: `time to make a month of ${EVENTS_PER_MONTH} events (figures, HTML, PDF, stored)`, value: round(seconds, 2), unit: 's' },
  ];
}
