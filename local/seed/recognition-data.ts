// Demo cases on the recognition path (BQFG): people with a qualification from abroad, at every point of the procedure.
// Each is played through the real domain (create, moves, children), so events, counters and audit are what use writes.
import type { Actor } from '#shared/audit/entry.ts';
import { caseChildren } from '#shared/cases/children.ts';
import { casesService } from '#shared/cases/domain.ts';
import type { CaseView } from '#shared/cases/view.ts';
import type { ForeignQualificationInput, RecognitionInput } from '#shared/cases/schema.ts';
import { occupationId } from '#shared/occupations/domain.ts';
import type { District } from '#shared/regions.ts';
import type { Db } from '#shared/table/access.ts';

const day = 24 * 60 * 60 * 1000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

type Story = {
  firstName: string;
  lastName: string;
  gender: 'female' | 'male';
  district: District;
  language: string;
  occupation: [code: string, title: string];
  qualification: Omit<ForeignQualificationInput, 'documents'> & { documents: ForeignQualificationInput['documents'] };
  /** Days before today the file was complete. */
  fileComplete: number;
  decision: RecognitionInput['decision'];
  differences?: string[];
  /** How many of the differences an adaptation module has closed. */
  closed?: number;
  appeal?: boolean;
};

const STORIES: Story[] = [
  {
    firstName: 'Oksana',
    lastName: 'Hrytsenko',
    gender: 'female',
    district: 'rostock_city',
    language: 'Ukrainisch',
    occupation: ['51312', 'Fachkraft für Lagerlogistik'],
    qualification: {
      country: 'Ukraine',
      originalTitle: 'Фахівець зі складської логістики',
      germanTitle: 'Fachkraft Lagerlogistik',
      year: 2012,
      durationMonths: 30,
      documents: ['certificate', 'transcript', 'translation', 'identity', 'cv'],
    },
    fileComplete: 150,
    decision: 'partial',
    differences: ['Arbeitsschutz und Gefahrstoffrecht', 'Lagerverwaltungssysteme und Bestandsführung'],
    closed: 1,
  },
  {
    firstName: 'Karim',
    lastName: 'Haddad',
    gender: 'male',
    district: 'landkreis_rostock',
    language: 'Arabisch',
    occupation: ['26212', 'Elektroniker/in für Energie- und Gebäudetechnik'],
    qualification: {
      country: 'Syrien',
      originalTitle: 'دبلوم الكهرباء',
      germanTitle: 'Diplom Elektrotechnik (Berufsschule)',
      year: 2009,
      durationMonths: 36,
      documents: ['certificate', 'translation', 'identity', 'work_references', 'cv'],
    },
    fileComplete: 260,
    decision: 'partial',
    differences: ['VDE-Vorschriften und Prüfung elektrischer Anlagen', 'Gebäudesystemtechnik (KNX)'],
    closed: 2,
  },
  {
    firstName: 'Marta',
    lastName: 'Kowalczyk',
    gender: 'female',
    district: 'nordwestmecklenburg',
    language: 'Polnisch',
    occupation: ['29302', 'Koch/Köchin'],
    qualification: {
      country: 'Polen',
      originalTitle: 'Technik żywienia i usług gastronomicznych',
      year: 2015,
      durationMonths: 48,
      documents: ['certificate', 'transcript', 'translation', 'identity'],
    },
    fileComplete: 200,
    decision: 'full',
  },
  {
    firstName: 'Aylin',
    lastName: 'Demir',
    gender: 'female',
    district: 'rostock_city',
    language: 'Türkisch',
    occupation: ['71402', 'Kaufmann/-frau für Büromanagement'],
    qualification: {
      country: 'Türkei',
      originalTitle: 'Büro Yönetimi ve Yönetici Asistanlığı',
      year: 2017,
      durationMonths: 24,
      documents: ['certificate', 'transcript', 'translation'],
    },
    fileComplete: 40,
    decision: 'pending',
  },
  {
    firstName: 'Tesfay',
    lastName: 'Gebremariam',
    gender: 'male',
    district: 'vorpommern_greifswald',
    language: 'Tigrinya',
    occupation: ['25212', 'Kraftfahrzeugmechatroniker/in'],
    qualification: {
      country: 'Eritrea',
      originalTitle: 'Certificate in Automotive Mechanics',
      year: 2013,
      durationMonths: 24,
      documents: ['certificate', 'identity'],
    },
    fileComplete: 110,
    decision: 'pending',
  },
  {
    firstName: 'Dmitri',
    lastName: 'Volkov',
    gender: 'male',
    district: 'landkreis_rostock',
    language: 'Russisch',
    occupation: ['24412', 'Konstruktionsmechaniker/in'],
    qualification: {
      country: 'Kasachstan',
      originalTitle: 'Слесарь-монтажник',
      year: 2004,
      durationMonths: 24,
      documents: ['certificate', 'translation', 'work_references'],
    },
    fileComplete: 180,
    decision: 'none',
    appeal: true,
  },
];

