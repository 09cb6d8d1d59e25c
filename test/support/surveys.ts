// Survey test helpers: a campaign opened with invited companies (their links: see outbox.ts).
import { handler as campaigns } from '#functions/campaigns/handler.ts';
import { handler as companies } from '#functions/companies/handler.ts';
import type { CampaignInput } from '#shared/surveys/schema.ts';
import { aCampaign, aCompany } from './builders.ts';
import { call } from './api.ts';
import { jobEnded } from './jobs.ts';

/** Creates `n` companies, a campaign, invites them and opens it: the invitations go out. */
export async function openCampaignWith(n: number, over: Partial<CampaignInput> = {}, companyOver: Parameters<typeof aCompany>[0] = {}) {
  const created = await Promise.all(
    Array.from({ length: n }, () => call(companies, 'POST /api/companies', { body: aCompany(companyOver), as: 'coordinator' })),
  );
  const companyList = created.map((r) => r.body as { id: string; email: string; name: string });
  const { body: campaign } = await call(campaigns, 'POST /api/campaigns', { body: aCampaign(over), as: 'coordinator' });
  const invited = await call(campaigns, 'POST /api/campaigns/{id}/invitations', {
    params: { id: campaign.id },
    body: { companyIds: companyList.map((c) => c.id) },
    as: 'coordinator',
  });
  if (invited.status !== 200) throw new Error(JSON.stringify(invited.body));
  const opened = await call(campaigns, 'POST /api/campaigns/{id}/open', { params: { id: campaign.id }, as: 'coordinator' });
  if (opened.status !== 200) throw new Error(JSON.stringify(opened.body));
  // The invitations go out as a job: wait for its mails, then read the campaign as it is now.
  if (opened.body.jobId) await jobEnded(opened.body.jobId);
  const now = await call(campaigns, 'GET /api/campaigns/{id}', { params: { id: campaign.id }, as: 'coordinator' });
  return { campaign: now.body as { id: string; version: number }, companies: companyList, jobId: opened.body.jobId };
}
