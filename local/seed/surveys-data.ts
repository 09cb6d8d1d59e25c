// Demo surveys, played through the real survey services with a scripted clock: a closed spring wave of the
// qualification-needs survey (about 60% answered), the autumn wave made from it (open, answers coming in)
// and a closed migrant-employment survey of 160 companies. Links are read from the mails the services send.
import { SHIPPED_OCCUPATIONS } from '#shared/occupations/catalogue.ts';
import type { MailTransport, OutgoingMail } from '#shared/email/message.ts';
import { companyRepository } from '#shared/companies/repository.ts';
import type { Company } from '#shared/companies/schema.ts';
import type { Answers, OccupationRow, Question } from '#shared/surveys/questions.ts';
import { TIMEFRAMES } from '#shared/surveys/questions.ts';
import { responseService } from '#shared/surveys/responses.ts';
import { runSurveyReminders, surveysService } from '#shared/surveys/domain.ts';
import type { Campaign } from '#shared/surveys/schema.ts';
import type { Actor } from '#shared/audit/entry.ts';
import type { Db } from '#shared/table/access.ts';
import { addDays, berlinDate } from '#shared/time.ts';
import { random, type Random } from './random.ts';
import { seedJobRunner } from './jobs.ts';
import { mapLimit } from '#shared/concurrency.ts';

const day = 86_400_000;
const yes = { value: 'yes', label: { de: 'Ja', en: 'Yes' } };
const no = { value: 'no', label: { de: 'Nein', en: 'No' } };

export const NEEDS_QUESTIONS: Question[] = [
  {
    id: 'qneeds',
    type: 'occupations',
    required: false,
    maxRows: 5,
    label: {
      de: 'Für welche Berufe suchen Sie in den nächsten 12 Monaten Fachkräfte?',
      en: 'Which occupations will you be hiring skilled workers for in the next 12 months?',
    },
    help: { de: 'Eine Zeile je Beruf: Anzahl, Zeitraum und ob Sie auch Quereinsteiger nachqualifizieren würden.', en: 'One row per occupation.' },
  },
  {
    id: 'qvacancies',
    type: 'number',
    required: true,
    min: 0,
    max: 500,
    integer: true,
    unit: 'Stellen',
    label: { de: 'Wie viele Stellen sind bei Ihnen derzeit unbesetzt?', en: 'How many positions are currently vacant?' },
  },
  {
    id: 'qdifficulty',
    type: 'scale',
    required: true,
    label: { de: 'Wie schwer ist es derzeit, Fachkräfte zu finden?', en: 'How hard is it to find skilled workers at the moment?' },
    lowLabel: { de: 'leicht', en: 'easy' },
    highLabel: { de: 'sehr schwer', en: 'very hard' },
  },
  {
    id: 'qtraining',
    type: 'single',
    required: true,
    label: { de: 'Bilden Sie derzeit aus?', en: 'Do you currently train apprentices?' },
    choices: [yes, { value: 'planned', label: { de: 'Geplant', en: 'Planned' } }, no],
  },
  {
    id: 'qupskill',
    type: 'single',
    required: true,
    label: {
      de: 'Würden Sie Beschäftigte ohne Berufsabschluss berufsbegleitend nachqualifizieren lassen?',
      en: 'Would you let employees without a vocational qualification re-qualify alongside their job?',
    },
    choices: [yes, { value: 'maybe', label: { de: 'Vielleicht, mit Unterstützung', en: 'Maybe, with support' } }, no],
  },
  {
    id: 'qchannels',
    type: 'multiple',
    required: false,
    label: { de: 'Wie suchen Sie Personal?', en: 'How do you look for staff?' },
    choices: [
      { value: 'agency', label: { de: 'Agentur für Arbeit', en: 'Employment agency' } },
      { value: 'jobcentre', label: { de: 'Jobcenter', en: 'Job centre' } },
      { value: 'portals', label: { de: 'Stellenportale', en: 'Job portals' } },
      { value: 'social', label: { de: 'Soziale Medien', en: 'Social media' } },
      { value: 'network', label: { de: 'Persönliche Kontakte', en: 'Personal contacts' } },
      { value: 'chamber', label: { de: 'Kammer', en: 'Chamber' } },
    ],
  },
  { id: 'qnotes', type: 'text', required: false, maxLength: 1000, label: { de: 'Was sollten wir außerdem wissen?', en: 'Anything else we should know?' } },
];

