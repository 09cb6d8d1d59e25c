// Demo events: a past conference modelled on the programme's September 2011 conference "Anerkennung durch
// Anerkennung" (registered on its public page, attendance recorded on the day), an upcoming public workshop open for
// registration with a few places left, and a partners-only training. Everything goes through the events service on
// a scripted clock; the mails of the past conference are moot (it is over), the upcoming ones go out as jobs.
import type { Actor } from '#shared/audit/entry.ts';
import { eventsService } from '#shared/events/domain.ts';
import type { EventInput } from '#shared/events/schema.ts';
import type { Db } from '#shared/table/port.ts';
import { addDays, berlinDate } from '#shared/time.ts';
import { DEMO_MEMBERS } from './members-data.ts';
import { random } from './random.ts';

const CONFERENCE_PEOPLE = 96;
const WORKSHOP_PEOPLE = 14;
const TRAINING_PEOPLE = 9;
export const DEMO_EVENT_STEPS = 3 + CONFERENCE_PEOPLE + 1 + WORKSHOP_PEOPLE + TRAINING_PEOPLE;

const FIRST = [
  'Katrin',
  'Olena',
  'Stefan',
  'Marta',
  'Hassan',
  'Birgit',
  'Tuan',
  'Anja',
  'Sergej',
  'Leyla',
  'Frank',
  'Ines',
  'Bogdan',
  'Heike',
  'Samira',
  'Jörg',
];
const LAST = [
  'Albrecht',
  'Bondarenko',
  'Dietrich',
  'Wójcik',
  'El-Sayed',
  'Franke',
  'Tran',
  'Gerlach',
  'Smirnow',
  'Demir',
  'Hartmann',
  'Ilić',
  'Jankowski',
  'Kühn',
  'Mansour',
  'Vogt',
];

const DAY = 86_400_000;

/** The conference, ten weeks back: recognition of foreign qualifications as a way to a recognised qualification. */
function conference(today: string): EventInput {
  const day = addDays(today, -70);
  return {
    kind: 'conference',
    title: 'Anerkennung durch Anerkennung – Fachtagung zur Anerkennung ausländischer Berufsabschlüsse',
    description:
      'Wie wird aus einem ausländischen Abschluss ein anerkannter Beruf? Vorträge zum Berufsqualifikationsfeststellungsgesetz (BQFG), Erfahrungen aus Kammern und Betrieben, Foren zu Anpassungsqualifizierung und Externenprüfung.',
    startsAt: `${day}T09:30`,
    endsAt: `${day}T16:00`,
    place: 'Rostock, Rathaus, Festsaal',
    capacity: 120,
    registrationDeadline: addDays(day, -7),
    audience: 'public',
    fields: ['role', 'dietary'],
    published: true,
    consentText:
      'Ich bin einverstanden, dass das amoN-Projektteam meine Angaben speichert, um die Fachtagung zu organisieren, mir dazu E-Mails zu schicken und eine Teilnahmeliste zu führen. Die Angaben werden drei Monate nach der Tagung gelöscht.',
  };
}

function workshop(today: string): EventInput {
  const day = addDays(today, 24);
  return {
    kind: 'workshop',
    title: 'Workshop: Beschäftigte mit Migrationsgeschichte gewinnen und halten',
    description:
      'Für kleine und mittlere Betriebe: Einarbeitung, Sprachförderung am Arbeitsplatz, Förderung der Nachqualifizierung bis zur Externenprüfung. Mit Beispielen aus Betrieben der Region.',
    startsAt: `${day}T13:00`,
    endsAt: `${day}T16:30`,
    place: 'Rostock, Bildungszentrum, Raum 2.14',
    capacity: 16,
    registrationDeadline: addDays(day, -3),
    audience: 'public',
    fields: ['phone', 'accessibility'],
    published: true,
    consentText:
      'Ich bin einverstanden, dass das amoN-Projektteam meine Angaben speichert, um den Workshop zu organisieren und mir dazu E-Mails zu schicken. Die Angaben werden drei Monate nach dem Workshop gelöscht.',
  };
}

function training(today: string): EventInput {
  const day = addDays(today, 38);
  return {
    kind: 'training',
    title: 'Schulung interkulturelle Kompetenz für Netzwerkpartner',
    description:
      'Für Beschäftigte von Jobcentern, Agentur für Arbeit, Kammern und Bildungsträgern: Beratung mit Sprachmittlung, kulturelle Missverständnisse, Anerkennungsberatung.',
    startsAt: `${day}T09:00`,
    endsAt: `${day}T15:00`,
    place: 'Schwerin, Haus der Wirtschaft',
    capacity: 20,
    registrationDeadline: addDays(day, -5),
    audience: 'partners',
    fields: ['role'],
    published: true,
    consentText:
      'Ich bin einverstanden, dass das amoN-Projektteam meine Angaben speichert, um die Schulung zu organisieren, mir dazu E-Mails zu schicken und eine Teilnahmebescheinigung auszustellen.',
  };
}

export async function seedEvents(db: Db, actor: Actor, now: Date, step: () => void): Promise<void> {
  const today = berlinDate(now);
  const r = random(2011);
  let clock = new Date(now.getTime() - 110 * DAY);
  const events = eventsService(db, () => clock);
  const person = (i: number) => {
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const org = DEMO_MEMBERS[i % DEMO_MEMBERS.length]!.name;
    return {
      name: `${first} ${last}`,
      organisation: org,
      email: `${first}.${last}.${i}@example.org`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z0-9.@]/g, ''),
    };
  };

  const conf = await events.create(conference(today), actor);
  step();
  for (let i = 0; i < CONFERENCE_PEOPLE; i += 1) {
    clock = new Date(now.getTime() - (105 - i * 0.25) * DAY);
    const p = person(i);
    await events.register(conf.id, undefined, {
      ...p,
      ...(i % 3 === 0 ? { role: r.pick(['Beratung', 'Teamleitung', 'Geschäftsführung', 'Integrationsfachdienst', 'Personalabteilung']) } : {}),
      ...(i % 11 === 0 ? { dietary: 'vegetarisch' } : {}),
      consent: true,
      language: i % 9 === 0 ? 'en' : 'de',
    });
    step();
  }
  // On the day: most of them came.
  clock = new Date(now.getTime() - 70 * DAY + 10 * 3_600_000);
  const people = await events.registrations(conf.id, { limit: 200 }, actor);
  const came = people.items.filter((_, i) => i % 6 !== 5).map((p) => p.id);
  await events.recordAttendance(conf.id, came, [], actor);
  step();

  clock = new Date(now.getTime() - 20 * DAY);
  const ws = await events.create(workshop(today), actor);
  for (let i = 0; i < WORKSHOP_PEOPLE; i += 1) {
    clock = new Date(now.getTime() - (19 - i) * DAY);
    await events.register(ws.id, undefined, {
      ...person(200 + i),
      ...(i % 4 === 0 ? { phone: `+49 381 ${5100 + i * 7}` } : {}),
      consent: true,
      language: 'de',
    });
    step();
  }
  step();

  clock = new Date(now.getTime() - 15 * DAY);
  const tr = await events.create(training(today), actor);
  for (let i = 0; i < TRAINING_PEOPLE; i += 1) {
    clock = new Date(now.getTime() - (14 - i) * DAY);
    await events.register(tr.id, tr.partnerKey, { ...person(300 + i), role: 'Beratung', consent: true, language: 'de' });
    step();
  }
  step();
}
