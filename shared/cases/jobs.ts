// The case import as background work: each job item carries one case with everything of it (checked, numbered and
// given its ids by the request). The worker writes it in one transaction that only a missing case passes, so an item
// tried again after its case was written changes nothing.
import type { JobKindHandler } from '../jobs/engine.ts';
import { performImportRow } from '../jobs/import.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import type { ImportedCase } from './import.ts';
import { caseRepository } from './repository.ts';

export function caseImportKind(db: Db): Record<'case-import', JobKindHandler> {
  const repo = caseRepository(db);
  const write = (c: ImportedCase) => {
    const id = c.record.id;
    const { id: historyId, ...entry } = c.history;
    const ws = repo.history(id, entry, historyId, repo.insert(c.record, writeSet(db)));
    for (const s of c.sessions) repo.putChild(id, 'sessions', s as typeof s & { id: string }, undefined, ws);
    for (const m of c.modules) repo.putChild(id, 'modules', m as typeof m & { id: string }, undefined, ws);
    if (c.exam) repo.putSingleton(id, 'exam', c.exam, undefined, ws);
    return ws.audit(c.actor, 'create', 'case', id, c.fields, new Date(c.record.updatedAt)).count(c.counts).commit();
  };
  return {
    'case-import': {
      // The request writes the items with the job; there is nothing to choose afterwards.
      items: async () => [],
      perform: (job, item) =>
        // Was the case written by an earlier try? Its own item says so (not the whole partition with its children).
        performImportRow<ImportedCase>(db, job.id, item, write, (id) => repo.exists(id)),
    },
  };
}
