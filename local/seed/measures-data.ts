// Demo group measures: the plastics measure with one company (28 people over a year, finished with the chamber's
// exam: 2 left early, 25 passed, 1 failed), and a running service-sector measure in hotels with half its places for
// women. Everything goes through the measures service and its jobs, on a scripted clock, as a counsellor would.
import type { Actor } from '#shared/audit/entry.ts';
import { casesService } from '#shared/cases/domain.ts';
import type { CaseStatus } from '#shared/cases/schema.ts';
import { companyRepository } from '#shared/companies/repository.ts';
import { measuresService } from '#shared/measures/domain.ts';
import type { MeasureInput } from '#shared/measures/schema.ts';
import { memberRepository } from '#shared/members/repository.ts';
import { occupationId } from '#shared/occupations/domain.ts';
import type { Db } from '#shared/table/access.ts';
import { seedJobRunner } from './jobs.ts';
import { random } from './random.ts';

const day = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

const FIRST = {
  female: ['Anna', 'Svetlana', 'Aylin', 'Maria', 'Olena', 'Fatma', 'Katarzyna', 'Nadia', 'Julia', 'Thi Mai', 'Sandra', 'Leyla', 'Irina', 'Amina'],
  male: ['Mehmet', 'Paweł', 'Dmytro', 'Ahmad', 'Jan', 'Sergej', 'Tobias', 'Omar', 'Marek', 'Kevin', 'Yusuf', 'Florian', 'Andrii', 'Hassan'],
};
const LAST = [
  'Kowalczyk',
  'Yılmaz',
  'Schneider',
  'Hoffmann',
  'Bondarenko',
  'Al-Khatib',
  'Nowak',
  'Becker',
  'Nguyen',
  'Demir',
  'Krüger',
  'Popescu',
  'Wolff',
  'Haddad',
];

type Story = {
  title: string;
  occupation: [string, string];
  companyNoun: string;
  wzSection: string;
  provider: string;
  /** Days from today: start, end, exam. */
  start: number;
  end: number;
  exam: number;
  places: number;
  women: number;
  people: number;
  womenAmong: number;
  modules: { title: string; days: [number, number]; hours: number }[];
  chamber: string;
  description: string;
};

const STORIES: Story[] = [
  {
    title: 'Verfahrensmechanik Kunststoff- und Kautschuktechnik – Gruppenmaßnahme im Betrieb',
    occupation: ['22102', 'Verfahrensmechaniker/in für Kunststoff- und Kautschuktechnik'],
    companyNoun: 'Kunststofftechnik',
    wzSection: 'C',
    provider: 'Lernwerkstatt Metall und Kunststoff Wismar',
    start: -460,
    end: -100,
    exam: -80,
    places: 28,
    women: 10,
    people: 28,
    womenAmong: 5,
    modules: [
      { title: 'QB 1 Kunststoffe verarbeiten: Spritzgießen', days: [0, 90], hours: 320 },
      { title: 'QB 2 Werkzeuge und Maschinen rüsten', days: [91, 190], hours: 350 },
      { title: 'QB 3 Qualität prüfen und Prozesse optimieren', days: [191, 300], hours: 300 },
      { title: 'Prüfungsvorbereitung Externenprüfung', days: [301, 360], hours: 120 },
    ],
    chamber: 'IHK zu Schwerin',
    description:
      'Gemeinsam mit dem Partnerbetrieb als Lernort: drei Qualifizierungsbausteine im Betrieb, begleitet vom Bildungsträger, und die gemeinsame Vorbereitung auf die Externenprüfung nach § 45 Abs. 2 BBiG.',
  },
  {
    title: 'Hotelfach in Teilzeit – Gruppenmaßnahme mit der Hälfte der Plätze für Frauen',
    occupation: ['63222', 'Hotelfachmann/-frau'],
    companyNoun: 'Hotel',
    wzSection: 'I',
    provider: 'Akademie für Gastronomie und Hotellerie Warnemünde',
    start: -75,
    end: 290,
    exam: 310,
    places: 16,
    women: 50,
    people: 14,
    womenAmong: 8,
    modules: [
      { title: 'QB 1 Empfang und Gästeservice', days: [0, 100], hours: 240 },
      { title: 'QB 2 Housekeeping und Etagenservice', days: [101, 200], hours: 220 },
      { title: 'QB 3 Restaurant und Bankett', days: [201, 320], hours: 260 },
    ],
    chamber: 'IHK zu Rostock',
    description: 'Teilzeit mit Kinderbetreuungszeiten; die Hälfte der Plätze ist Frauen vorbehalten, darunter Alleinerziehende.',
  },
];

export const DEMO_MEASURE_STEPS = STORIES.reduce((a, s) => a + s.people, 0);

