// How the admin shows dates: German, in Europe/Berlin.
export const DATE_TIME = { locales: 'de-DE', options: { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' } } as const;
export const DATE = { locales: 'de-DE', options: { timeZone: 'Europe/Berlin', dateStyle: 'medium' } } as const;

/** Choices for a SelectInput from a list of codes and the message prefix of their labels. */
export const choices = (codes: readonly string[], prefix: string) => codes.map((id) => ({ id, name: `${prefix}.${id}` }));

/** An instant as "27.11.2026, 09:15" in Europe/Berlin. */
export const formatDateTime = (iso: string) => new Intl.DateTimeFormat(DATE_TIME.locales, DATE_TIME.options).format(new Date(iso));
/** A calendar date ("2026-11-27", already a Berlin day) as "27.11.2026". */
export const formatDate = (isoDate: string) => isoDate.split('-').reverse().join('.');
