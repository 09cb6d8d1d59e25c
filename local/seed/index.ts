// Seeds the demo data through the real domain services, once per data set (a marker item records it). On an empty
// table the services run against a staging table in memory and its items go to the table in batches behind them
// (DynamoDB Local's one SQLite thread is the bound: a transaction per change took 158 s, batches of items take ~30 s).
import { membersService } from '#shared/members/domain.ts';
import type { Actor } from '#shared/audit/entry.ts';
import { keys } from '#shared/table/keys.ts';
import { getItem, putItem, putItems, type Db } from '#shared/table/access.ts';
import type { Item, Key } from '#shared/table/port.ts';
import { mapLimit } from '#shared/concurrency.ts';
import { StagingTable } from '#shared/table/staging.ts';
import { DEMO_MEMBERS } from './members-data.ts';
import { occupationsService } from '#shared/occupations/domain.ts';
import { SHIPPED_OCCUPATIONS } from '#shared/occupations/catalogue.ts';
import { userRepository } from '#shared/users/repository.ts';
import { DEMO_CASES, seedCases } from './cases-data.ts';
import { DEMO_RECOGNITION_CASES, seedRecognition } from './recognition-data.ts';
import { DEMO_COMPANIES } from './companies-data.ts';
import { DEMO_OFFERS, seedOffers } from './offers-data.ts';
import { DEMO_MEASURE_STEPS, seedMeasures } from './measures-data.ts';
import { companiesService } from '#shared/companies/domain.ts';
import { config } from '#functions/config.ts';
import { DEMO_SURVEY_STEPS, seedSurveys } from './surveys-data.ts';
import { DEMO_NETWORK_STEPS, seedNetwork } from './network-data.ts';
import { DEMO_MATCHING_STEPS, seedMatching } from './matching-data.ts';
import { folderStore } from '#functions/reports/store.ts';
import { DEMO_RELATIONS_STEPS, seedRelations } from './relations-data.ts';
import { DEMO_EVENT_STEPS, seedEvents } from './events-data.ts';
import { DEMO_NEWSLETTER_STEPS, seedNewsletters } from './newsletters-data.ts';

export const SEED_ACTOR: Actor = { id: 'seed', email: 'seed@amon.local', roles: ['admin'] };

/** Where the demo seed stands: steps done of all steps, the data sets under way, and whether it is through. */
export type DemoState = {
  done: number;
  total: number;
  running: string[];
  complete: boolean;
  seconds?: number;
  failed?: boolean;
  /**
   * The data sets are staged in memory and written in batches: the table holds only part of what the staged items
   * count on (a case number, a counter), so changes from outside wait until it is through (local/gateway.ts).
   */
  staged?: boolean;
};
export type Progress = (state: DemoState) => void;

type DataSet = {
  name: string;
  label: string;
  total: number;
  /** About how many items it writes (the staged seed's progress; the count is exact once every set is staged). */
  items: number;
  /** The data sets whose records this one reads (it starts when they are in); the others run beside it. */
  after?: string[];
  run: (db: Db, step: () => void) => Promise<void>;
};

/** The demo account with this address as the actor of seeded changes (the seed itself if it is missing). */
async function demoActor(db: Db, email: string): Promise<Actor> {
  const user = await userRepository(db).findByEmail(email);
  return user ? { id: user.id, email: user.email, roles: user.roles } : SEED_ACTOR;
}

/** A data set of records created one by one through a domain service's `create`. */
function created<T>(
  name: string,
  label: string,
  records: T[],
  items: number,
  service: (db: Db) => { create: (input: T, actor: Actor) => Promise<unknown> },
): DataSet {
  return {
    name,
    label,
    total: records.length,
    items,
    run: async (db, step) => {
      const svc = service(db);
      // One after another: the ids' order is the records' order, which the later data sets' picks rely on.
      for (const record of records) {
        await svc.create(record, SEED_ACTOR);
        step();
      }
    },
  };
}