export const MIGRANT_QUESTIONS: Question[] = [
  {
    id: 'qemploys',
    type: 'single',
    required: true,
    label: { de: 'Beschäftigen Sie derzeit Menschen mit Migrationsgeschichte?', en: 'Do you currently employ people with a migration background?' },
    choices: [yes, no],
  },
  {
    id: 'qcount',
    type: 'number',
    required: false,
    min: 0,
    max: 2000,
    integer: true,
    unit: 'Personen',
    label: { de: 'Wenn ja: wie viele?', en: 'If so, how many?' },
  },
  {
    id: 'qbarriers',
    type: 'multiple',
    required: true,
    label: { de: 'Welche Hürden erleben Sie bei der Einstellung?', en: 'Which obstacles do you meet when hiring?' },
    choices: [
      { value: 'language', label: { de: 'Deutschkenntnisse', en: 'German language skills' } },
      { value: 'recognition', label: { de: 'Anerkennung von Abschlüssen', en: 'Recognition of qualifications' } },
      { value: 'permits', label: { de: 'Aufenthalt und Arbeitserlaubnis', en: 'Residence and work permits' } },
      { value: 'housing', label: { de: 'Wohnraum', en: 'Housing' } },
      { value: 'mobility', label: { de: 'Erreichbarkeit des Betriebs', en: 'Getting to the workplace' } },
      { value: 'none', label: { de: 'Keine', en: 'None' } },
    ],
  },
  {
    id: 'qgerman',
    type: 'scale',
    required: true,
    label: { de: 'Wie wichtig sind gute Deutschkenntnisse für eine Einstellung?', en: 'How important is good German for hiring?' },
    lowLabel: { de: 'unwichtig', en: 'not important' },
    highLabel: { de: 'unverzichtbar', en: 'essential' },
  },
  {
    id: 'qsupport',
    type: 'multiple',
    required: false,
    maxChoices: 3,
    label: { de: 'Welche Unterstützung würde Ihnen am meisten helfen? (bis zu drei)', en: 'Which support would help you most? (up to three)' },
    choices: [
      { value: 'jobgerman', label: { de: 'Berufsbezogener Deutschkurs im Betrieb', en: 'Job-related German course at work' } },
      { value: 'mentoring', label: { de: 'Begleitung in den ersten Monaten', en: 'Mentoring in the first months' } },
      { value: 'recognition', label: { de: 'Beratung zur Anerkennung', en: 'Advice on recognition' } },
      { value: 'funding', label: { de: 'Förderung von Lohnkosten', en: 'Wage subsidies' } },
      { value: 'authorities', label: { de: 'Hilfe bei Behördengängen', en: 'Help with authorities' } },
    ],
  },
  {
    id: 'qhire',
    type: 'occupations',
    required: false,
    maxRows: 5,
    label: {
      de: 'Für welche Berufe würden Sie Menschen mit Migrationsgeschichte einstellen?',
      en: 'For which occupations would you hire people with a migration background?',
    },
  },
];

/** Occupations that fit a WZ section, by the catalogue's sectors. */
const SECTOR_OCCUPATIONS: Record<string, string[]> = {
  C: ['metal', 'plastics'],
  F: ['construction'],
  G: ['retail', 'logistics'],
  H: ['logistics'],
  I: ['hospitality'],
  Q: ['care', 'office'],
  N: ['construction', 'office', 'logistics'],
  M: ['office'],
  J: ['office'],
  A: ['logistics', 'metal'],
};
function codesFor(section: string, offered: Set<string>): string[] {
  const sectors = SECTOR_OCCUPATIONS[section] ?? ['office'];
  const codes = [...new Set(SHIPPED_OCCUPATIONS.filter((o) => sectors.includes(o.sector)).map((o) => o.code))].filter((c) => offered.has(c));
  return codes.length ? codes : [...offered];
}

const SIZE_STAFF: Record<string, [number, number]> = { '1-9': [2, 9], '10-49': [10, 49], '50-249': [50, 249], '250+': [250, 900] };
const NOTES = [
  'Wir suchen dringend Leute, die auch am Wochenende arbeiten können.',
  'Gerne Kontakt zu Ihrem Projekt aufnehmen, wir haben zwei Helfer, die einen Abschluss machen sollten.',
  'Die Busverbindung zu unserem Standort ist ein Problem für Bewerber.',
  'Saisonbetrieb: Bedarf vor allem von April bis Oktober.',
  'Wir bilden gern aus, finden aber keine Bewerber.',
  '',
];

