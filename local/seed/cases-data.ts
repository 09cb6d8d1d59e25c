// Demo casework: 320 cases over the last 24 months, 140 qualified, played through the real domain with a scripted clock.
import type { Actor } from '#shared/audit/entry.ts';
import { caseChildren } from '#shared/cases/children.ts';
import { casesService } from '#shared/cases/domain.ts';
import type { CaseInput, CaseStatus } from '#shared/cases/schema.ts';
import { SHIPPED_OCCUPATIONS } from '#shared/occupations/catalogue.ts';
import { occupationId } from '#shared/occupations/domain.ts';
import type { District } from '#shared/regions.ts';
import type { Db } from '#shared/table/access.ts';
import { random, type Random } from './random.ts';
import { mapLimit } from '#shared/concurrency.ts';

const WOMEN = [
  'Anna',
  'Katrin',
  'Sabine',
  'Olena',
  'Thi Lan',
  'Fatima',
  'Agnieszka',
  'Maria',
  'Jana',
  'Aylin',
  'Nadia',
  'Svetlana',
  'Petra',
  'Lea',
  'Amal',
  'Ewa',
];
const MEN = ['Thomas', 'Jens', 'Ahmad', 'Mehmet', 'Andrzej', 'Dmytro', 'Marco', 'Sven', 'Yusuf', 'Tobias', 'Omar', 'Pavel', 'Kevin', 'Duc Anh', 'Rami', 'Uwe'];
const LAST = [
  'Schulz',
  'Müller',
  'Kovalenko',
  'Nguyen',
  'Nowak',
  'Haddad',
  'Yılmaz',
  'Krüger',
  'Becker',
  'Al-Hassan',
  'Schröder',
  'Popescu',
  'Wagner',
  'Petrenko',
  'Hoffmann',
  'Öztürk',
  'Lange',
  'Ivanova',
  'Braun',
  'Kaya',
];
const LANGUAGES = ['Ukrainisch', 'Arabisch', 'Vietnamesisch', 'Polnisch', 'Türkisch', 'Russisch', 'Rumänisch', 'Dari'];
const DISTRICT_LIST: District[] = [
  'rostock_city',
  'landkreis_rostock',
  'schwerin_city',
  'nordwestmecklenburg',
  'vorpommern_ruegen',
  'mecklenburgische_seenplatte',
  'vorpommern_greifswald',
  'ludwigslust_parchim',
];
const POSTCODES: Record<string, string> = {
  rostock_city: '18055',
  landkreis_rostock: '18273',
  schwerin_city: '19053',
  nordwestmecklenburg: '23966',
  vorpommern_ruegen: '18435',
  mecklenburgische_seenplatte: '17033',
  vorpommern_greifswald: '17489',
  ludwigslust_parchim: '19370',
};
const POPULAR = [
  'Fachkraft für Lagerlogistik',
  'Fachlagerist/in',
  'Berufskraftfahrer/in',
  'Verkäufer/in',
  'Kaufmann/-frau im Einzelhandel',
  'Koch/Köchin',
  'Fachkraft Küche',
  'Hotelfachmann/-frau',
  'Maschinen- und Anlagenführer/in',
  'Metallbauer/in',
  'Fachkraft für Metalltechnik',
  'Maurer/in',
  'Maler/in und Lackierer/in',
  'Gebäudereiniger/in',
  'Kaufmann/-frau für Büromanagement',
  'Verfahrensmechaniker/in für Kunststoff- und Kautschuktechnik',
  'Elektroniker/in für Energie- und Gebäudetechnik',
  'Fachkraft für Gastronomie',
];

export const DEMO_CASES = 320;
const QUALIFIED = 140;

const day = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Where case i ends up: qualified cases are the older ones, the rest spread over the lifecycle. */
function destination(i: number, ageMonths: number, r: Random): CaseStatus {
  if (i < QUALIFIED) return 'qualified';
  const roll = r.next();
  if (roll < 0.17) return 'dropped';
  if (roll < 0.24) return 'referred';
  if (roll < 0.29) return 'paused';
  const reachable: CaseStatus[] = ['inquiry', 'intake', 'counselling', 'plan', 'qualification', 'exam'];
  return reachable[Math.min(reachable.length - 1, Math.floor((ageMonths / 24) * reachable.length + r.next() * 2))]!;
}

