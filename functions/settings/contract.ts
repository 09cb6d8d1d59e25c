// The operations of /api/settings, /api/dashboard and /api/audit: programme settings, aggregate figures and the audit log.
import * as z from 'zod';
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
      userId: z.string().min(1).max(64),
      cursor: z.string().max(2048).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    }),
    response: pageOf(AuditEntryView),
    summary: 'Zugriffsprotokoll eines Kontos',
  },
});
