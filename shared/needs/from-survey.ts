// A survey answer states needs: one per company and occupation, restated (and reopened) by a later answer that
// changes it, withdrawn when the company takes the occupation out of its answer.
import type { Campaign } from '../surveys/schema.ts';
import { TIMEFRAMES, type Answers, type OccupationRow } from '../surveys/questions.ts';
import type { Update } from '../table/port.ts';
import type { District } from '../regions.ts';
import { berlinDate } from '../time.ts';
import { statedNeed } from './repository.ts';

type Merged = Pick<OccupationRow, 'occupation' | 'headcount' | 'timeframe' | 'lowSkilled' | 'migrant'>;
type Company = { companyId: string; companyName: string; wzSection: string; district: string };

export const surveyNeedId = (companyId: string, occupation: string) => `${companyId}-${occupation}`;

/** Rows of every occupation question, one per occupation: headcounts added, the soonest timeframe, conditions joined. */
export function mergedRows(campaign: Pick<Campaign, 'questions'>, answers: Answers | undefined): Map<string, Merged> {
  const merged = new Map<string, Merged>();
  for (const q of campaign.questions.filter((x) => x.type === 'occupations')) {
    for (const row of (answers?.[q.id] as OccupationRow[] | undefined) ?? []) {
      const seen = merged.get(row.occupation);
      merged.set(
        row.occupation,
        seen
          ? {
              occupation: row.occupation,
              headcount: seen.headcount + row.headcount,
              timeframe: TIMEFRAMES.indexOf(row.timeframe) < TIMEFRAMES.indexOf(seen.timeframe) ? row.timeframe : seen.timeframe,
              lowSkilled: seen.lowSkilled || row.lowSkilled,
              migrant: seen.migrant || row.migrant,
            }
          : { occupation: row.occupation, headcount: row.headcount, timeframe: row.timeframe, lowSkilled: row.lowSkilled, migrant: row.migrant },
      );
    }
  }
  return merged;
}

const same = (a: Merged, b: Merged) => a.headcount === b.headcount && a.timeframe === b.timeframe && a.lowSkilled === b.lowSkilled && a.migrant === b.migrant;

/** The need writes of one submission: new or changed occupations are stated, dropped ones withdrawn, unchanged ones left alone. */
export function surveyNeedWrites(campaign: Campaign, company: Company, before: Answers | undefined, after: Answers, at: Date): Update[] {
  const old = mergedRows(campaign, before);
  const now = mergedRows(campaign, after);
  const titles = new Map(campaign.occupations.map((o) => [o.code, o.title]));
  const iso = at.toISOString();
  const statedOn = berlinDate(at);
  const writes: Update[] = [];
  const write = (row: Merged, status: 'open' | 'withdrawn') =>
    statedNeed({
      id: surveyNeedId(company.companyId, row.occupation),
      source: 'survey',
      campaignId: campaign.id,
      campaignTitle: campaign.title,
      companyId: company.companyId,
      companyName: company.companyName,
      wzSection: company.wzSection,
      district: company.district as District,
      occupation: row.occupation,
      occupationTitle: titles.get(row.occupation) ?? row.occupation,
      headcount: row.headcount,
      timeframe: row.timeframe,
      conditions: { partTime: false, lowSkilled: row.lowSkilled, migrant: row.migrant },
      statedOn,
      status,
      statusSince: iso,
      updatedAt: iso,
    });
  for (const row of now.values()) {
    const prior = old.get(row.occupation);
    if (!prior || !same(prior, row)) writes.push(write(row, 'open'));
  }
  for (const [occupation, row] of old) if (!now.has(occupation)) writes.push(write(row, 'withdrawn'));
  return writes;
}
