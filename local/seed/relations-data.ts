// Demo company relations: about 200 contacts with companies over the last two years (visits, calls, mails,
// counselling talks, information events, agreements), by the demo staff, with follow-ups (the recent ones open),
// and 25 learning-venue agreements in the occupations of the companies' sectors. Everything goes through the
// relations service on a scripted clock, so the months' counters and the report events are those of the dates.
import type { Actor } from '#shared/audit/entry.ts';
import type { Company } from '#shared/companies/schema.ts';
import { companyRepository } from '#shared/companies/repository.ts';
import { SHIPPED_OCCUPATIONS } from '#shared/occupations/catalogue.ts';
import { relationsService } from '#shared/relations/domain.ts';
import type { ActivityInput, ActivityKind } from '#shared/relations/schema.ts';
import type { Db } from '#shared/table/port.ts';
import { random } from './random.ts';

export const DEMO_ACTIVITIES = 200;
export const DEMO_AGREEMENTS = 25;
export const DEMO_RELATIONS_STEPS = DEMO_ACTIVITIES + DEMO_AGREEMENTS;

const DAY = 86_400_000;
const iso = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

/** Which occupations a company of a WZ section could be a learning venue for. */
const SECTORS: Record<string, string[]> = {
  C: ['metal', 'plastics'],
  F: ['construction'],
  G: ['retail', 'logistics'],
  H: ['logistics'],
  I: ['hospitality'],
  N: ['office', 'logistics'],
  Q: ['care'],
};

const KINDS: [ActivityKind, number][] = [
  ['visit', 34],
  ['call', 28],
  ['email', 18],
  ['counselling', 12],
  ['information_event', 5],
  ['agreement', 3],
];

const OUTCOMES: Record<ActivityKind, string[]> = {
  visit: [
    'Rundgang durch den Betrieb; Interesse an einer Person für das Lager, Rückmeldung nach Rücksprache mit der Geschäftsführung.',
    'Fachkräftebedarf für das nächste Jahr besprochen; der Betrieb beteiligt sich an der Befragung.',
    'Der Betrieb kann sich vorstellen, Lernort für einen Qualifizierungsbaustein zu werden.',
    'Arbeitsplätze angesehen: Einsatz in der Produktion mit Einarbeitung möglich, Deutsch auf Niveau B1 gewünscht.',
  ],
  call: [
    'Terminabsprache für einen Betriebsbesuch.',
    'Rückfrage zur Förderung der Nachqualifizierung (WeGebAU / Qualifizierungschancengesetz) beantwortet.',
    'Die Ansprechperson wechselt; neue Kontaktdaten notiert.',
    'Der Betrieb hat derzeit keinen Bedarf, erneut nachfragen im Frühjahr.',
  ],
  email: [
    'Informationsmaterial zur modularen Nachqualifizierung und zur Externenprüfung geschickt.',
    'Einladung zur Betriebsbefragung weitergeleitet.',
    'Unterlagen zur Anerkennung ausländischer Abschlüsse für Beschäftigte geschickt.',
  ],
  counselling: [
    'Beratung zur Beschäftigung von Menschen mit Migrationsgeschichte: Einarbeitung, Sprachförderung am Arbeitsplatz.',
    'Beratung zur Anerkennung eines ausländischen Berufsabschlusses einer beschäftigten Person; Verweis an die zuständige Stelle.',
    'Konzept für die Nachqualifizierung von angelernten Beschäftigten besprochen.',
  ],
  information_event: [
    'Teilnahme an der Informationsveranstaltung „Fachkräfte sichern durch Nachqualifizierung“.',
    'Unternehmerfrühstück der Kammer: Programm vorgestellt, drei Betriebe interessiert.',
  ],
  agreement: ['Lernortkooperation vereinbart; Vertrag folgt über den Bildungsträger.', 'Vereinbarung über zwei Praktikumsplätze für Teilnehmende geschlossen.'],
};