export async function seedMeasures(db: Db, actor: Actor, now: Date, step: () => void): Promise<void> {
  const r = random(4711);
  const providers = (await memberRepository(db).list({ kind: 'training_provider', limit: 100 })).items;
  for (const story of STORIES) {
    let at = new Date(now.getTime() + (story.start - 40) * day);
    const clock = () => at;
    const until = (days: number) => (at = new Date(Math.min(now.getTime() - 60_000, now.getTime() + days * day)));
    const cases = casesService(db, clock);
    const measures = measuresService(db, clock);
    const runJob = seedJobRunner(db, { send: async () => ({ messageId: 'demo' }) }, '', clock);
    const company = (await companyRepository(db).list({ wzSection: story.wzSection, limit: 100 })).items.find((c) => c.name.includes(story.companyNoun));
    const provider = providers.find((p) => p.name === story.provider);
    if (!company || !provider) throw new Error(`Für „${story.title}“ fehlt der Demo-Betrieb oder der Bildungsträger.`);
    const date = (days: number) => iso(new Date(now.getTime() + days * day));
    const input: MeasureInput = {
      title: story.title,
      targetOccupationId: occupationId(...story.occupation),
      companyId: company.id,
      providerMemberId: provider.id,
      startDate: date(story.start),
      endDate: date(story.end),
      plannedPlaces: story.places,
      womenTargetPercent: story.women,
      modules: story.modules.map((m) => ({
        title: m.title,
        kind: m.title.startsWith('QB') ? 'qualification_module' : 'exam_preparation',
        startDate: date(story.start + m.days[0]),
        endDate: date(story.start + m.days[1]),
        hours: m.hours,
      })),
      examDate: date(story.exam),
      chamber: story.chamber,
      description: story.description,
    };
    const measure = await measures.create(input, actor);

    // The participants: each with their own case, brought to the plan before the measure starts.
    const ids: string[] = [];
    for (let i = 0; i < story.people; i += 1) {
      const gender = i < story.womenAmong ? 'female' : 'male';
      let c: { id: string; version: number } = await cases.create(
        {
          participant: {
            firstName: FIRST[gender][(i * 5 + story.people) % FIRST[gender].length]!,
            lastName: LAST[(i * 3 + Math.floor(i / LAST.length) + story.people) % LAST.length]!,
            languages: [{ language: 'Deutsch', level: 'B1' }],
            gender,
            district: company.district,
            migrationBackground: r.next() < 0.6 ? 'yes' : 'no',
            germanLevel: 'B1',
            workExperience: [
              { occupationCode: story.occupation[0], description: 'Helfertätigkeit im Betrieb', months: 30 + r.int(0, 60), weeklyHours: 35, abroad: false },
            ],
            registration: r.next() < 0.5 ? 'job_centre' : 'job_agency',
            drivingLicence: r.next() < 0.6,
            car: r.next() < 0.4,
            districtsReachable: [company.district],
            hoursAvailable: story.wzSection === 'I' ? 25 : 38,
          },
          consent: { givenOn: iso(at), scope: ['counselling', 'share_with_partners', 'job_placement'] },
          targetOccupationId: input.targetOccupationId,
          counsellorId: actor.id,
        },
        actor,
      );
      for (const to of ['intake', 'counselling', 'plan'] as CaseStatus[]) c = await cases.move(c.id, { to, version: c.version }, actor);
      ids.push(c.id);
      step();
    }
    until(story.start);
    await measures.join(measure.id, { caseIds: ids, joinedOn: date(story.start) }, actor);
    for (const id of ids) {
      const c = await cases.repo.load(id);
      await cases.move(id, { to: 'qualification', version: c.case.version }, actor);
    }

    // The roster's steps as the counsellor recorded them: each module's certificate at its end, two leave early.
    const leavers = story.exam < 0 ? ids.slice(-2) : ids.slice(-1);
    for (const [n, m] of measure.modules.entries()) {
      const end = story.start + story.modules[n]!.days[1];
      if (end >= 0) break;
      if (n === 1) {
        for (const [k, caseId] of leavers.entries()) {
          until(story.start + story.modules[1]!.days[0] + 20 + k * 15);
          await measures.leave(measure.id, caseId, { leftOn: iso(at), reason: k === 0 ? 'Arbeitsaufnahme in einem anderen Betrieb' : 'Umzug' }, actor);
        }
      }
      until(end + 3);
      await runJob((await measures.step(measure.id, { kind: 'module_completed', moduleId: m.id, certificateDate: iso(at) }, actor)).jobId);
    }
    if (story.exam >= 0) continue;
    until(story.exam - 70);
    await runJob((await measures.step(measure.id, { kind: 'exam_registered', applicationDate: iso(at) }, actor)).jobId);
    until(story.exam - 40);
    await runJob((await measures.step(measure.id, { kind: 'admission', admission: 'admitted', admissionDate: iso(at) }, actor)).jobId);
    for (const id of ids.filter((x) => !leavers.includes(x))) {
      const c = await cases.repo.load(id);
      await cases.move(id, { to: 'exam', version: c.case.version }, actor);
    }
    until(story.exam);
    const stayed = ids.filter((x) => !leavers.includes(x));
    const failed = stayed.slice(0, 1);
    await runJob((await measures.step(measure.id, { kind: 'result', finalResult: 'failed', finalDate: iso(at), caseIds: failed }, actor)).jobId);
    const passed = stayed.filter((x) => !failed.includes(x));
    await runJob((await measures.step(measure.id, { kind: 'result', finalResult: 'passed', finalDate: iso(at), caseIds: passed }, actor)).jobId);
    until(story.exam + 5);
    for (const id of passed) {
      const c = await cases.repo.load(id);
      await cases.move(id, { to: 'qualified', version: c.case.version }, actor);
    }
  }
}
