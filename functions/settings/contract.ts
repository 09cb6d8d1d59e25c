// The operations of /api/settings, /api/dashboard and /api/audit: programme settings, aggregate figures and the audit log.
import * as z from 'zod/mini';
import { AuditEntryView } from '#shared/audit/schema.ts';
import { Dashboard } from '#shared/cases/dashboard-schema.ts';
import { pageOf } from '#shared/schema-kit.ts';
import { SettingsUpdate } from '#shared/settings/schema.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

export const settingsContract = contract('settings', {
  get: { route: 'GET /api/settings', roles: STAFF, response: SettingsUpdate, summary: 'Programmziele und Aufbewahrungsfrist' },
  update: {
    route: 'PUT /api/settings',
    roles: ['admin'],
    body: SettingsUpdate,
    response: SettingsUpdate,
    summary: 'Programmziele und Aufbewahrungsfrist ändern',
  },
  dashboard: {
    route: 'GET /api/dashboard',
    roles: STAFF,
    response: Dashboard,
    summary: 'Kennzahlen: Trichter nach Status, Ziele, Verlauf je Monat (nur Summen)',
  },
  auditOfUser: {
    route: 'GET /api/audit',
    roles: ['admin'],
    query: z.strictObject({
      userId: z.string().check(z.minLength(1)).check(z.maxLength(64)),
      cursor: z.optional(z.string().check(z.maxLength(2048))),
      limit: z._default(z.coerce.number().check(z.int()).check(z.gte(1)).check(z.lte(100)), 50),
    }),
    response: pageOf(AuditEntryView),
    summary: 'Zugriffsprotokoll eines Kontos',
  },
});