const TOPICS_BY_KIND: Record<ActivityKind, ActivityInput['topics'][number][]> = {
  visit: ['skill_needs', 'learning_venue', 'placement'],
  call: ['skill_needs', 'funding', 'survey'],
  email: ['survey', 'recognition', 'funding'],
  counselling: ['migrant_employment', 'recognition', 'intercultural', 'funding'],
  information_event: ['skill_needs', 'funding'],
  agreement: ['learning_venue', 'placement'],
};

function weighted<T>(r: ReturnType<typeof random>, list: [T, number][]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [v, w] of list) if ((x -= w) < 0) return v;
  return list[list.length - 1]![0];
}

export async function seedRelations(db: Db, staff: Actor[], now: Date, step: () => void): Promise<void> {
  const r = random(20_261_203);
  let at = now;
  const relations = relationsService(db, () => at);
  const companies = (await companyRepository(db).listAll({})).sort((a, b) => a.id.localeCompare(b.id));
  // A third of the companies are the programme's regular contacts: most activities are theirs.
  const regulars = companies.filter((_, i) => i % 3 === 0);
  const dates = Array.from({ length: DEMO_ACTIVITIES }, () => r.int(1, 730)).sort((a, b) => b - a);
  for (const daysAgo of dates) {
    at = new Date(now.getTime() - daysAgo * DAY);
    const company = r.next() < 0.75 ? r.pick(regulars) : r.pick(companies);
    const kind = weighted(r, KINDS);
    const date = iso(at);
    const followUp = r.next() < 0.4 ? r.int(7, 42) : 0;
    const input: ActivityInput = {
      kind,
      date,
      ...(company.contactPerson ? { contactPerson: company.contactPerson } : {}),
      topics: r.some(TOPICS_BY_KIND[kind], r.int(1, 2)),
      outcome: r.pick(OUTCOMES[kind]),
      ...(followUp ? { followUpOn: iso(new Date(at.getTime() + followUp * DAY)) } : {}),
    };
    const actor = r.pick(staff);
    const a = await relations.recordActivity(company.id, input, actor);
    // Follow-ups that are past were done by then, but for a few; the recent ones stay open.
    if (a.followUpOn && a.followUpOn < iso(now) && r.next() < 0.85) {
      at = new Date(Math.min(now.getTime(), new Date(`${a.followUpOn}T09:00:00Z`).getTime()));
      await relations.followUpDone(company.id, a.id, a.version, actor);
    }
    step();
  }
  await seedAgreements(db, companies, staff, now, r, step);
}

async function seedAgreements(db: Db, companies: Company[], staff: Actor[], now: Date, r: ReturnType<typeof random>, step: () => void) {
  let at = now;
  const relations = relationsService(db, () => at);
  const venues = companies.filter((c) => SECTORS[c.wzSection]);
  for (const company of r.some(venues, DEMO_AGREEMENTS)) {
    const codes = [...new Set(SHIPPED_OCCUPATIONS.filter((o) => SECTORS[company.wzSection]!.includes(o.sector)).map((o) => o.code))];
    const startsAgo = r.int(20, 700);
    at = new Date(now.getTime() - (startsAgo + r.int(5, 30)) * DAY);
    const ends = r.next() < 0.3 ? undefined : startsAgo - r.int(180, 900);
    await relations.createAgreement(
      {
        companyId: company.id,
        occupationCodes: r.some(codes, r.int(1, 2)),
        places: r.int(1, 4),
        startsOn: iso(new Date(now.getTime() - startsAgo * DAY)),
        ...(ends !== undefined ? { endsOn: iso(new Date(now.getTime() - ends * DAY)) } : {}),
        ...(company.contactPerson ? { contactPerson: company.contactPerson } : {}),
        notes: 'Betrieb stellt Lernort und betriebliche Anleitung; Teilnehmende kommen über den Bildungsträger.',
      },
      r.pick(staff),
    );
    step();
  }
}
