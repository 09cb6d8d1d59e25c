// /api/public/newsletter… and /api/public/newsletters: sign-up with double opt-in, and the archive.
import { newslettersService } from '#shared/newsletters/domain.ts';
import { database } from '../clients.ts';
import { config } from '../config.ts';
import { api } from '../http/route.ts';
import { subscriptionsContract } from './contract.ts';

const newsletters = newslettersService(database(), { siteUrl: config().SITE_URL });

export const handler = api(subscriptionsContract, {
  subscribe: ({ body }) => newsletters.subscribe(body),
  confirm: ({ body }) => newsletters.confirm(body.token),
  archive: ({ query }) => newsletters.archive(query.cursor, query.limit),
  archived: ({ params }) => newsletters.archived(params.id),
});
