// Needs recorded by hand (after a company visit) and their upkeep: change, mark filled or withdrawn, list.
import { ulid } from '../ids.ts';
import type { Actor } from '../audit/entry.ts';
import { companyRepository } from '../companies/repository.ts';
import { Invalid, NotFound, StaleVersion } from '../errors.ts';
import { occupationsService } from '../occupations/domain.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { berlinDate, systemClock, type Clock } from '../time.ts';
import { needRepository } from './repository.ts';
import type { Need, NeedInput, NeedListQuery, NeedUpdate } from './schema.ts';

export function needsService(db: Db, clock: Clock = systemClock) {
  const repo = needRepository(db);
  const companies = companyRepository(db);
  const occupations = occupationsService(db);

  async function occupation(occupationId: string) {
    const found = await occupations.get(occupationId).catch((error: unknown) => {
      if (error instanceof NotFound) throw new Invalid([{ path: 'occupationId', message: 'unbekannter Beruf' }]);
      throw error;
    });
    return { occupation: found.code, occupationTitle: found.title };
  }

  const commit = (n: Need, expectedVersion?: number) => repo.put(n, expectedVersion, writeSet(db)).commit();

  async function get(id: string): Promise<Need> {
    const need = await repo.get(id, true);
    if (!need) throw new NotFound('Der Bedarf wurde nicht gefunden.');
    return need;
  }

  return {
    repo,
    get,
    list: (q: NeedListQuery) => repo.list(q),

    async create(input: NeedInput, actor: Actor): Promise<Need> {
      const now = clock();
      const [company, occ] = await Promise.all([companies.get(input.companyId), occupation(input.occupationId)]);
      if (!company) throw new Invalid([{ path: 'companyId', message: 'unbekannter Betrieb' }]);
      const iso = now.toISOString();
      const need: Need = {
        id: ulid(now.getTime()),
        version: 1,
        createdAt: iso,
        updatedAt: iso,
        source: 'manual',
        companyId: company.id,
        companyName: company.name,
        wzSection: company.wzSection,
        district: input.district ?? company.district,
        ...((input.postcode ?? company.postcode) ? { postcode: input.postcode ?? company.postcode } : {}),
        ...occ,
        headcount: input.headcount,
        placed: 0,
        timeframe: input.timeframe,
        conditions: input.conditions,
        statedOn: input.statedOn ?? berlinDate(now),
        status: 'open',
        statusSince: iso,
        ...(input.note ? { note: input.note } : {}),
        createdBy: actor.id,
      };
      await commit(need);
      return need;
    },

    async update(id: string, input: NeedUpdate): Promise<Need> {
      const before = await get(id);
      if (before.version !== input.version) throw new StaleVersion();
      const now = clock().toISOString();
      const occ = input.occupationId ? await occupation(input.occupationId) : { occupation: before.occupation, occupationTitle: before.occupationTitle };
      const { version, occupationId: _o, note, ...rest } = input;
      const after: Need = {
        ...before,
        ...rest,
        ...occ,
        district: input.district ?? before.district,
        statedOn: input.statedOn ?? before.statedOn,
        statusSince: input.status === before.status ? before.statusSince : now,
        version: version + 1,
        updatedAt: now,
      };
      if (note) after.note = note;
      else delete after.note;
      await commit(after, version);
      return after;
    },
  };
}
export type NeedsService = ReturnType<typeof needsService>;
