// The company import as background work: each row is a job item that carries its company (checked and given its id
// by the request). The worker writes the company with its duplicate entry and the counter in one transaction that
// only a missing company passes, so an item tried again after its company was written changes nothing.
import { Conflict } from '../errors.ts';
import type { JobKindHandler } from '../jobs/engine.ts';
import { jobRepository } from '../jobs/repository.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { companyRepository } from './repository.ts';
import type { Company } from './schema.ts';

export function companyImportKind(db: Db): Record<'company-import', JobKindHandler> {
  const companies = companyRepository(db);
  const jobs = jobRepository(db);
  return {
    'company-import': {
      // The request writes the items with the job; there is nothing to choose afterwards.
      items: async () => [],

      async perform(job, item) {
        const row = (item as { payload?: Company }).payload ?? ((await jobs.rawItem(job.id, item.key))?.payload as Company | undefined);
        // The row goes from the item once written (the key is the company's id): an attempt after that finds the company.
        if (!row) return (await companies.get(item.key)) ? 'done' : 'skipped';
        try {
          await companies.create(row, writeSet(db)).count({ companies: 1 }).commit();
        } catch (error) {
          if (error instanceof Conflict) return 'done'; // an earlier attempt wrote it
          throw error;
        }
        return 'done';
      },
    },
  };
}
