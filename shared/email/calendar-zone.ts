// The VTIMEZONE block ical-generator adds for an entry's TZID (Europe/Berlin), from timezones-ical-library: shared by
// every calendar entry the product mails (meetings, events).
import { tzlib_get_ical_block } from 'timezones-ical-library';

export const vtimezone = (tz: string) => {
  const block = tzlib_get_ical_block(tz);
  return Array.isArray(block) ? (block[0] ?? null) : null;
};