export const DEMO_RECOGNITION_CASES = STORIES.length;

export async function seedRecognition(db: Db, actor: Actor, now: Date, step: () => void): Promise<void> {
  for (const story of STORIES) {
    // The story's own clock: the case opens some weeks before the file was complete, each step follows.
    let at = new Date(now.getTime() - (story.fileComplete + 60) * day);
    const clock = () => at;
    const cases = casesService(db, clock);
    const children = caseChildren(cases, clock);
    const later = (days: number) => {
      at = new Date(Math.min(now.getTime() - day, at.getTime() + days * day));
      return iso(at);
    };
    const [code, title] = story.occupation;
    let c: CaseView = await cases.create(
      {
        participant: {
          firstName: story.firstName,
          lastName: story.lastName,
          gender: story.gender,
          district: story.district,
          migrationBackground: 'yes',
          languages: [{ language: story.language, level: 'native' }],
          germanLevel: 'B1',
          schoolCertificate: 'foreign_not_recognised',
          workExperience: [{ occupationCode: code, description: 'Berufstätigkeit im Herkunftsland', months: 48, weeklyHours: 40, abroad: true }],
          registration: 'job_centre',
          drivingLicence: false,
          car: false,
          districtsReachable: [story.district],
          hoursAvailable: 35,
        },
        consent: { givenOn: iso(at), scope: ['counselling', 'share_with_partners'] },
        targetOccupationId: occupationId(code, title),
        counsellorId: actor.id,
      },
      actor,
    );
    const move = async (to: CaseView['status'], days: number) => {
      later(days);
      c = await cases.move(c.id, { to, version: c.version }, actor);
    };
    await move('intake', 3);
    await move('counselling', 5);
    later(2);
    c = await children.add(
      c.id,
      'sessions',
      {
        date: iso(at),
        kind: 'first_talk',
        minutes: 60,
        notes: 'Erstgespräch: ausländischer Abschluss, Unterlagen für die Anerkennung besprochen.',
        followUpDone: true,
      },
      actor,
    );
    c = await children.add(c.id, 'qualifications', story.qualification, actor);
    const appliedOn = later(10);
    const procedure = { referenceOccupationId: occupationId(code, title), appliedOn, decision: 'pending' as const, differences: [] };
    c = await children.putRecognition(c.id, procedure, actor);
    at = new Date(now.getTime() - story.fileComplete * day);
    const fileCompleteOn = iso(at);
    c = await children.putRecognition(c.id, { ...procedure, fileCompleteOn, version: c.recognition!.version }, actor);
    if (story.decision === 'pending') {
      step();
      continue;
    }
    const decidedOn = later(80);
    c = await children.putRecognition(
      c.id,
      {
        ...procedure,
        fileCompleteOn,
        decision: story.decision,
        decidedOn,
        differences: (story.differences ?? []).map((t) => ({ title: t })),
        ...(story.appeal ? { appeal: { filedOn: later(20), outcome: 'pending' as const } } : {}),
        version: c.recognition!.version,
      },
      actor,
    );
    if (story.decision === 'full') {
      c = await children.add(c.id, 'fundings', { source: 'recognition_grant', amountEuro: 600, approvedOn: appliedOn }, actor);
      await move('qualified', 5);
    }
    if (story.decision === 'partial') {
      await move('plan', 7);
      const differences = c.recognition!.differences;
      for (const [i, d] of differences.entries()) {
        const done = i < (story.closed ?? 0);
        c = await children.add(
          c.id,
          'modules',
          {
            title: `Anpassungsqualifizierung: ${d.title}`,
            kind: 'adaptation',
            hours: 80 + i * 40,
            providerName: 'Bildungswerk der Wirtschaft',
            startDate: later(7),
            status: done ? 'completed' : 'running',
            closesDifferences: [d.id],
            ...(done ? { certificateDate: later(30) } : {}),
          },
          actor,
        );
      }
      c = await children.add(c.id, 'fundings', { source: 'recognition_grant', amountEuro: 600, approvedOn: appliedOn }, actor);
      await move('qualification', 3);
      if (c.recognition!.openDifferences.length === 0) await move('qualified', 5);
    }
    step();
  }
}
