// What coordinators do with the offer catalogue: keep offers of the network's training providers; staff search them,
// and the public catalogue shows the current ones. Every change is audited.
import { ulid } from '../ids.ts';
import { changedFields, type Actor } from '../audit/entry.ts';
import { Invalid, NotFound } from '../errors.ts';
import { memberRepository } from '../members/repository.ts';
import { OCCUPATION_TITLES } from '../occupations/catalogue.ts';
import { berlinDate, systemClock, type Clock } from '../time.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import type { JobKindHandler } from '../jobs/engine.ts';
import { checkRows, performImportRow, startImport } from '../jobs/import.ts';
import type { ImportReport } from '../jobs/schema.ts';
import { demandSupply, type DemandQuery } from './demand.ts';
import { offerRepository } from './repository.ts';
import { OFFER_IMPORT_LIMIT, OfferInput, type Offer, type OfferSearch, type OfferUpdate, type PublicOffer } from './schema.ts';

/** The public view of an offer: the catalogue's fields and the starts still ahead, never the provider's contact person. */
export function publicOffer(o: Offer, today: string): PublicOffer {
  const { contact: _c, providerMemberId: _p, version: _v, createdAt: _cr, updatedAt: _u, lastStart: _l, occupationSubgroup: _s, ...shown } = o;
  return { ...shown, startDates: o.startDates.filter((d) => d >= today) };
}

export function offersService(db: Db, clock: Clock = systemClock) {
  const repo = offerRepository(db);
  const members = memberRepository(db);

  /** The provider must be a training provider of the network; its name is kept with the offer. */
  async function providerName(providerMemberId: string): Promise<string> {
    const member = await members.get(providerMemberId);
    if (!member || member.kind !== 'training_provider') {
      throw new Invalid([{ path: 'providerMemberId', message: 'kein Bildungsträger des Netzwerks' }]);
    }
    return member.name;
  }

  function derived(input: OfferInput) {
    const startDates = [...new Set(input.startDates)].sort();
    const title = OCCUPATION_TITLES.get(input.occupationCode);
    return { startDates, lastStart: startDates.at(-1)!, occupationSubgroup: input.occupationCode.slice(0, 4), ...(title ? { occupationTitle: title } : {}) };
  }

  const build = (input: OfferInput, provider: string, now: Date): Offer => ({
    ...input,
    ...derived(input),
    providerName: provider,
    id: ulid(now.getTime()),
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });

  return {
    async get(id: string): Promise<Offer> {
      const found = await repo.get(id);
      if (!found) throw new NotFound('Das Angebot wurde nicht gefunden.');
      return found;
    },

    /** Current offers only: those with a start on or after today (or the date searched). */
    search: (q: OfferSearch) => repo.search(q, berlinDate(clock())),

    /** Per occupation group: open needs beside current offers. */
    demand: (q: DemandQuery) => demandSupply(db, q, berlinDate(clock())),

    async publicSearch(q: OfferSearch) {
      const today = berlinDate(clock());
      const page = await repo.search(q, today);
      return { items: page.items.map((o) => publicOffer(o, today)), nextCursor: page.nextCursor };
    },

    async create(input: OfferInput, actor: Actor): Promise<Offer> {
      const now = clock();
      const offer = build(input, await providerName(input.providerMemberId), now);
      await repo.create(offer, writeSet(db).audit(actor, 'create', 'offer', offer.id, Object.keys(input).sort(), now)).commit();
      return offer;
    },

    /**
     * A provider's list from a spreadsheet: every row checked with the offer's schema; with dryRun, or when a row is
     * wrong, only the report. Otherwise the import job writes every offer (`jobId`: its progress).
     */
    async import(providerMemberId: string, rows: Record<string, unknown>[], dryRun: boolean, actor: Actor): Promise<ImportReport> {
      if (rows.length > OFFER_IMPORT_LIMIT) throw new Invalid([{ path: 'rows', message: `höchstens ${OFFER_IMPORT_LIMIT} Zeilen` }]);
      const provider = await providerName(providerMemberId);
      const { valid, errors } = checkRows(rows, OfferInput, { providerMemberId });
      const report: ImportReport = { rows: rows.length, valid: valid.length, errors, imported: 0 };
      if (dryRun || errors.length) return report;
      const now = clock();
      const built = valid.map((input) => build(input, provider, now));
      const jobId = await startImport(db, {
        kind: 'offer-import',
        title: built.length === 1 ? `Import eines Angebots von ${provider}` : `Import von ${built.length} Angeboten von ${provider}`,
        records: built.map((o) => ({ key: o.id, label: o.title, payload: o })),
        actor,
        now,
      });
      return { ...report, imported: built.length, jobId };
    },

    async update(id: string, input: OfferUpdate, actor: Actor): Promise<Offer> {
      const before = await this.get(id);
      const now = clock();
      const { version, ...fields } = input;
      const after: Offer = {
        ...fields,
        ...derived(fields),
        providerName: fields.providerMemberId === before.providerMemberId ? before.providerName : await providerName(fields.providerMemberId),
        id,
        version: version + 1,
        createdAt: before.createdAt,
        updatedAt: now.toISOString(),
      };
      await repo.replace(after, version, writeSet(db).audit(actor, 'update', 'offer', id, changedFields(before, after), now)).commit();
      return after;
    },

    async remove(id: string, actor: Actor): Promise<Offer> {
      const offer = await this.get(id);
      const now = clock();
      await repo.remove(id, writeSet(db).audit(actor, 'delete', 'offer', id, [], now)).commit();
      return offer;
    },
  };
}
export type OffersService = ReturnType<typeof offersService>;

/** The worker's side of an offer import: each item writes its offer once (a second attempt finds it written). */
export function offerImportKind(db: Db): Record<'offer-import', JobKindHandler> {
  const repo = offerRepository(db);
  return {
    'offer-import': {
      items: async () => [],
      perform: (job, item) =>
        performImportRow<Offer>(
          db,
          job.id,
          item,
          (offer) => repo.create(offer, writeSet(db)).commit(),
          async (id) => Boolean(await repo.get(id)),
        ),
    },
  };
}
