// Programme settings: targets the dashboard and the report measure against, and the retention period.
import * as z from 'zod/mini';

export const Settings = z
  .strictObject({
    targetCounselled: z._default(z.number().check(z.int()).check(z.gte(1)).check(z.lte(100_000)), 320),
    targetQualified: z._default(z.number().check(z.int()).check(z.gte(1)).check(z.lte(100_000)), 140),
    programmeStart: z._default(z.iso.date(), '2025-01-01'),
    /** Closed cases, and paused cases without activity, are anonymised after this many months. */
    retentionMonths: z._default(z.number().check(z.int()).check(z.gte(6)).check(z.lte(120)), 36),
    /** Inquiries that never gave consent are anonymised after this many months. */
    inquiryRetentionMonths: z._default(z.number().check(z.int()).check(z.gte(1)).check(z.lte(36)), 6),
    /** Registrations of public events are deleted this many months after the event (the counts stay). */
    eventRetentionMonths: z._default(z.number().check(z.int()).check(z.gte(1)).check(z.lte(24)), 3),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Settings' });
export type Settings = z.infer<typeof Settings>;

export const SettingsUpdate = z
  .safeExtend(Settings, { version: z.number().check(z.int()).check(z.gte(0)) })
  .clone()
  .register(z.globalRegistry, { id: 'SettingsUpdate' });
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;
