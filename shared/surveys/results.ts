// Results of a campaign: response rates, per-question aggregates (filterable), the responses for export, and wave comparison.
import { Conflict, Invalid } from '../errors.ts';
import type { Page } from '../schema-kit.ts';
import type { Db } from '../table/port.ts';
import { labelIn, TIMEFRAMES, type AnswerValue, type OccupationRow, type Question, type Timeframe } from './questions.ts';
import { surveyRepository, type InvitationRecord } from './repository.ts';
import type { Campaign, ResultsQuery } from './schema.ts';
import type * as z from 'zod/mini';
import type {
  Demand as DemandSchema,
  QuestionResult as QuestionResultSchema,
  Rate as RateSchema,
  ResponseRow as ResponseRowSchema,
  Results as ResultsSchema,
} from './results-schema.ts';

export type Rate = z.infer<typeof RateSchema>;
export type Demand = z.infer<typeof DemandSchema>;
export type QuestionResult = z.infer<typeof QuestionResultSchema>;
export type Results = z.infer<typeof ResultsSchema>;
export type ResponseRow = z.infer<typeof ResponseRowSchema>;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
function median(xs: number[]) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : round((s[mid - 1]! + s[mid]!) / 2);
}

function ratesBy(invitations: InvitationRecord[], dimension: 'wzSection' | 'district' | 'sizeClass'): Rate[] {
  const m = new Map<string, Rate>();
  for (const inv of invitations) {
    const r = m.get(inv[dimension]) ?? { key: inv[dimension], invited: 0, submitted: 0 };
    r.invited++;
    if (inv.state === 'submitted') r.submitted++;
    m.set(r.key, r);
  }
  return [...m.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Ten equal bins between the question's bounds (or the answers' range, when that is narrower). */
function histogram(values: number[], q: Extract<Question, { type: 'number' }>) {
  if (!values.length) return [];
  const lo = Math.max(q.min, Math.min(...values));
  const hi = Math.min(q.max, Math.max(...values));
  const bins = hi === lo ? 1 : Math.min(10, q.integer ? hi - lo + 1 : 10);
  const width = hi === lo ? 1 : (hi - lo) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ from: round(lo + i * width), to: round(i === bins - 1 ? hi : lo + (i + 1) * width), count: 0 }));
  for (const v of values) out[Math.min(bins - 1, Math.floor((v - lo) / width))]!.count++;
  return out;
}

export function demandTable(rows: OccupationRow[][], titles: Map<string, string>): Demand[] {
  const m = new Map<string, Demand & { seen: number }>();
  rows.forEach((companyRows, company) => {
    for (const r of companyRows) {
      const d = m.get(r.occupation) ?? {
        occupation: r.occupation,
        title: titles.get(r.occupation) ?? r.occupation,
        headcount: 0,
        companies: 0,
        lowSkilled: 0,
        migrant: 0,
        byTimeframe: Object.fromEntries(TIMEFRAMES.map((t) => [t, 0])) as Record<Timeframe, number>,
        seen: -1,
      };
      d.headcount += r.headcount;
      if (d.seen !== company) d.companies++;
      d.seen = company;
      if (r.lowSkilled) d.lowSkilled += r.headcount;
      if (r.migrant) d.migrant += r.headcount;
      d.byTimeframe[r.timeframe] += r.headcount;
      m.set(r.occupation, d);
    }
  });
  return [...m.values()].map(({ seen: _s, ...d }) => d).sort((a, b) => b.headcount - a.headcount || a.title.localeCompare(b.title));
}

export function aggregate(campaign: Campaign, q: Question, answers: Record<string, AnswerValue>[]): QuestionResult {
  const given = answers.map((a) => a[q.id]).filter((v) => v !== undefined && v !== '' && !(Array.isArray(v) && !v.length));
  const base = { id: q.id, label: labelIn(q.label, 'de'), answered: given.length };
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const flat = given.flatMap((v) => (Array.isArray(v) ? (v as string[]) : [v as string]));
      return {
        ...base,
        type: q.type,
        counts: q.choices.map((c) => ({ value: c.value, label: labelIn(c.label, 'de'), count: flat.filter((v) => v === c.value).length })),
      };
    }
    case 'scale': {
      const ns = given as number[];
      return {
        ...base,
        type: 'scale',
        counts: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n), count: ns.filter((v) => v === n).length })),
        mean: mean(ns) ?? 0,
      };
    }
    case 'number': {
      const ns = given as number[];
      return { ...base, type: 'number', bins: histogram(ns, q), mean: mean(ns), median: median(ns) };
    }
    case 'text':
      return { ...base, type: 'text', texts: [] };
    case 'occupations':
      return { ...base, type: 'occupations', demand: demandTable(given as OccupationRow[][], new Map(campaign.occupations.map((o) => [o.code, o.title]))) };
  }
}

