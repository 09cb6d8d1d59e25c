// The monthly report's figures: from the month's event items (one paginated Query on the month partition), the
// current counters and settings, and a few bounded reads of present state (open campaigns, next meetings, open
// action items, the previous report). Nothing here reads history, so the cost stays flat as months accumulate.
import { GENDERS, MIGRATION, CASE_STATUSES } from '../cases/schema.ts';
import { AGE_GROUPS } from '../cases/facts.ts';
import { OCCUPATION_TITLES, SHIPPED_OCCUPATIONS } from '../occupations/catalogue.ts';
import { meetingRepository } from '../meetings/repository.ts';
import { settingsService } from '../settings/domain.ts';
import { surveyRepository } from '../surveys/repository.ts';
import { resultService } from '../surveys/results.ts';
import { feedRepository } from '../feed/repository.ts';
import type { Db, Item } from '../table/port.ts';
import { reportRepository } from './repository.ts';
import { addDays, berlinDate, berlinWall } from '../time.ts';
import { suppressBreakdown, suppressNested } from './suppression.ts';
import { ACTIVITY_KINDS } from '../relations/schema.ts';
import {
  AGE_LABELS,
  CONTACT_LABELS,
  DECISION_LABELS,
  GENDER_LABELS,
  MIGRATION_LABELS,
  PATH_LABELS,
  SECTOR_LABELS,
  type Figures,
  type Headline,
} from './model.ts';

const QUALIFICATION_PATHS = Object.keys(PATH_LABELS);
const DECISIONS = Object.keys(DECISION_LABELS);

const OCCUPATION_SECTORS = new Map<string, string>(SHIPPED_OCCUPATIONS.map((o) => [o.code, o.sector]));

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** First and last Berlin day of a month. */
export function monthDays(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return [`${month}-01`, addDays(next, -1)];
}