function needsAnswers(r: Random, company: Company, offered: Set<string>, mood: number): Answers {
  const codes = codesFor(company.wzSection, offered);
  const [min, max] = SIZE_STAFF[company.sizeClass] ?? [5, 20];
  const rows: OccupationRow[] = r.some(codes, r.next() < 0.2 ? 0 : r.int(1, 3)).map((occupation) => ({
    occupation,
    headcount: Math.max(1, Math.round(r.int(1, Math.max(1, Math.round(max / 15))) * mood)),
    timeframe: r.pick(TIMEFRAMES),
    lowSkilled: r.next() < 0.55,
    migrant: r.next() < 0.6,
  }));
  const note = r.pick(NOTES);
  return {
    qneeds: rows,
    qvacancies: Math.min(500, Math.round(r.int(0, Math.max(1, Math.round((min + max) / 12))) * mood)),
    qdifficulty: Math.min(5, Math.max(1, Math.round(r.int(2, 5) * Math.min(1.2, mood)))),
    qtraining: r.pick(['yes', 'yes', 'planned', 'no']),
    qupskill: r.pick(['yes', 'maybe', 'maybe', 'no']),
    qchannels: r.some(['agency', 'jobcentre', 'portals', 'social', 'network', 'chamber'], r.int(1, 4)),
    ...(note ? { qnotes: note } : {}),
  };
}

function migrantAnswers(r: Random, company: Company, offered: Set<string>): Answers {
  const employs = r.next() < 0.58;
  const [, max] = SIZE_STAFF[company.sizeClass] ?? [5, 20];
  const barriers =
    r.next() < 0.1
      ? ['none']
      : r.some(
          ['language', 'language', 'recognition', 'permits', 'housing', 'mobility'].filter((v, i, a) => a.indexOf(v) === i),
          r.int(1, 3),
        );
  return {
    qemploys: employs ? 'yes' : 'no',
    ...(employs ? { qcount: r.int(1, Math.max(1, Math.round(max / 6))) } : {}),
    qbarriers: barriers,
    qgerman: r.int(3, 5),
    qsupport: r.some(['jobgerman', 'mentoring', 'recognition', 'funding', 'authorities'], r.int(1, 3)),
    qhire: r
      .some(codesFor(company.wzSection, offered), r.int(0, 2))
      .map((occupation) => ({ occupation, headcount: r.int(1, 3), timeframe: r.pick(TIMEFRAMES), lowSkilled: r.next() < 0.6, migrant: true })),
  };
}

/** Remembers the newest survey link mailed to each address (the services mail; the demo reads the links). */
export class LinkBox implements MailTransport {
  private readonly links = new Map<string, string>();
  async send(mail: OutgoingMail) {
    const token = /#t=(\S+)/.exec(mail.text)?.[1];
    if (token) this.links.set(mail.to, token);
    return { messageId: `seed-${this.links.size}` };
  }
  token(email: string): string | undefined {
    return this.links.get(email);
  }
}

/** The Berlin noon of a date (seed steps happen mid-day, away from midnight edges). */
const noon = (isoDate: string) => new Date(`${isoDate}T11:00:00Z`);

type Answer = (r: Random, c: Company, offered: Set<string>) => Answers;
type Plan = { campaign: Campaign; rate: number; answer: Answer; from: string; until: string };

export const DEMO_SURVEY_STEPS = 240 + 240 + 160;

