// The match score of one person and one need, explained component by component: occupation, reach, timeframe and
// conditions. Pure and deterministic, so the admin shows exactly why a match ranks where it does.
import { CEFR } from '../cases/schema.ts';
import type { District } from '../regions.ts';
import type { NeedConditions } from '../needs/schema.ts';
import type { Timeframe } from '../surveys/questions.ts';
import { addMonths, differenceInCalendarMonths, format, parseISO } from 'date-fns';
import { distance } from './districts.ts';
import { OCCUPATION_POINTS, occupationFit, skillLevel } from './occupation.ts';

export const MATCH_STAGES = ['counselling', 'plan', 'qualification'] as const;
export type MatchStage = (typeof MATCH_STAGES)[number];

/** What the score needs of a person: the target occupation, where they live and can get to, hours, German, stage. */
export type Profile = {
  occupation: string;
  district?: District;
  districtsReachable: District[];
  car: boolean;
  drivingLicence: boolean;
  hoursAvailable?: number;
  germanLevel?: (typeof CEFR)[number];
  migrationBackground: 'yes' | 'no' | 'not_stated';
  stage: MatchStage;
};

/** What the score needs of a need. */
export type NeedTerms = { occupation: string; district: District; timeframe: Timeframe; conditions: NeedConditions; statedOn: string };

export type ComponentKey = 'occupation' | 'reach' | 'timeframe' | 'conditions';
export type Component = { key: ComponentKey; points: number; max: number; reasons: string[] };
export type Score = { total: number; max: number; components: Component[] };

export const MAX_POINTS: Record<ComponentKey, number> = { occupation: 50, reach: 25, timeframe: 15, conditions: 10 };
const LEVELS = ['', 'Helfer', 'Fachkraft', 'Spezialist', 'Experte'];
/** Below this many hours a week, a full-time job needs part time to be possible. */
export const FULL_TIME_HOURS = 35;

export function occupationComponent(person: string, need: string): Component {
  const fit = occupationFit(person, need);
  const max = MAX_POINTS.occupation;
  const points = OCCUPATION_POINTS[fit];
  if (fit === 'same') return { key: 'occupation', points, max, reasons: [`gleicher Beruf (KldB ${need})`] };
  if (fit === 'group4') {
    // Same subgroup, other skill level: a helper job is within reach now (an entry), a specialist one less so.
    const higher = skillLevel(need) > skillLevel(person);
    const level = `Anforderungsniveau ${LEVELS[skillLevel(need)] ?? skillLevel(need)} statt ${LEVELS[skillLevel(person)] ?? skillLevel(person)}`;
    return { key: 'occupation', points: higher ? points - 5 : points, max, reasons: [`gleiche Berufsuntergruppe ${need.slice(0, 4)}`, level] };
  }
  if (fit === 'group3') return { key: 'occupation', points, max, reasons: [`gleiche Berufsgruppe ${need.slice(0, 3)}`] };
  return { key: 'occupation', points, max, reasons: ['anderer Beruf'] };
}

export function reachComponent(p: Pick<Profile, 'district' | 'districtsReachable' | 'car' | 'drivingLicence'>, where: District): Component {
  const max = MAX_POINTS.reach;
  const mobile = p.car && p.drivingLicence;
  const options: [number, string][] = [[0, 'Arbeitsort nicht erreichbar']];
  if (p.districtsReachable.includes(where)) options.push([20, 'Landkreis als erreichbar angegeben']);
  const steps = p.district ? distance(p.district, where) : undefined;
  if (steps === 0) options.push([25, 'im eigenen Landkreis']);
  if (steps === 1) options.push(mobile ? [15, 'Nachbarkreis, mit eigenem Auto erreichbar'] : [5, 'Nachbarkreis, ohne Auto schwer erreichbar']);
  if (steps === 2 && mobile) options.push([8, 'zwei Kreise entfernt, mit eigenem Auto']);
  if (!p.district && options.length === 1) options.push([0, 'Wohnort nicht erfasst']);
  const [points, reason] = options.reduce((best, o) => (o[0] > best[0] ? o : best));
  return { key: 'reach', points, max, reasons: [reason] };
}

