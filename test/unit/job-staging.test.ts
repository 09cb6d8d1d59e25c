// An import stages its rows under the job in transactions DynamoDB takes: at most 90 items and 4 MB each, so a file
// of large rows (a case with many long session notes) is staged in more, smaller transactions instead of failing.
import { describe, expect, it } from 'vitest';
import { jobRepository } from '#shared/jobs/repository.ts';
import type { Db, Write } from '#shared/table/port.ts';

/** A table that only records the transactions it is given. */
function recordingDb() {
  const transactions: Write[][] = [];
  const db = { tableName: 't', transact: async (writes: Write[]) => void transactions.push(writes) } as unknown as Db;
  return { db, transactions };
}

const bytes = (writes: Write[]) => new TextEncoder().encode(JSON.stringify(writes)).length;

describe('staging an import', () => {
  it('20 rows of 250 KB go in transactions under 4 MB each; 200 small rows in transactions of at most 90', async () => {
    const big = recordingDb();
    const note = 'Gesprächsnotiz über Ausbildung und Arbeit. '.repeat(6_000).slice(0, 250_000);
    await jobRepository(big.db).stage(
      'JOB1',
      Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, label: `Fall aus Zeile ${i + 2}`, payload: { note } })),
      new Date(),
    );
    expect(big.transactions.flat()).toHaveLength(20);
    expect(big.transactions.length).toBeGreaterThan(1);
    for (const t of big.transactions) expect(bytes(t)).toBeLessThan(4 * 1024 * 1024);

    const small = recordingDb();
    await jobRepository(small.db).stage(
      'JOB2',
      Array.from({ length: 200 }, (_, i) => ({ key: `k${i}`, label: `Zeile ${i}`, payload: { i } })),
      new Date(),
    );
    expect(small.transactions.map((t) => t.length)).toEqual([90, 90, 20]);
  });
});