export async function seedSurveys(db: Db, actor: Actor, now: Date, siteUrl: string, step: () => void): Promise<void> {
  let at = now;
  const clock = () => at;
  const mail = new LinkBox();
  const surveys = surveysService(db, clock);
  // The e-mails go out as jobs; the seed does each job at once, on its scripted clock (the stream finds them ended).
  const runJob = seedJobRunner(db, mail, siteUrl, clock);
  const companies = (await companyRepository(db).listAll({})).sort((a, b) => a.id.localeCompare(b.id));
  const r = random(20_260_301);
  const today = berlinDate(now);
  const year = Number(today.slice(0, 4));

  /** Companies answer on random days between `from` and `until`; some save a draft first, some change a submitted answer. */
  async function answer(plan: Plan, invited: Company[]) {
    const offered = new Set(plan.campaign.occupations.map((o) => o.code));
    // Never later than an hour before the seed runs: no event lies in the future.
    const end = Math.min(noon(plan.until).getTime(), now.getTime() - 3_600_000);
    const span = Math.max(0.1, (end - noon(plan.from).getTime()) / day);
    const visits = invited
      .map((company) => ({ company, roll: r.next(), dayOffset: r.next() * span, seed: r.int(1, 1e9) }))
      .sort((a, b) => a.dayOffset - b.dayOffset);
    // Companies answer independently, each on its own clock, a few at a time.
    await mapLimit(visits, 8, async (v) => {
      const visitAt = new Date(noon(plan.from).getTime() + v.dayOffset * day);
      const responses = responseService(db, () => visitAt);
      const token = mail.token(v.company.email!);
      if (token && v.roll < plan.rate + 0.12) {
        const rr = random(v.seed);
        const answers = plan.answer(rr, v.company, offered);
        const { qnotes: _notes, ...partial } = answers;
        await responses.load(token);
        if (v.roll < plan.rate) {
          if (rr.next() < 0.3) await responses.saveDraft(token, partial);
          await responses.submit(token, answers);
          if (rr.next() < 0.05) await responses.submit(token, plan.answer(rr, v.company, offered));
        } else if (rr.next() < 0.5) {
          await responses.saveDraft(token, partial); // opened and left a draft, never sent
        }
      }
      step();
    });
  }

  async function run(o: {
    title: string;
    kind: Campaign['kind'];
    questions: Question[];
    opensOn: string;
    closesOn: string;
    panel: Company[];
    rate: number;
    intro: string;
    wave?: Campaign;
    answer: Answer;
  }) {
    at = noon(addDays(o.opensOn, -7));
    const dates = { title: o.title, opensOn: o.opensOn, closesOn: o.closesOn };
    const draft = o.wave
      ? await surveys.newWave(o.wave.id, dates, actor)
      : await surveys.create({ ...dates, kind: o.kind, intro: { de: o.intro }, reminderDaysBefore: [7, 2], questions: o.questions }, actor);
    if (!o.wave) await surveys.invite(draft.id, { companyIds: o.panel.map((c) => c.id) }, actor);
    at = noon(o.opensOn);
    const opened = await surveys.open(draft.id, actor);
    await runJob(opened.jobId);
    const campaign = await surveys.get(draft.id, true);
    const lastDay = [o.closesOn, today].sort()[0]!;
    // Answers up to a week before the end, then the reminder job, then the last week.
    const reminderDay = addDays(o.closesOn, -7);
    const cut = reminderDay < lastDay ? reminderDay : lastDay;
    const [early, late] = [o.panel.filter((_, i) => i % 4 !== 3), o.panel.filter((_, i) => i % 4 === 3)];
    await answer({ campaign, rate: o.rate, answer: o.answer, from: o.opensOn, until: cut }, cut === lastDay ? o.panel : early);
    if (cut !== lastDay) {
      at = new Date(noon(reminderDay).getTime() - 2 * 3_600_000); // the 09:00 job
      for (const id of (await runSurveyReminders(db, clock)).reminderJobs) await runJob(id);
      await answer({ campaign, rate: o.rate, answer: o.answer, from: reminderDay, until: lastDay }, late);
    }
    if (o.closesOn < today) {
      at = noon(addDays(o.closesOn, 1));
      await runSurveyReminders(db, clock);
    }
    return surveys.get(campaign.id, true);
  }

  const intro = 'Ihre Angaben helfen uns, Menschen ohne Berufsabschluss passgenau für Ihren Bedarf zu qualifizieren. Die Befragung dauert etwa fünf Minuten.';
  // The spring wave of this year (or of last year early in the year), then the autumn wave made from it.
  const springYear = today >= `${year}-05-15` ? year : year - 1;
  const spring = await run({
    title: `Fachkräftebedarf Frühjahr ${springYear}`,
    kind: 'qualificationNeeds',
    questions: NEEDS_QUESTIONS,
    opensOn: `${springYear}-03-02`,
    closesOn: `${springYear}-04-17`,
    panel: companies,
    rate: 0.6,
    intro,
    answer: (rr, c, offered) => needsAnswers(rr, c, offered, 1),
  });
  // Autumn wave: open since 25 days, closing in 16, so the reminders are still ahead.
  await run({
    title: `Fachkräftebedarf Herbst ${year}`,
    kind: 'qualificationNeeds',
    questions: NEEDS_QUESTIONS,
    opensOn: addDays(today, -25),
    closesOn: addDays(today, 16),
    panel: companies,
    rate: 0.38,
    intro,
    wave: spring,
    answer: (rr, c, offered) => needsAnswers(rr, c, offered, 1.25),
  });
  const migrantYear = springYear - 1;
  await run({
    title: `Beschäftigung von Menschen mit Migrationsgeschichte ${migrantYear}`,
    kind: 'migrantEmployment',
    questions: MIGRANT_QUESTIONS,
    opensOn: `${migrantYear}-09-15`,
    closesOn: `${migrantYear}-10-31`,
    panel: companies.filter((c) => c.wzSection !== 'M' && c.wzSection !== 'J').slice(0, 160),
    rate: 0.55,
    intro: 'Wir möchten verstehen, was Betrieben in der Region hilft, Menschen mit Migrationsgeschichte einzustellen und zu halten.',
    answer: (rr, c, offered) => migrantAnswers(rr, c, offered),
  });
}
