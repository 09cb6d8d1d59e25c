// The hosted form's side: open a link, save a draft, submit. A submission is one read (BatchGet) and one TransactWrite.
import { Conflict, NotFound, Invalid, StaleVersion } from '../errors.ts';
import type { Db } from '../table/port.ts';
import { writeSet, type WriteSet } from '../table/write-set.ts';
import type { Clock } from '../time.ts';
import { acceptsAnswers } from './campaigns.ts';
import { surveyNeedWrites } from '../needs/from-survey.ts';
import { answersSchema, type Answers, type OccupationRow } from './questions.ts';
import { campaignCounts, invitationChange, needItem, needRecordKey, surveyRepository, type InvitationRecord } from './repository.ts';
import type { Campaign, SurveyForm } from './schema.ts';
import { parseToken, secretMatches } from './token.ts';

/** Links of a campaign closed longer than this are treated like unknown ones. */
const LINK_LIFETIME_DAYS = 180;
const MAX_ATTEMPTS = 12;

/** The one answer for every bad link (unknown, expired, another campaign's): no hint which it was. */
const closedMeanwhile = () => new Conflict('Die Befragung ist beendet. Ihre Antworten können nicht mehr geändert werden.', 'survey_closed');

export const badLink = () =>
  new NotFound('Dieser Link ist nicht gültig. Bitte verwenden Sie den Link aus Ihrer Einladung oder wenden Sie sich an das Projektteam.');

type Resolved = { campaign: Campaign; invitation: InvitationRecord };

