// Matching: ranked needs for a case, ranked candidates for a need, and the outcome of each proposal.
import { matchingService } from '#shared/matching/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { matchingContract } from './contract.ts';

const matching = matchingService(database());

export const handler = api(
  matchingContract,
  {
    suggestions: ({ params, user }) => matching.suggestions(params.id, user),
    ofCase: ({ params, user }) => matching.ofCase(params.id, user),
    propose: ({ params, body, user }) => matching.propose(params.id, body, user),
    move: ({ params, body, user }) => matching.move(params.id, params.needId, body, user),
    list: ({ query, user }) => matching.list(query, user),
    candidates: ({ params, user }) => matching.candidates(params.id, user),
    ofNeed: ({ params, query, user }) => matching.ofNeed(params.id, user, query.cursor, query.limit),
  },
  { sessions: sessionGuard(database()) },
);
