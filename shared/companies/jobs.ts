// The company import as background work: each row is a job item that carries its company (checked and given its id
// by the request). The worker writes the company with its duplicate entry and the counter in one transaction that
// only a missing company passes, so an item tried again after its company was written changes nothing.
import type { JobKindHandler } from '../jobs/engine.ts';
import { performImportRow } from '../jobs/import.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { companyRepository } from './repository.ts';
import type { Company } from './schema.ts';

export function companyImportKind(db: Db): Record<'company-import', JobKindHandler> {
  const companies = companyRepository(db);
  return {
    'company-import': {
      // The request writes the items with the job; there is nothing to choose afterwards.
      items: async () => [],
      perform: (job, item) =>
        performImportRow<Company>(
          db,
          job.id,
          item,
          (row) => companies.create(row, writeSet(db)).count({ companies: 1 }).commit(),
          async (id) => Boolean(await companies.get(id)),
        ),
    },
  };
}