const tally = (events: Item[], field: string, categories: readonly string[], map: (v: string) => string = (v) => v) => {
  const out: Record<string, number> = Object.fromEntries(categories.map((c) => [c, 0]));
  for (const e of events) {
    const value = e[field];
    const key = map(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
    if (key in out) out[key]! += 1;
  }
  return out;
};

/** Reads what the report needs and computes every figure; the previous report gives the change per headline. */
export async function buildFigures(db: Db, month: string, now: Date): Promise<Figures> {
  const [from, to] = monthDays(month);
  const feed = feedRepository(db);
  const events = await feed.eventsOfMonth(month);
  const meetings = meetingRepository(db);
  const surveys = surveyRepository(db);
  const [counters, settings, previous, open, held, upcoming, actions, latestNeeds] = await Promise.all([
    feed.counters(),
    settingsService(db).get(),
    reportRepository(db).get(previousMonth(month)),
    surveys.inStatus('open'),
    meetings.allBetween(from, to),
    meetings.list({ from: berlinDate(now), limit: 5 }),
    meetings.actions({ status: 'open', limit: 20 }),
    surveys.list({ kind: 'qualificationNeeds', limit: 1 }),
  ]);
  const of = (type: string) => events.filter((e) => e.type === type);
  /** Contacts recorded and deleted within this month: they were never contacts. */
  const removedContacts = of('company.contact.removed').filter((e) => e.recordedIn === month);
  const n = (name: string) => Number(counters?.[name] ?? 0);
  const previousHeadlines = new Map((previous?.figures?.headlines ?? []).map((h) => [h.id, h.value]));
  const headline = (id: string, label: string, value: number): Headline => ({ id, label, value, previous: previousHeadlines.get(id) ?? null });

  const opened = of('case.opened');
  const qualified = of('case.qualified');
  const placed = of('match.hired');
  const recognitionDecided = of('recognition.decided');
  const year = month.slice(0, 4);
  const yearToDate = Object.entries(counters ?? {})
    .filter(([k]) => k.startsWith(`qualified_${year}-`) && k.slice('qualified_'.length) <= month)
    .reduce((s, [, v]) => s + Number(v), 0);

  const breakdownsOf = (population: Item[], id: string, ofLabel: string) => {
    // Sector and occupation split the population at two depths (each occupation lies in one sector): suppressed together.
    const occupationOf = (code: string) => (OCCUPATION_TITLES.has(code) ? code : 'none');
    const sectorOf = (occupation: string) => OCCUPATION_SECTORS.get(occupation) ?? 'none';
    const nested = suppressNested(
      tally(population, 'occupation', Object.keys(SECTOR_LABELS), sectorOf),
      tally(population, 'occupation', [...OCCUPATION_TITLES.keys(), 'none'], occupationOf),
      sectorOf,
    );
    return [
      { id: `${id}.gender`, label: 'nach Geschlecht', of: ofLabel, breakdown: suppressBreakdown(tally(population, 'gender', GENDERS)), labels: GENDER_LABELS },
      {
        id: `${id}.migration`,
        label: 'nach Migrationsgeschichte',
        of: ofLabel,
        breakdown: suppressBreakdown(tally(population, 'migrationBackground', MIGRATION)),
        labels: MIGRATION_LABELS,
      },
      { id: `${id}.age`, label: 'nach Altersgruppe', of: ofLabel, breakdown: suppressBreakdown(tally(population, 'ageGroup', AGE_GROUPS)), labels: AGE_LABELS },
      { id: `${id}.sector`, label: 'nach Berufsbereich', of: ofLabel, breakdown: nested.parents, labels: SECTOR_LABELS },
      {
        id: `${id}.occupation`,
        label: 'nach Zielberuf',
        of: ofLabel,
        breakdown: nested.children,
        labels: { ...Object.fromEntries(OCCUPATION_TITLES), none: 'ohne Zielberuf' },
      },
    ];
  };

  const needsCampaign = latestNeeds.items[0];
  const needs = needsCampaign ? await resultService(db).results(needsCampaign, {}) : undefined;
  const demand = needs?.questions.flatMap((q) => (q.type === 'occupations' ? q.demand : [])) ?? [];

  const figures: Figures = {
    month,
    generatedAt: now.toISOString(),
    events: events.length,
    headlines: [
      headline('inquiries', 'Neue Anfragen', opened.length),
      headline('firstTalks', 'Erstgespräche', of('session.first_talk').length),
      headline('sessions', 'Beratungstermine', of('session.held').length),
      headline('plans', 'Qualifizierungspläne vereinbart', of('plan.agreed').length),
      headline('modulesStarted', 'Module begonnen', of('module.added').length),
      headline('modulesCompleted', 'Module abgeschlossen', of('module.completed').length),
      headline('examsRegistered', 'Prüfungsanmeldungen', of('exam.registered').length),
      headline('examsPassed', 'Prüfungen bestanden', of('exam.passed').length),
      headline('examsFailed', 'Prüfungen nicht bestanden', of('exam.failed').length),
      headline('qualified', 'Berufsabschlüsse', qualified.length),
      headline('recognitionApplied', 'Anerkennungsanträge (ausländische Abschlüsse)', of('recognition.applied').length),
      headline('recognitionDecided', 'Anerkennungsbescheide', recognitionDecided.length),
      headline('employed', 'Arbeitsaufnahmen', of('case.employed').length),
      headline('proposals', 'Vermittlungsvorschläge an Betriebe', of('match.proposed').length),
      headline('placements', 'Vermittlungen in Betriebe (eingestellt)', placed.length),
      headline('dropped', 'Abbrüche', of('case.dropped').length),
      headline('surveyResponses', 'Antworten aus Betriebsbefragungen', of('survey.response').filter((e) => e.first === true).length),
    ],
    statusNow: Object.fromEntries(CASE_STATUSES.map((s) => [s, n(`status_${s}`)])),
    qualifications: { month: qualified.length, yearToDate, sinceStart: n('qualified'), target: settings.targetQualified },
    breakdowns: [
      ...breakdownsOf(opened, 'inquiries', 'Neue Anfragen'),
      ...breakdownsOf(qualified, 'qualified', 'Berufsabschlüsse'),
      {
        id: 'qualified.path',
        label: 'nach Weg zum Abschluss',
        of: 'Berufsabschlüsse',
        // Events before the recognition path carry no path: they were all reached by the external exam.
        breakdown: suppressBreakdown(tally(qualified, 'path', QUALIFICATION_PATHS, (v) => v || 'exam')),
        labels: PATH_LABELS,
      },
      {
        id: 'recognition.decision',
        label: 'nach Ergebnis',
        of: 'Anerkennungsbescheide',
        breakdown: suppressBreakdown(tally(recognitionDecided, 'decision', DECISIONS)),
        labels: DECISION_LABELS,
      },
      ...breakdownsOf(placed, 'placements', 'Vermittlungen'),
    ],
    surveys: {
      open: open.map((c) => ({
        id: c.id,
        title: c.title,
        closesOn: c.closesOn,
        invited: c.counts.invited,
        submitted: c.counts.submitted,
        rate: c.counts.invited ? Math.round((c.counts.submitted / c.counts.invited) * 1000) / 1000 : 0,
      })),
      responsesThisMonth: of('survey.response').filter((e) => e.first === true).length,
      neededOccupations: {
        source: needsCampaign?.title ?? null,
        rows: demand.slice(0, 8).map((d) => ({ title: d.title, headcount: d.headcount, companies: d.companies })),
      },
    },
    companies: {
      contacts: of('company.contact').length - removedContacts.length,
      byKind: ACTIVITY_KINDS.map((kind) => ({
        kind,
        label: CONTACT_LABELS[kind]!,
        count: of('company.contact').filter((e) => e.kind === kind).length - removedContacts.filter((e) => e.kind === kind).length,
      })),
      newAgreements: of('agreement.created').length,
      newPlaces: of('agreement.created').reduce((sum, e) => sum + Number(e.places ?? 0), 0),
    },
    network: {
      newMembers: of('member.joined').length,
      subscribed: of('member.subscribed').length,
      unsubscribed: of('member.unsubscribed').length,
      meetingsHeld: held
        .filter((m) => !m.cancelledAt)
        .map((m) => ({
          title: m.title,
          startsAt: m.startsAt,
          present: m.invitees.filter((i) => i.attendance === 'present').length,
          invited: m.invitees.length,
        })),
      nextMeetings: upcoming.items
        .filter((m) => !m.cancelledAt && m.startsAt >= berlinWall(now))
        .map((m) => ({ title: m.title, startsAt: m.startsAt, place: m.place ?? m.onlineUrl ?? null })),
      openActions: actions.items.map((a) => ({ title: a.title, ownerName: a.ownerName, dueOn: a.dueOn, meetingTitle: a.meetingTitle })),
    },
  };
  return figures;
}
