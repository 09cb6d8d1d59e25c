// /api/survey: the hosted form's three calls, for companies without an account (the link's token is the key).
import { responseService } from '#shared/surveys/responses.ts';
import { tokenFromHeader } from '#shared/surveys/token.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { surveyContract } from './contract.ts';

const responses = responseService(database(), () => new Date());

export const handler = api(surveyContract, {
  load: ({ event }) => responses.load(tokenFromHeader(event.headers.authorization)),
  draft: ({ event, body }) => responses.saveDraft(tokenFromHeader(event.headers.authorization), body.answers),
  submit: ({ event, body }) => responses.submit(tokenFromHeader(event.headers.authorization), body.answers),
});
