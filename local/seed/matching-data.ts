// Demo matching: needs recorded by hand after company visits, and proposals in every state, played through the real
// services with a scripted clock over the last five months (so the placements show in the demo's monthly reports).
// Needs from the survey waves come from the surveys data set itself: each answer states them as it is submitted.
import type { Actor } from '#shared/audit/entry.ts';
import { caseItem } from '#shared/cases/repository.ts';
import type { CaseRecord } from '#shared/cases/schema.ts';
import { companyRepository } from '#shared/companies/repository.ts';
import { mapLimit } from '#shared/concurrency.ts';
import { matchingService } from '#shared/matching/domain.ts';
import type { MatchState } from '#shared/matching/schema.ts';
import { needsService } from '#shared/needs/domain.ts';
import { surveyNeedWrites } from '#shared/needs/from-survey.ts';
import { needRepository } from '#shared/needs/repository.ts';
import { SHIPPED_OCCUPATIONS } from '#shared/occupations/catalogue.ts';
import { occupationId } from '#shared/occupations/domain.ts';
import { surveyRepository } from '#shared/surveys/repository.ts';
import { queryAll, stripKeys, type Db } from '#shared/table/access.ts';
import { patterns } from '#shared/table/patterns.ts';
import { writeSet } from '#shared/table/write-set.ts';
import { berlinDate } from '#shared/time.ts';
import { TIMEFRAMES } from '#shared/surveys/questions.ts';
import { random } from './random.ts';

const day = 86_400_000;
/** The attribute that puts a case into the candidate index (X1). */
const candidateKey = patterns.candidatesInGroup.slotAttributes[0]!;
const MANUAL_NEEDS = 24;
/** Where the proposals end up: every state, the later ones fewer. */
const OUTCOMES: MatchState[] = [
  ...Array<MatchState>(10).fill('proposed'),
  ...Array<MatchState>(8).fill('contacted'),
  ...Array<MatchState>(8).fill('trial'),
  ...Array<MatchState>(9).fill('hired'),
  ...Array<MatchState>(7).fill('declined'),
];
export const DEMO_MATCHING_STEPS = 2 + MANUAL_NEEDS + OUTCOMES.length;

/**
 * A table seeded before matching existed has cases without candidate keys and survey answers without needs:
 * both are written once, from what is stored. On fresh data there is nothing to do.
 */
async function backfill(db: Db, now: Date) {
  const cases = (await queryAll(db, patterns.casesByUpdate.of())).filter((i) => !i[candidateKey]).map((i) => stripKeys<CaseRecord>(i));
  await mapLimit(
    cases.filter((c) => candidateKey in caseItem(c)),
    8,
    (c) => writeSet(db).replace(caseItem(c), c.version).commit(),
  );
  if ((await needRepository(db).list({ status: 'open', limit: 1 })).items.length) return;
  const surveys = surveyRepository(db);
  const campaigns = (await queryAll(db, patterns.campaignsByDate.of())).map((i) => stripKeys<{ id: string }>(i));
  for (const { id } of campaigns.reverse()) {
    const campaign = (await surveys.campaign(id))!;
    for (const inv of (await surveys.allInvitations(id)).filter((i) => i.answers)) {
      const writes = surveyNeedWrites(campaign, inv, undefined, inv.answers!, new Date(inv.submittedAt ?? now.toISOString()));
      if (writes.length) await writeSet(db).addAll(writes).commit();
    }
  }
}

export async function seedMatching(db: Db, counsellor: Actor, now: Date, step: () => void): Promise<void> {
  await backfill(db, now);
  step();
  const r = random(20_261_127);
  let at = now;
  const needs = needsService(db, () => at);
  const companies = (await companyRepository(db).listAll({})).sort((a, b) => a.id.localeCompare(b.id));
  const popular = [
    ...new Set(
      SHIPPED_OCCUPATIONS.filter((o) => ['logistics', 'hospitality', 'care', 'retail', 'metal'].includes(o.sector)).map((o) => occupationId(o.code, o.title)),
    ),
  ];
  // Needs noted after company visits over the last four months: many would be a learning venue for a low-skilled person.
  for (let i = 0; i < MANUAL_NEEDS; i++) {
    at = new Date(now.getTime() - r.int(5, 120) * day);
    await needs.create(
      {
        companyId: r.pick(companies).id,
        occupationId: r.pick(popular),
        headcount: r.int(1, 3),
        timeframe: r.pick(TIMEFRAMES),
        conditions: {
          partTime: r.next() < 0.4,
          lowSkilled: r.next() < 0.6,
          migrant: r.next() < 0.7,
          ...(r.next() < 0.4 ? { germanLevel: r.pick(['A2', 'B1', 'B2'] as const) } : {}),
        },
        note: r.pick([
          'Betriebsbesuch, Gespräch mit der Geschäftsführung',
          'Telefonat mit der Personalabteilung',
          'auf dem Netzwerktreffen genannt',
          'Anfrage des Betriebs per E-Mail',
        ]),
      },
      counsellor,
    );
    step();
  }
  step();

  // Proposals: matchable cases, each proposed for its best open need as of a day in the last five months.
  const candidates = (await queryAll(db, patterns.casesByUpdate.of()))
    .filter((i) => i[candidateKey])
    .map((i) => String(i.id))
    .sort();
  const chosen = r.some(candidates, OUTCOMES.length);
  for (const [i, caseId] of chosen.entries()) {
    const outcome = OUTCOMES[i]!;
    let t = now.getTime() - r.int(outcome === 'proposed' ? 3 : 40, outcome === 'proposed' ? 30 : 150) * day;
    at = new Date(t);
    const matching = matchingService(db, () => at);
    const today = berlinDate(at);
    const best = (await matching.suggestions(caseId, counsellor)).items.find((s) => s.need.statedOn <= today && !s.match);
    if (best) {
      let m = await matching.propose(caseId, { needId: best.need.id }, counsellor);
      const path: MatchState[] = {
        proposed: [],
        contacted: ['contacted'],
        trial: ['contacted', 'trial'],
        hired: ['contacted', ...(r.next() < 0.7 ? ['trial' as const] : []), 'hired'],
        declined: ['contacted', 'declined'],
        withdrawn: [],
      }[outcome] as MatchState[];
      for (const to of path) {
        t = Math.min(now.getTime() - day / 2, t + r.int(3, 20) * day);
        at = new Date(t);
        m = await matching.move(
          caseId,
          best.need.id,
          {
            to,
            on: berlinDate(at),
            version: m.version,
            ...(to === 'trial' ? { trialKind: r.next() < 0.5 ? ('learning_venue' as const) : ('trial' as const) } : {}),
            ...(to === 'declined'
              ? {
                  declinedBy: r.pick(['company', 'participant', 'counsellor'] as const),
                  note: r.pick([
                    'Betrieb hat sich für eine andere Person entschieden',
                    'Arbeitszeiten passen nicht zur Kinderbetreuung',
                    'Anfahrt ohne Auto nicht machbar',
                  ]),
                }
              : {}),
          },
          counsellor,
        );
      }
    }
    step();
  }
}