/** The months a need's timeframe spans from the day it was stated. */
const WINDOW: Record<Timeframe, [number, number]> = { now: [0, 3], within6Months: [0, 6], within12Months: [0, 12], later: [6, 24] };
/** When a person in a stage is ready to start work, in months: a learning venue takes them at once. */
const READY_IN: Record<MatchStage, number> = { qualification: 3, plan: 9, counselling: 12 };

export function timeframeComponent(stage: MatchStage, need: Pick<NeedTerms, 'timeframe' | 'statedOn' | 'conditions'>, today: string): Component {
  const max = MAX_POINTS.timeframe;
  const stated = parseISO(need.statedOn);
  const [from, to] = WINDOW[need.timeframe];
  const end = addMonths(stated, to);
  const until = format(end, 'dd.MM.yyyy');
  const elapsed = differenceInCalendarMonths(parseISO(today), stated);
  if (parseISO(today) > end) return { key: 'timeframe', points: 0, max, reasons: [`Zeitraum abgelaufen (bis ${until})`] };
  const ready = need.conditions.lowSkilled ? 0 : READY_IN[stage];
  const start = Math.max(0, from - elapsed);
  const left = to - elapsed;
  const readiness = ready === 0 ? 'kann als Lernort sofort beginnen' : `voraussichtlich in etwa ${ready} Monaten bereit`;
  if (ready >= start && ready <= left) return { key: 'timeframe', points: 15, max, reasons: [`Bedarf bis ${until}`, readiness] };
  if (ready < start) return { key: 'timeframe', points: 10, max, reasons: [`Bedarf erst ab ${format(addMonths(stated, from), 'MM/yyyy')}`, readiness] };
  return { key: 'timeframe', points: ready - left <= 6 ? 8 : 3, max, reasons: [`Bedarf bis ${until}`, readiness] };
}

export function conditionsComponent(p: Pick<Profile, 'hoursAvailable' | 'germanLevel' | 'migrationBackground'>, c: NeedConditions): Component {
  let points = 0;
  const reasons: string[] = [];
  if (p.hoursAvailable !== undefined && p.hoursAvailable < FULL_TIME_HOURS && !c.partTime)
    reasons.push(`nur ${p.hoursAvailable} Std./Woche, Teilzeit nicht möglich`);
  else {
    points += 4;
    if (c.partTime) reasons.push('Teilzeit möglich');
  }
  if (c.germanLevel && CEFR.indexOf(p.germanLevel ?? 'none') < CEFR.indexOf(c.germanLevel))
    reasons.push(`Deutsch ${c.germanLevel} gefordert, vorhanden ${p.germanLevel ?? 'nicht erfasst'}`);
  else {
    points += 3;
    if (c.germanLevel) reasons.push(`Deutsch ${c.germanLevel} gefordert und vorhanden`);
  }
  if (c.lowSkilled) {
    points += 2;
    reasons.push('qualifiziert Geringqualifizierte (Lernort)');
  }
  if (p.migrationBackground !== 'yes' || c.migrant) {
    points += 1;
    if (p.migrationBackground === 'yes') reasons.push('offen für Beschäftigte mit Migrationsgeschichte');
  }
  return { key: 'conditions', points, max: MAX_POINTS.conditions, reasons };
}

export function score(p: Profile, n: NeedTerms, today: string): Score {
  const components = [
    occupationComponent(p.occupation, n.occupation),
    reachComponent(p, n.district),
    timeframeComponent(p.stage, n, today),
    conditionsComponent(p, n.conditions),
  ];
  return { total: components.reduce((s, c) => s + c.points, 0), max: 100, components };
}
