// What coordinators do with the offer catalogue: keep offers of the network's training providers; staff search them,
// and the public catalogue shows the current ones. Every change is audited.
import { ulid } from 'ulid';
import { changedFields, type Actor } from '../audit/entry.ts';
import { Invalid, NotFound } from '../errors.ts';
import { memberRepository } from '../members/repository.ts';
import { SHIPPED_OCCUPATIONS } from '../occupations/catalogue.ts';
import { berlinDate, systemClock, type Clock } from '../time.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { offerRepository } from './repository.ts';
import type { Offer, OfferInput, OfferSearch, OfferUpdate, PublicOffer } from './schema.ts';

/** The occupations of a KldB code (one code can name two occupations: "Fachkraft für Lagerlogistik / Fachlagerist/in"). */
const TITLES = new Map<string, string>();
for (const o of SHIPPED_OCCUPATIONS) TITLES.set(o.code, TITLES.has(o.code) ? `${TITLES.get(o.code)} / ${o.title}` : o.title);

/** The public view of an offer: the catalogue's fields, never the provider's contact person. */
export function publicOffer(o: Offer): PublicOffer {
  const { contact: _c, providerMemberId: _p, version: _v, createdAt: _cr, updatedAt: _u, lastStart: _l, occupationSubgroup: _s, ...shown } = o;
  return shown;
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
    const title = TITLES.get(input.occupationCode);
    return { startDates, lastStart: startDates.at(-1)!, occupationSubgroup: input.occupationCode.slice(0, 4), ...(title ? { occupationTitle: title } : {}) };
  }

  return {
    async get(id: string): Promise<Offer> {
      const found = await repo.get(id);
      if (!found) throw new NotFound('Das Angebot wurde nicht gefunden.');
      return found;
    },

    /** Current offers only: those with a start on or after today (or the date searched). */
    search: (q: OfferSearch) => repo.search(q, berlinDate(clock())),

    async publicSearch(q: OfferSearch) {
      const page = await repo.search(q, berlinDate(clock()));
      return { items: page.items.map(publicOffer), nextCursor: page.nextCursor };
    },

    async create(input: OfferInput, actor: Actor): Promise<Offer> {
      const now = clock();
      const offer: Offer = {
        ...input,
        ...derived(input),
        providerName: await providerName(input.providerMemberId),
        id: ulid(now.getTime()),
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await repo.create(offer, writeSet(db).audit(actor, 'create', 'offer', offer.id, Object.keys(input).sort(), now)).commit();
      return offer;
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