export function resultService(db: Db) {
  const repo = surveyRepository(db);
  return {
    /** Response rates and per-question aggregates; the filters narrow both to a sector, district or size class. */
    async results(campaign: Campaign, filter: ResultsQuery): Promise<Results> {
      const all = await repo.allInvitations(campaign.id);
      const chosen = all.filter(
        (i) =>
          (!filter.wzSection || i.wzSection === filter.wzSection) &&
          (!filter.district || i.district === filter.district) &&
          (!filter.sizeClass || i.sizeClass === filter.sizeClass),
      );
      const answered = chosen.filter((i) => i.state === 'submitted' && i.answers);
      const answers = answered.map((i) => i.answers!);
      const submitted = answered.length;
      return {
        campaign: {
          id: campaign.id,
          title: campaign.title,
          kind: campaign.kind,
          status: campaign.status,
          opensOn: campaign.opensOn,
          closesOn: campaign.closesOn,
        },
        invited: chosen.length,
        submitted,
        responseRate: chosen.length ? round(submitted / chosen.length, 4) : 0,
        rates: { wzSection: ratesBy(chosen, 'wzSection'), district: ratesBy(chosen, 'district'), sizeClass: ratesBy(chosen, 'sizeClass') },
        questions: campaign.questions.map((q) => {
          const r = aggregate(campaign, q, answers);
          if (r.type !== 'text') return r;
          return {
            ...r,
            texts: answered
              .filter((i) => typeof i.answers![q.id] === 'string' && i.answers![q.id] !== '')
              .map((i) => ({ companyName: i.companyName, text: i.answers![q.id] as string })),
          };
        }),
      };
    },

    /** One page of submitted responses (one row per company), for the exports. */
    async responses(campaignId: string, cursor: string | undefined, limit: number): Promise<Page<ResponseRow>> {
      const page = await repo.invitationRecords(campaignId, { state: 'submitted' }, cursor, limit);
      return {
        items: page.items.map((i) => ({
          companyId: i.companyId,
          companyName: i.companyName,
          wzSection: i.wzSection,
          district: i.district,
          sizeClass: i.sizeClass,
          submittedAt: i.submittedAt,
          version: i.version,
          answers: i.answers ?? {},
        })),
        nextCursor: page.nextCursor,
      };
    },

    /** The same question in two waves of one kind, for the companies that answered both: each company's change and the totals. */
    async compare(a: Campaign, b: Campaign, questionId: string) {
      if (a.id === b.id) throw new Invalid([{ path: 'query.with', message: 'Bitte eine andere Welle wählen' }]);
      if (a.kind !== b.kind) throw new Conflict('Vergleichen lassen sich nur Wellen derselben Art.', 'kinds_differ');
      const [earlier, later] = `${a.opensOn}#${a.id}` <= `${b.opensOn}#${b.id}` ? [a, b] : [b, a];
      const q1 = earlier.questions.find((q) => q.id === questionId);
      const q2 = later.questions.find((q) => q.id === questionId);
      if (!q1 || !q2 || q1.type !== q2.type) throw new Invalid([{ path: 'query.question', message: 'Diese Frage gibt es nicht in beiden Wellen' }]);
      const [before, after] = await Promise.all([repo.allInvitations(earlier.id), repo.allInvitations(later.id)]);
      const earlierAnswers = new Map(before.filter((i) => i.state === 'submitted' && i.answers?.[questionId] !== undefined).map((i) => [i.companyId, i]));
      const both = after.filter((i) => i.state === 'submitted' && i.answers?.[questionId] !== undefined && earlierAnswers.has(i.companyId));
      const rows = both
        .map((i) => {
          const was = earlierAnswers.get(i.companyId)!.answers![questionId]!;
          const now = i.answers![questionId]!;
          return { companyId: i.companyId, companyName: i.companyName, before: was, after: now, change: change(q2, was, now) };
        })
        .sort((x, y) => x.companyName.localeCompare(y.companyName));
      return {
        question: { id: q2.id, type: q2.type, label: labelIn(q2.label, 'de') },
        waves: [earlier, later].map((c) => ({ id: c.id, title: c.title, opensOn: c.opensOn, closesOn: c.closesOn })),
        companies: rows.length,
        before: aggregate(
          earlier,
          q1,
          rows.map((r) => ({ [questionId]: r.before })),
        ),
        after: aggregate(
          later,
          q2,
          rows.map((r) => ({ [questionId]: r.after })),
        ),
        changed: rows.filter((r) => r.change !== 'unverändert' && r.change !== 0).length,
        rows,
      };
    },
  };
}

/** A company's change between two answers: a difference for numbers, a short German description otherwise. */
function change(q: Question, before: AnswerValue, after: AnswerValue): number | string {
  if (q.type === 'number' || q.type === 'scale') return round((after as number) - (before as number));
  if (q.type === 'occupations') {
    const sum = (rows: AnswerValue) => (rows as OccupationRow[]).reduce((s, r) => s + r.headcount, 0);
    return sum(after) - sum(before);
  }
  if (q.type === 'multiple') {
    const b = new Set(before as string[]);
    const a = new Set(after as string[]);
    const added = [...a].filter((v) => !b.has(v));
    const removed = [...b].filter((v) => !a.has(v));
    return added.length || removed.length ? [...added.map((v) => `+${v}`), ...removed.map((v) => `−${v}`)].join(' ') : 'unverändert';
  }
  const show = (v: AnswerValue) => (typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v));
  return before === after ? 'unverändert' : `${show(before)} → ${show(after)}`;
}
