// /api/newsletters and /api/newsletter-subscribers: issues, pictures, preview, test mail, sending, subscribers (coordinators).
import { newslettersService } from '#shared/newsletters/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { config } from '../config.ts';
import { api } from '../http/route.ts';
import { newslettersContract } from './contract.ts';
import { mediaStore } from './media.ts';

const newsletters = newslettersService(database(), { siteUrl: config().SITE_URL, media: mediaStore() });

export const handler = api(
  newslettersContract,
  {
    list: ({ query }) => newsletters.list(query),
    create: ({ body, user }) => newsletters.create(body, user),
    get: ({ params }) => newsletters.get(params.id),
    update: ({ params, body, user }) => newsletters.update(params.id, body, user),
    remove: async ({ params, user }) => (await newsletters.remove(params.id, user), { id: params.id }),
    picture: ({ params, body, user }) => newsletters.uploadPicture(params.id, body, user),
    preview: ({ params }) => newsletters.preview(params.id),
    testMail: ({ params, user }) => newsletters.testMail(params.id, user),
    audience: ({ body }) => newsletters.audienceCount(body),
    send: ({ params, body, user }) => newsletters.send(params.id, body, user),
    subscribers: ({ query, user }) => newsletters.subscribers(query.cursor, query.limit, user),
    removeSubscriber: async ({ params, user }) => (await newsletters.removeSubscriber(params.id, user), { id: params.id }),
  },
  { sessions: sessionGuard(database()) },
);
