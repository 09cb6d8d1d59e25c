// Companies: create, read, list, change, remove and import (dry run first; then every row, as a job).
import { ulid } from '../ids.ts';
import { changedFields, type Actor } from '../audit/entry.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { relationsRepository } from '../relations/repository.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { systemClock, type Clock } from '../time.ts';
import { checkRows, startImport } from '../jobs/import.ts';
import { companyRepository } from './repository.ts';
import { CompanyInput, IMPORT_LIMIT, type Company, type CompanyListQuery, type CompanyUpdate, type ImportReport } from './schema.ts';

export type { ImportReport } from './schema.ts';

export function companiesService(db: Db, clock: Clock = systemClock) {
  const repo = companyRepository(db);

  const build = (input: CompanyInput, now: Date): Company => ({
    ...input,
    id: ulid(now.getTime()),
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });

  return {
    list: (q: CompanyListQuery) => repo.list(q),
    duplicates: (name: string, postcode: string) => repo.duplicates(name, postcode),

    async get(id: string) {
      const c = await repo.get(id);
      if (!c) throw new NotFound('Der Betrieb wurde nicht gefunden.');
      return c;
    },

    async create(input: CompanyInput, actor: Actor) {
      const now = clock();
      const c = build(input, now);
      await repo.create(c, writeSet(db)).audit(actor, 'create', 'company', c.id, Object.keys(input), now).count({ companies: 1 }).commit();
      return c;
    },

    async update(id: string, input: CompanyUpdate, actor: Actor) {
      const before = await this.get(id);
      const now = clock();
      const { version, ...fields } = input;
      const after: Company = { ...fields, id, version: version + 1, createdAt: before.createdAt, updatedAt: now.toISOString() };
      await repo.replace(before, after, version, writeSet(db)).audit(actor, 'update', 'company', id, changedFields(before, after), now).commit();
      return after;
    },

    async remove(id: string, actor: Actor) {
      const c = await this.get(id);
      if (await relationsRepository(db).hasHistory(id))
        throw new Conflict('Der Betrieb hat Kontakte oder Lernortkooperationen und bleibt deshalb erhalten.', 'has_history');
      const now = clock();
      await repo.remove(c, writeSet(db)).audit(actor, 'delete', 'company', id, [], now).count({ companies: -1 }).commit();
      return c;
    },

    /**
     * Checks every row with the company schema; with dryRun, or when a row is wrong, only reports. Otherwise starts
     * the import job that writes every row (`imported`: the rows it takes, `jobId`: its progress).
     */
    async import(rows: Record<string, unknown>[], dryRun: boolean, actor: Actor): Promise<ImportReport> {
      if (rows.length > IMPORT_LIMIT) throw new Invalid([{ path: 'rows', message: `höchstens ${IMPORT_LIMIT} Zeilen` }]);
      const { valid, errors } = checkRows(rows, CompanyInput);
      const report: ImportReport = { rows: rows.length, valid: valid.length, errors, imported: 0 };
      if (dryRun || errors.length) return report;
      const now = clock();
      const companies = valid.map((input) => build(input, now));
      const jobId = await startImport(db, {
        kind: 'company-import',
        title: companies.length === 1 ? 'Import eines Betriebs' : `Import von ${companies.length} Betrieben`,
        records: companies.map((c) => ({ key: c.id, label: c.name, payload: c })),
        actor,
        now,
      });
      return { ...report, imported: companies.length, jobId };
    },
  };
}