/** Later capabilities append their demo data sets here (surveys, meetings, reports). */
export const DATA_SETS: DataSet[] = [
  created('members-v1', 'Netzwerkpartner', DEMO_MEMBERS, 150, membersService),
  created('companies-v1', 'Betriebe', DEMO_COMPANIES, 720, companiesService),
  {
    name: 'occupations-v1',
    label: 'Berufe',
    total: SHIPPED_OCCUPATIONS.length,
    items: 85,
    run: (db, step) => occupationsService(db).seedShipped(step),
  },
  {
    name: 'cases-v1',
    after: ['occupations-v1'],
    label: 'Fälle',
    total: DEMO_CASES,
    items: 11_950,
    run: async (db, step) => {
      const users = userRepository(db);
      const counsellors = (await Promise.all(['counsellor@amon.local', 'admin@amon.local'].map((e) => users.findByEmail(e))))
        .filter((u) => u !== undefined)
        .map((u) => ({ id: u.id, email: u.email, roles: u.roles }));
      await seedCases(db, counsellors.length ? counsellors : [SEED_ACTOR], new Date(), step);
    },
  },
  {
    name: 'recognition-v1',
    after: ['occupations-v1'],
    label: 'Anerkennungsfälle',
    total: DEMO_RECOGNITION_CASES,
    items: 160,
    run: async (db, step) => seedRecognition(db, await demoActor(db, 'counsellor@amon.local'), new Date(), step),
  },
  {
    name: 'offers-v1',
    after: ['members-v1', 'occupations-v1'],
    label: 'Angebote',
    total: DEMO_OFFERS,
    items: 60,
    run: async (db, step) => seedOffers(db, await demoActor(db, 'coordinator@amon.local'), new Date(), step),
  },
  {
    name: 'measures-v1',
    after: ['members-v1', 'companies-v1', 'occupations-v1'],
    label: 'Gruppenmaßnahmen',
    total: DEMO_MEASURE_STEPS,
    items: 2_010,
    run: async (db, step) => seedMeasures(db, await demoActor(db, 'counsellor@amon.local'), new Date(), step),
  },
  {
    name: 'surveys-v1',
    after: ['companies-v1', 'occupations-v1'],
    label: 'Befragungen',
    total: DEMO_SURVEY_STEPS,
    items: 2_760,
    run: async (db, step) => {
      await seedSurveys(db, await demoActor(db, 'coordinator@amon.local'), new Date(), config().SITE_URL, step);
    },
  },
  {
    name: 'matching-v1',
    after: ['cases-v1', 'companies-v1', 'surveys-v1'],
    label: 'Vermittlungen',
    total: DEMO_MATCHING_STEPS,
    items: 270,
    run: async (db, step) => {
      await seedMatching(db, await demoActor(db, 'counsellor@amon.local'), new Date(), step);
    },
  },
  {
    name: 'network-v1',
    // The monthly reports count what the other data sets hold, so they come last.
    after: ['cases-v1', 'recognition-v1', 'offers-v1', 'measures-v1', 'surveys-v1', 'matching-v1', 'relations-v1', 'events-v1', 'newsletters-v1'],
    label: 'Treffen, Berichte',
    total: DEMO_NETWORK_STEPS,
    items: 440,
    run: async (db, step) => {
      await seedNetwork(db, await demoActor(db, 'coordinator@amon.local'), new Date(), folderStore(config().REPORTS_DIR), config().SITE_URL, step);
    },
  },
  {
    name: 'relations-v1',
    after: ['companies-v1'],
    label: 'Betriebskontakte',
    total: DEMO_RELATIONS_STEPS,
    items: 740,
    run: async (db, step) => {
      const staff = await Promise.all(['counsellor@amon.local', 'coordinator@amon.local', 'admin@amon.local'].map((e) => demoActor(db, e)));
      await seedRelations(db, staff, new Date(), step);
    },
  },
  {
    name: 'events-v1',
    after: ['members-v1'],
    label: 'Veranstaltungen',
    total: DEMO_EVENT_STEPS,
    items: 370,
    run: async (db, step) => seedEvents(db, await demoActor(db, 'coordinator@amon.local'), new Date(), step),
  },
  {
    name: 'newsletters-v1',
    // After the data sets that change companies and members too (a newsletter's audience is read and sent as a whole).
    after: ['members-v1', 'companies-v1', 'events-v1', 'offers-v1', 'surveys-v1', 'relations-v1', 'matching-v1', 'measures-v1'],
    label: 'Newsletter',
    total: DEMO_NEWSLETTER_STEPS,
    items: 340,
    run: async (db, step) => seedNewsletters(db, await demoActor(db, 'coordinator@amon.local'), new Date(), step),
  },
];

/**
 * How many data sets are seeded at once. DynamoDB Local is the bound (one core for its Java), so more only lengthens
 * each write, and a data set whose own steps run side by side (survey answers updating one campaign's counters) then
 * meets more conflicts than its retries cover.
 */
const SIDE_BY_SIDE = 3;

