// Programme settings: targets the dashboard and the report measure against, and the retention period.
import * as z from 'zod';

export const Settings = z
  .strictObject({
    targetCounselled: z.number().int().min(1).max(100_000).default(320),
    targetQualified: z.number().int().min(1).max(100_000).default(140),
    programmeStart: z.iso.date().default('2025-01-01'),
    /** Closed cases, and paused cases without activity, are anonymised after this many months. */
    retentionMonths: z.number().int().min(6).max(120).default(36),
    /** Inquiries that never gave consent are anonymised after this many months. */
    inquiryRetentionMonths: z.number().int().min(1).max(36).default(6),
    /** Registrations of public events are deleted this many months after the event (the counts stay). */
    eventRetentionMonths: z.number().int().min(1).max(24).default(3),
  })
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof Settings>;

export const SettingsUpdate = Settings.safeExtend({ version: z.number().int().min(0) }).meta({ id: 'SettingsUpdate' });
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;
