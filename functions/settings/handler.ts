// /api/settings, /api/dashboard, /api/audit.
import { auditTrail } from '#shared/audit/trail.ts';
import { dashboard } from '#shared/cases/dashboard.ts';
import { settingsService } from '#shared/settings/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { settingsContract } from './contract.ts';

const db = database();
const settings = settingsService(db);

export const handler = api(
  settingsContract,
  {
    get: () => settings.get(),
    update: ({ body, user }) => settings.update(body, user),
    dashboard: () => dashboard(db),
    auditOfUser: ({ query }) => auditTrail(db, { userId: query.userId, cursor: query.cursor, limit: query.limit }),
  },
  { sessions: sessionGuard(database()) },
);