/** A counting semaphore: `take` waits for a free slot, `give` frees one. */
function slots(n: number) {
  let free = n;
  const waiting: (() => void)[] = [];
  return {
    take: () => (free > 0 ? ((free -= 1), Promise.resolve()) : new Promise<void>((go) => waiting.push(go))),
    give: () => {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}

/**
 * Seeds every data set that has no marker yet, each as soon as the data sets it reads are in, the rest side by side;
 * answers the names seeded. `progress` hears every step.
 */
export async function seedDemo(db: Db, progress: Progress): Promise<string[]> {
  const started = performance.now();
  const present = await Promise.all(DATA_SETS.map(async (set) => Boolean(await getItem(db, keys.seedMarker(set.name), true))));
  const todo = new Set(DATA_SETS.filter((_, i) => !present[i]).map((set) => set.name));
  const sets = DATA_SETS.filter((set) => todo.has(set.name));
  // Staged only onto a table without demo data: a set that is in would have to be read through, and after a seed that
  // stopped half-way the remaining sets are written change by change as before.
  const staging = present.some(Boolean) ? undefined : new StagingTable(db);
  const state: DemoState = {
    done: 0,
    total: sets.reduce((a, set) => a + (staging ? set.items : set.total), 0),
    running: [],
    complete: false,
    ...(staging && sets.length ? { staged: true } : {}),
  };
  const emit = () => progress({ ...state, running: [...state.running] });
  emit();
  const target: Db = staging ?? db;
  const written = staging ? tableWriter(db, staging, (n) => ((state.done += n), emit())) : undefined;
  const seeded: string[] = [];
  /** When a set's records can be read by the sets after it: staged (in the staging table), or else written. */
  const readable = new Map<string, Promise<void>>();
  const finished = new Map<string, Promise<void>>();
  const slot = slots(staging ? STAGED_SIDE_BY_SIDE : SIDE_BY_SIDE);
  let staged = 0;
  const runOf = (set: DataSet): Promise<void> => {
    const known = readable.get(set.name);
    if (known) return known;
    const before = (set.after ?? []).map((name) => {
      const needed = DATA_SETS.find((s) => s.name === name);
      if (!needed) throw new Error(`${set.name} needs ${name}, which is no data set`);
      return runOf(needed);
    });
    let canBeRead: () => void = () => undefined;
    let cannotBeRead: (error: unknown) => void = () => undefined;
    const readableOnce = new Promise<void>((resolve, reject) => ((canBeRead = resolve), (cannotBeRead = reject)));
    // Heard by the sets that read it; the failure itself is answered through `finished`.
    readableOnce.catch(() => undefined);
    const run = async () => {
      try {
        await Promise.all(before);
      } catch (error) {
        // A set that failed fails the sets that read it, under its own name.
        cannotBeRead(error);
        throw error;
      }
      try {
        if (!todo.has(set.name)) return canBeRead();
        await slot.take();
        state.running.push(set.label);
        emit();
        try {
          await set.run(target, () => {
            if (!staging) state.done += 1;
            emit();
          });
        } finally {
          slot.give();
        }
        if (written && staging) {
          // Staged: the sets that read it go on in the staging table while its items are written.
          canBeRead();
          staged += 1;
          // Once every set is staged the count of items is known, not estimated.
          if (staged === sets.length) {
            state.total = state.done + written.pending() + staging.pendingCount();
          }
          await written.flush();
        }
        await putItem(db, { ...keys.seedMarker(set.name), at: new Date().toISOString() });
        seeded.push(set.name);
        canBeRead();
      } catch (error) {
        cannotBeRead(error);
        throw new Error(`${set.label}: ${(error as Error).message}`, { cause: error });
      } finally {
        state.running = state.running.filter((label) => label !== set.label);
        emit();
      }
    };
    finished.set(set.name, run());
    readable.set(set.name, readableOnce);
    return readableOnce;
  };
  for (const set of DATA_SETS) void runOf(set);
  // Every data set is awaited before a failure is answered, so none writes on after the caller has given up.
  const outcomes = await Promise.allSettled(finished.values());
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed) throw failed.reason;
  state.complete = true;
  state.seconds = (performance.now() - started) / 1000;
  emit();
  return seeded;
}

/** Items per BatchWriteItem (DynamoDB's maximum), and batches in flight: DynamoDB Local writes on one thread. */
const BATCH = 25;
const BATCHES_IN_FLIGHT = 4;
/** Staged data sets run side by side: they wait on files and PDFs, not on the table. */
const STAGED_SIDE_BY_SIDE = 4;

/**
 * Writes what the staging table holds to the table, one flush after another (each takes every item staged until it
 * starts, so a set's items are in once the flush after its end is through); `written` hears each batch.
 */
function tableWriter(db: Db, staging: StagingTable, written: (n: number) => void) {
  let queue = Promise.resolve();
  let inFlight = 0;
  return {
    /** Items taken from the staging table and not yet written. */
    pending: () => inFlight,
    flush: (): Promise<void> => {
      queue = queue.then(async () => {
        const items = staging.drain() as (Item & Key)[];
        inFlight = items.length;
        const batches = Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
        await mapLimit(batches, BATCHES_IN_FLIGHT, async (batch) => {
          await putItems(db, batch);
          inFlight -= batch.length;
          written(batch.length);
        });
      });
      return queue;
    },
  };
}

/** The demo seed's share done, in whole percent (100 when there is nothing to do). */
export const percentOf = (state: DemoState) => (state.complete ? 100 : state.total ? Math.min(99, Math.floor((state.done / state.total) * 100)) : 0);

/** One progress line that rewrites itself on a terminal, and a line per tenth elsewhere. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stdout): Progress {
  let printed = -1;
  return (state) => {
    if (!state.total) return;
    const percent = percentOf(state);
    const width = 24;
    const filled = Math.round((percent / 100) * width);
    const doing = state.complete ? `vollständig in ${state.seconds?.toFixed(1)} s` : state.running.join(', ');
    const line = `  Demodaten  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)} %  ${doing}`;
    if (stream.isTTY) stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 100) - 1)}${state.complete ? '\n' : ''}`);
    else if (state.complete || Math.floor(percent / 10) > printed) {
      printed = Math.floor(percent / 10);
      stream.write(`${line}\n`);
    }
  };
}
