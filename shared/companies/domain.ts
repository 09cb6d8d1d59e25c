// Companies: create, read, list, change, remove and import (dry run first, then all or nothing).
import { ulid } from 'ulid';
import { changedFields, type Actor } from '../audit/entry.ts';
import { Invalid, NotFound } from '../errors.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { systemClock, type Clock } from '../time.ts';
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
      const now = clock();
      await repo.remove(c, writeSet(db)).audit(actor, 'delete', 'company', id, [], now).count({ companies: -1 }).commit();
      return c;
    },

    /**
     * Checks every row with the company schema; with dryRun only reports. Otherwise writes all rows in
     * transactions of 25 and, if any fails, deletes what was written: a failed import leaves nothing behind.
     */
    async import(rows: Record<string, unknown>[], dryRun: boolean, actor: Actor): Promise<ImportReport> {
      if (rows.length > IMPORT_LIMIT) throw new Invalid([{ path: 'rows', message: `höchstens ${IMPORT_LIMIT} Zeilen` }]);
      const errors: ImportReport['errors'] = [];
      const valid: CompanyInput[] = [];
      rows.forEach((row, i) => {
        const cleaned = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '' && v !== null && v !== undefined));
        const parsed = CompanyInput.safeParse(cleaned);
        if (parsed.success) valid.push(parsed.data);
        else
          for (const issue of parsed.error.issues)
            errors.push({
              row: i + 2,
              field: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.'),
              reason: issue.code === 'unrecognized_keys' ? 'unbekannte Spalte' : issue.message,
            });
      });
      const report: ImportReport = { rows: rows.length, valid: valid.length, errors, imported: 0 };
      if (dryRun || errors.length) return report;
      const now = clock();
      const companies = valid.map((input) => build(input, now));
      const written: Company[] = [];
      try {
        for (let i = 0; i < companies.length; i += 25) {
          const chunk = companies.slice(i, i + 25);
          const change = writeSet(db).count({ companies: chunk.length });
          for (const c of chunk) repo.create(c, change);
          await change.commit();
          written.push(...chunk);
        }
      } catch (error) {
        for (let i = 0; i < written.length; i += 25) {
          const chunk = written.slice(i, i + 25);
          const undo = writeSet(db).count({ companies: -chunk.length });
          for (const c of chunk) repo.forget(c, undo);
          await undo.commit();
        }
        throw error;
      }
      await writeSet(db)
        .audit(actor, 'create', 'company-import', ulid(now.getTime()), [`rows:${companies.length}`], now)
        .commit();
      return { ...report, imported: companies.length };
    },
  };
}
