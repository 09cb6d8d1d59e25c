// Seeds the demo data through the real domain services, once per data set (a marker item records it).
import { membersService } from '#shared/members/domain.ts';
import type { Actor } from '#shared/audit/entry.ts';
import { keys } from '#shared/table/keys.ts';
import { getItem, putItem, type Db } from '#shared/table/access.ts';
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

export type Progress = (label: string, done: number, total: number) => void;

type DataSet = { name: string; label: string; total: number; run: (db: Db, step: () => void) => Promise<void> };

/** The demo account with this address as the actor of seeded changes (the seed itself if it is missing). */
async function demoActor(db: Db, email: string): Promise<Actor> {
  const user = await userRepository(db).findByEmail(email);
  return user ? { id: user.id, email: user.email, roles: user.roles } : SEED_ACTOR;
}

/** A data set of records created one by one through a domain service's `create`. */
function created<T>(name: string, label: string, records: T[], service: (db: Db) => { create: (input: T, actor: Actor) => Promise<unknown> }): DataSet {
  return {
    name,
    label,
    total: records.length,
    run: async (db, step) => {
      const svc = service(db);
      for (const record of records) {
        await svc.create(record, SEED_ACTOR);
        step();
      }
    },
  };
}

/** Later capabilities append their demo data sets here (surveys, meetings, reports). */
export const DATA_SETS: DataSet[] = [
  created('members-v1', 'Netzwerkpartner', DEMO_MEMBERS, membersService),
  created('companies-v1', 'Betriebe', DEMO_COMPANIES, companiesService),
  {
    name: 'occupations-v1',
    label: 'Berufe',
    total: SHIPPED_OCCUPATIONS.length,
    run: (db, step) => occupationsService(db).seedShipped(step),
  },
  {
    name: 'cases-v1',
    label: 'Fälle',
    total: DEMO_CASES,
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
    label: 'Anerkennungsfälle',
    total: DEMO_RECOGNITION_CASES,
    run: async (db, step) => seedRecognition(db, await demoActor(db, 'counsellor@amon.local'), new Date(), step),
  },
  {
    name: 'offers-v1',
    label: 'Angebote',
    total: DEMO_OFFERS,
    run: async (db, step) => seedOffers(db, await demoActor(db, 'coordinator@amon.local'), new Date(), step),
  },
  {
    name: 'measures-v1',
    label: 'Gruppenmaßnahmen',
    total: DEMO_MEASURE_STEPS,
    run: async (db, step) => seedMeasures(db, await demoActor(db, 'counsellor@amon.local'), new Date(), step),
  },
  {
    name: 'surveys-v1',
    label: 'Befragungen',
    total: DEMO_SURVEY_STEPS,
    run: async (db, step) => {
      await seedSurveys(db, await demoActor(db, 'coordinator@amon.local'), new Date(), config().SITE_URL, step);
    },
  },
  {
    name: 'matching-v1',
    label: 'Vermittlungen',
    total: DEMO_MATCHING_STEPS,
    run: async (db, step) => {
      await seedMatching(db, await demoActor(db, 'counsellor@amon.local'), new Date(), step);
    },
  },
  {
    name: 'network-v1',
    label: 'Treffen, Berichte',
    total: DEMO_NETWORK_STEPS,
    run: async (db, step) => {
      await seedNetwork(db, await demoActor(db, 'coordinator@amon.local'), new Date(), folderStore(config().REPORTS_DIR), config().SITE_URL, step);
    },
  },
  {
    name: 'relations-v1',
    label: 'Betriebskontakte',
    total: DEMO_RELATIONS_STEPS,
    run: async (db, step) => {
      const staff = await Promise.all(['counsellor@amon.local', 'coordinator@amon.local', 'admin@amon.local'].map((e) => demoActor(db, e)));
      await seedRelations(db, staff, new Date(), step);
    },
  },
  {
    name: 'events-v1',
    label: 'Veranstaltungen',
    total: DEMO_EVENT_STEPS,
    run: async (db, step) => seedEvents(db, await demoActor(db, 'coordinator@amon.local'), new Date(), step),
  },
  {
    name: 'newsletters-v1',
    label: 'Newsletter',
    total: DEMO_NEWSLETTER_STEPS,
    run: async (db, step) => seedNewsletters(db, await demoActor(db, 'coordinator@amon.local'), new Date(), step),
  },
];

/** Seeds every data set that has no marker yet; returns the names seeded. */
export async function seedDemo(db: Db, progress: Progress): Promise<string[]> {
  const seeded: string[] = [];
  for (const set of DATA_SETS) {
    if (await getItem(db, keys.seedMarker(set.name), true)) continue;
    let done = 0;
    progress(set.label, done, set.total);
    await set.run(db, () => progress(set.label, ++done, set.total));
    await putItem(db, { ...keys.seedMarker(set.name), at: new Date().toISOString() });
    seeded.push(set.name);
  }
  return seeded;
}

/** One progress line that rewrites itself on a terminal and prints whole lines elsewhere. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stdout): Progress {
  return (label, done, total) => {
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const line = `  ${label.padEnd(18)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
    if (stream.isTTY) stream.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (done === total) stream.write(`${line}\n`);
  };
}
