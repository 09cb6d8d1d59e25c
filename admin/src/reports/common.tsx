// Helpers the reports views share: a headline's value of a report row.
import type { ReportListItem } from '#shared/reports/schema.ts';

export const value = (r: Pick<ReportListItem, 'headlines'>, id: string) => r.headlines.find((h) => h.id === id)?.value ?? 0;
