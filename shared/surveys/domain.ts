// Surveys for staff: campaigns, their invitations, results and comparisons in one service; the reminder job's daily run.
import type { Actor } from '../audit/entry.ts';
import type { Db } from '../table/port.ts';
import { addDays, berlinDate, systemClock, type Clock } from '../time.ts';
import { campaignService } from './campaigns.ts';
import { invitationService } from './invitations.ts';
import { startReminders } from './jobs.ts';
import { writeSet } from '../table/write-set.ts';
import { surveyRepository } from './repository.ts';
import { resultService } from './results.ts';
import type { ComparisonQuery, InvitationListQuery, InviteInput, ResultsQuery, WaveInput } from './schema.ts';

export const SYSTEM_ACTOR: Actor = { id: 'system', email: '', roles: [] };

export function surveysService(db: Db, clock: Clock = systemClock) {
  const campaigns = campaignService(db, clock);
  const invitations = invitationService(db, clock);
  const results = resultService(db);
  const repo = surveyRepository(db);

  return {
    list: (...a: Parameters<typeof campaigns.list>) => campaigns.list(...a),
    get: (...a: Parameters<typeof campaigns.get>) => campaigns.get(...a),
    create: (...a: Parameters<typeof campaigns.create>) => campaigns.create(...a),
    update: (...a: Parameters<typeof campaigns.update>) => campaigns.update(...a),
    remove: (...a: Parameters<typeof campaigns.remove>) => campaigns.remove(...a),
    close: (...a: Parameters<typeof campaigns.close>) => campaigns.close(...a),

    /** Opens the campaign; the invitations waiting for it go out as a job (its id comes with the campaign). */
    open: (id: string, actor: Actor) => campaigns.open(id, actor),

    /** A new wave: the questions and the invited panel of campaign `id`, as a draft. */
    async newWave(id: string, input: WaveInput, actor: Actor) {
      const wave = await campaigns.newWave(id, input, actor);
      const panel = await repo.allInvitations(id);
      if (panel.length) await invitations.invite(wave, { companyIds: panel.map((i) => i.companyId) }, actor);
      return campaigns.get(wave.id, true);
    },

    async invitations(id: string, q: InvitationListQuery) {
      await campaigns.get(id);
      return invitations.list(id, q);
    },
    async invite(id: string, input: InviteInput, actor: Actor) {
      return invitations.invite(await campaigns.get(id, true), input, actor);
    },
    async removeInvitation(id: string, companyId: string, actor: Actor) {
      return invitations.remove(await campaigns.get(id, true), companyId, actor);
    },
    async remindNow(id: string, companyIds: string[] | undefined, actor: Actor) {
      return invitations.remind(await campaigns.get(id, true), companyIds, actor);
    },
    invitationsOfCompany: invitations.ofCompany,

    async results(id: string, filter: ResultsQuery) {
      return results.results(await campaigns.get(id), filter);
    },
    async responses(id: string, cursor: string | undefined, limit: number) {
      await campaigns.get(id);
      return results.responses(id, cursor, limit);
    },
    async compare(id: string, q: ComparisonQuery) {
      const [a, b] = await Promise.all([campaigns.get(id), campaigns.get(q.with)]);
      return results.compare(a, b, q.question);
    },
  };
}

/**
 * The daily survey job: starts the reminders to non-responders of open campaigns on the configured days before
 * closing (a reminder job per campaign; nobody is reminded twice a day, so a re-run mails nothing again) and closes
 * campaigns whose last day has passed.
 */
export async function runSurveyReminders(db: Db, clock: Clock = systemClock) {
  const campaigns = campaignService(db, clock);
  const repo = surveyRepository(db);
  const today = berlinDate(clock());
  const jobs: string[] = [];
  let closed = 0;
  for (const campaign of await repo.inStatus('open')) {
    if (campaign.closesOn < today) {
      await campaigns.close(campaign.id, SYSTEM_ACTOR);
      closed++;
      continue;
    }
    if (campaign.opensOn > today) continue;
    if (campaign.reminderDaysBefore.some((days) => addDays(campaign.closesOn, -days) === today)) {
      const now = clock();
      const change = writeSet(db).audit(SYSTEM_ACTOR, 'update', 'campaign-reminders', campaign.id, ['companies:all'], now);
      jobs.push(startReminders(db, campaign, change, SYSTEM_ACTOR, now, { notRemindedOn: today }).id);
      await change.commit();
    }
  }
  return { reminderJobs: jobs, closed };
}