export async function seedCases(db: Db, counsellors: Actor[], now: Date, step: () => void): Promise<void> {
  const r = random(20_240_601);
  const plans = Array.from({ length: DEMO_CASES }, (_, i) => {
    // Qualified cases start 12–24 months ago; the others anywhere in the last 24 months.
    const ageMonths = i < QUALIFIED ? 12 + r.next() * 12 : r.next() * 24;
    return { i, ageMonths, to: destination(i, ageMonths, r), seed: r.int(1, 1e9) };
  });

  const runOne = async (plan: (typeof plans)[number]) => {
    const rr = random(plan.seed);
    // Each case has its own scripted clock, so parallel cases cannot disturb each other's dates.
    let at = now;
    const clock = () => at;
    const cases = casesService(db, clock);
    const children = caseChildren(cases, clock);
    let t = now.getTime() - plan.ageMonths * 30 * day;
    const later = (min: number, max: number) => {
      t = Math.min(now.getTime() - day, t + rr.int(min, max) * day);
      at = new Date(t);
      return at;
    };
    at = new Date(t);
    const woman = rr.next() < 0.52;
    const migrant = rr.next() < 0.36;
    const district = rr.pick(DISTRICT_LIST);
    const wanted = rr.pick(POPULAR);
    const occupation = SHIPPED_OCCUPATIONS.find((o) => o.title === wanted)!;
    const actor = rr.next() < 0.8 ? counsellors[0]! : (counsellors[1] ?? counsellors[0]!);
    const hours = rr.pick([20, 25, 30, 35, 40]);
    const input: CaseInput = {
      participant: {
        firstName: rr.pick(woman ? WOMEN : MEN),
        lastName: rr.pick(LAST),
        birthDate: `${rr.int(1966, 2003)}-${String(rr.int(1, 12)).padStart(2, '0')}-${String(rr.int(1, 28)).padStart(2, '0')}`,
        gender: woman ? 'female' : rr.next() < 0.02 ? 'diverse' : 'male',
        phone: `+49 ${rr.int(151, 179)} ${rr.int(1000000, 9999999)}`,
        postcode: POSTCODES[district],
        district,
        migrationBackground: migrant ? 'yes' : 'no',
        languages: migrant ? [{ language: rr.pick(LANGUAGES), level: 'native' }] : [],
        germanLevel: migrant ? rr.pick(['A2', 'B1', 'B1', 'B2', 'C1'] as const) : 'native',
        schoolCertificate: rr.pick(['none', 'berufsreife', 'mittlere_reife', 'foreign_not_recognised'] as const),
        workExperience: [
          { occupationCode: `${occupation.code.slice(0, 4)}1`, description: 'Helfertätigkeit', months: rr.int(12, 96), weeklyHours: hours, abroad: false },
        ],
        registration: rr.pick(['job_agency', 'job_centre', 'job_centre', 'none'] as const),
        drivingLicence: rr.next() < 0.6,
        car: rr.next() < 0.4,
        districtsReachable: [district],
        hoursAvailable: hours,
      },
      // Most people agree to placement with companies; every seventh agreed to counselling and sharing only.
      consent: { givenOn: iso(at), scope: plan.i % 7 === 3 ? ['counselling', 'share_with_partners'] : ['counselling', 'share_with_partners', 'job_placement'] },
      targetOccupationId: occupationId(occupation.code, occupation.title),
      counsellorId: actor.id,
    };
    let c = await cases.create(input, actor);
    const go = async (to: CaseStatus, min = 7, max = 30) => {
      later(min, max);
      c = await cases.move(c.id, { to, version: c.version }, actor);
    };
    const order: CaseStatus[] = ['intake', 'counselling', 'plan', 'qualification', 'exam', 'qualified'];
    const stopAt = plan.to === 'dropped' || plan.to === 'referred' || plan.to === 'paused' ? order[rr.int(0, 3)]! : plan.to;
    for (const stage of order) {
      if (plan.to === 'inquiry' || order.indexOf(stage) > order.indexOf(stopAt)) break;
      if (stage === 'counselling') {
        later(3, 10);
        c = await children.add(
          c.id,
          'sessions',
          {
            date: iso(at),
            kind: 'first_talk',
            minutes: 60,
            notes: 'Erstgespräch: Ziele, Erfahrungen und Rahmenbedingungen besprochen.',
            nextSteps: 'Unterlagen zur Berufserfahrung sammeln.',
            followUpDone: true,
          },
          actor,
        );
        for (let s = rr.int(1, 3); s > 0; s -= 1) {
          later(7, 21);
          c = await children.add(
            c.id,
            'sessions',
            {
              date: iso(at),
              kind: rr.pick(['counselling', 'competence_assessment', 'coaching'] as const),
              minutes: rr.pick([30, 45, 60, 90]),
              notes: 'Beratungstermin.',
              followUpDone: true,
            },
            actor,
          );
        }
      }
      if (stage === 'qualification') {
        for (let m = 1; m <= rr.int(2, 3); m += 1) {
          c = await children.add(
            c.id,
            'modules',
            {
              title: `Qualifizierungsbaustein ${m}: ${occupation.title}`,
              kind: 'qualification_module',
              closesDifferences: [],
              hours: rr.pick([140, 210, 280, 350, 420]),
              status: plan.to === 'qualified' || plan.to === 'exam' ? 'completed' : 'running',
              startDate: iso(at),
              ...(plan.to === 'qualified' || plan.to === 'exam' ? { certificateDate: iso(new Date(t + 60 * day)) } : {}),
            },
            actor,
          );
        }
        c = await children.add(
          c.id,
          'fundings',
          { source: rr.pick(['voucher_81_sgb3', 'job_centre_16_sgb2', 'qcg_82_sgb3', 'esf'] as const), amountEuro: rr.int(30, 90) * 100, approvedOn: iso(at) },
          actor,
        );
      }
      if (stage === 'exam') {
        later(90, 200);
        c = await children.putExam(
          c.id,
          { applicationDate: iso(at), admission: 'admitted', admissionDate: iso(new Date(t + 20 * day)), waiverRequested: false },
          actor,
        );
      }
      if (stage === 'qualified') {
        later(30, 60);
        c = await children.putExam(
          c.id,
          {
            applicationDate: c.exam!.applicationDate,
            admission: 'admitted',
            admissionDate: c.exam!.admissionDate,
            waiverRequested: false,
            finalDate: iso(at),
            finalResult: 'passed',
            version: c.exam!.version,
          },
          actor,
        );
      }
      await go(stage, stage === 'qualification' ? 14 : 5, stage === 'qualification' ? 40 : 25);
      if (stage === 'qualified' && rr.next() < 0.7) {
        c = await children.putOutcome(
          c.id,
          {
            qualificationDate: c.exam!.finalDate,
            employer: 'Regionaler Betrieb',
            employmentStart: iso(later(5, 40)),
            employmentKind: rr.pick(['permanent', 'fixed_term', 'permanent'] as const),
          },
          actor,
        );
      }
    }
    if (plan.to === 'dropped' || plan.to === 'referred' || plan.to === 'paused') await go(plan.to, 10, 40);
    // Open cases get a follow-up around today: some overdue, some due soon.
    if (!['qualified', 'dropped', 'referred'].includes(c.status) && c.status !== 'inquiry') {
      at = new Date(Math.min(now.getTime() - day, t + day));
      const due = iso(new Date(now.getTime() + rr.int(-10, 21) * day));
      c = await children.add(
        c.id,
        'sessions',
        { date: iso(at), kind: 'counselling', minutes: 45, nextSteps: 'Rückmeldung zum Stand der Unterlagen.', followUp: due, followUpDone: false },
        actor,
      );
    }
    step();
  };

  // Cases are independent; a few at a time keep DynamoDB Local busy without reordering one case's steps.
  await mapLimit(plans, 8, runOne);
}