export function responseService(db: Db, clock: Clock) {
  const repo = surveyRepository(db);

  async function resolve(token: string | undefined): Promise<Resolved> {
    const parsed = parseToken(token);
    if (!parsed) throw badLink();
    const { campaign, invitation } = await repo.campaignWithInvitation(parsed.campaignId, parsed.companyId);
    if (!campaign || !invitation || invitation.campaignId !== campaign.id || !secretMatches(parsed.secret, invitation.tokenHashes)) throw badLink();
    if (campaign.status === 'draft') throw badLink();
    const closedAt = Date.parse(campaign.closedAt ?? `${campaign.closesOn}T23:59:59+01:00`);
    if (clock().getTime() - closedAt > LINK_LIFETIME_DAYS * 86_400_000) throw badLink();
    return { campaign, invitation };
  }

  function requireOpen(campaign: Campaign) {
    const accepting = acceptsAnswers(campaign, clock());
    if (accepting === 'closed') throw new Conflict('Die Befragung ist beendet. Ihre Antworten können nicht mehr geändert werden.', 'survey_closed');
    if (accepting === 'notYet') throw new Conflict(`Die Befragung beginnt am ${campaign.opensOn.split('-').reverse().join('.')}.`, 'survey_not_open');
  }

  function validate(campaign: Campaign, answers: Record<string, unknown>, mode: 'draft' | 'submit'): Answers {
    const parsed = answersSchema(
      campaign.questions,
      campaign.occupations.map((o) => o.code),
      mode,
    ).safeParse(answers);
    if (!parsed.success) {
      throw new Invalid(
        parsed.error.issues.map((i) => ({
          path: ['answers', ...(i.code === 'unrecognized_keys' ? [i.keys.join(',')] : i.path)].join('.'),
          message: i.message,
        })),
        mode === 'submit' ? 'Bitte prüfen Sie die markierten Antworten.' : 'Der Entwurf enthält ungültige Antworten.',
      );
    }
    return parsed.data as Answers;
  }

  /** Runs a read-then-write step again when another write got in between (same company twice at once). */
  async function withRetry<T>(token: string | undefined, step: (r: Resolved) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const resolved = await resolve(token);
      try {
        return await step(resolved);
      } catch (error) {
        // The invitation changed meanwhile (its revision guard): read again and retry.
        if (!(error instanceof StaleVersion) || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  }

  /** The invitation as of its revision and the campaign's counters, only while it is open: a late write fails as a whole. */
  const answerChange = (
    inv: InvitationRecord,
    set: Record<string, unknown>,
    c: Campaign,
    deltas: { opened?: number; submitted?: number },
    now: string,
    remove: string[] = [],
  ): WriteSet =>
    writeSet(db)
      .add(invitationChange(inv, set, remove), () => new StaleVersion())
      .add(campaignCounts(c.id, deltas, { set: { lastResponseAt: now }, whileOpen: true }), () => closedMeanwhile());

  const firstOpen = (inv: InvitationRecord) => inv.state === 'sent' || inv.state === 'created';

  return {
    /** Opens the form: the campaign, its questions and this company's answers. The first visit marks the invitation opened. */
    async load(token: string | undefined): Promise<SurveyForm> {
      const { campaign, invitation } = await resolve(token);
      const accepting = acceptsAnswers(campaign, clock());
      let inv = invitation;
      if (firstOpen(inv) && accepting === 'open') {
        const now = clock().toISOString();
        try {
          await answerChange(inv, { state: 'opened', openedAt: now }, campaign, { opened: 1 }, now).commit();
          inv = { ...inv, state: 'opened', openedAt: now, rev: inv.rev + 1 };
        } catch (error) {
          if (!(error instanceof Conflict)) throw error; // a parallel visit marked it already, or it closed: show it as it is
        }
      }
      return formView(campaign, inv, accepting);
    },

    async saveDraft(token: string | undefined, answers: Record<string, unknown>): Promise<SurveyForm> {
      return withRetry(token, async ({ campaign, invitation: inv }) => {
        requireOpen(campaign);
        const draft = validate(campaign, answers, 'draft');
        const now = clock().toISOString();
        const state = inv.state === 'submitted' ? 'submitted' : 'draft';
        await answerChange(
          inv,
          { draft, draftSavedAt: now, state, ...(inv.openedAt ? {} : { openedAt: now }) },
          campaign,
          { opened: firstOpen(inv) ? 1 : 0 },
          now,
        ).commit();
        return formView(campaign, { ...inv, draft, draftSavedAt: now, state, rev: inv.rev + 1 }, 'open');
      });
    },

    /** Stores the answers, their need records and the report event in one transaction; a second submission makes version 2. */
    async submit(token: string | undefined, answers: Record<string, unknown>): Promise<SurveyForm> {
      return withRetry(token, async ({ campaign, invitation: inv }) => {
        requireOpen(campaign);
        const valid = validate(campaign, answers, 'submit');
        const at = clock();
        const now = at.toISOString();
        const first = inv.state !== 'submitted';
        const needs = needRecords(campaign, inv, valid, now);
        const newKeys = new Set(needs.map((n) => n.sk));
        const stale = inv.answers ? needRecords(campaign, inv, inv.answers, now).filter((n) => !newKeys.has(n.sk)) : [];
        const change = answerChange(
          inv,
          { answers: valid, state: 'submitted', submittedAt: now, version: inv.version + 1, ...(inv.openedAt ? {} : { openedAt: now }) },
          campaign,
          { opened: firstOpen(inv) ? 1 : 0, submitted: first ? 1 : 0 },
          now,
          ['draft'],
        ).event({
          type: 'survey.response',
          at,
          data: { campaignId: campaign.id, kind: campaign.kind, wzSection: inv.wzSection, district: inv.district, sizeClass: inv.sizeClass, first },
        });
        for (const n of needs) change.put(n);
        for (const n of stale) change.remove(needRecordKey(n));
        await change.addAll(surveyNeedWrites(campaign, inv, inv.answers, valid, at)).commit();
        const { draft: _draft, ...rest } = inv;
        return formView(campaign, { ...rest, answers: valid, state: 'submitted', submittedAt: now, version: inv.version + 1, rev: inv.rev + 1 }, 'open');
      });
    },
  };
}

/** Occupation-and-headcount answers become need records (company, occupation, headcount, timeframe, conditions). */
export function needRecords(campaign: Campaign, inv: InvitationRecord, answers: Answers, submittedAt: string) {
  const titles = new Map(campaign.occupations.map((o) => [o.code, o.title]));
  return campaign.questions
    .filter((q) => q.type === 'occupations')
    .flatMap((q) =>
      ((answers[q.id] as OccupationRow[] | undefined) ?? []).map((row, i) =>
        needItem({
          ...row,
          campaignId: campaign.id,
          campaignTitle: campaign.title,
          campaignClosesOn: campaign.closesOn,
          questionId: q.id,
          row: i,
          companyId: inv.companyId,
          companyName: inv.companyName,
          wzSection: inv.wzSection,
          district: inv.district,
          sizeClass: inv.sizeClass,
          occupationTitle: titles.get(row.occupation) ?? row.occupation,
          submittedAt,
        }),
      ),
    );
}

function formView(campaign: Campaign, inv: InvitationRecord, accepting: SurveyForm['accepting']): SurveyForm {
  const isDraft = Boolean(inv.draft) && accepting === 'open';
  return {
    campaign: {
      title: campaign.title,
      kind: campaign.kind,
      ...(campaign.intro ? { intro: campaign.intro } : {}),
      opensOn: campaign.opensOn,
      closesOn: campaign.closesOn,
      questions: campaign.questions,
      occupations: campaign.occupations,
    },
    company: { name: inv.companyName },
    accepting,
    state: inv.state,
    answers: (isDraft ? inv.draft : inv.answers) ?? {},
    isDraft,
    version: inv.version,
    ...(inv.submittedAt ? { submittedAt: inv.submittedAt } : {}),
    ...(inv.draftSavedAt ? { draftSavedAt: inv.draftSavedAt } : {}),
  };
}
