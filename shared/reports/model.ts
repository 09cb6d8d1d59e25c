// What a monthly report holds, and the German names of its categories: shared by the server, the e-mail and the admin.
import type { Breakdown } from './suppression.ts';

export type Headline = { id: string; label: string; value: number; previous: number | null };

export type Figures = {
  month: string;
  generatedAt: string;
  events: number;
  headlines: Headline[];
  /** Active cases by status, from the counters when the report was made. */
  statusNow: Record<string, number>;
  qualifications: { month: number; yearToDate: number; sinceStart: number; target: number };
  breakdowns: { id: string; label: string; of: string; breakdown: Breakdown; labels: Record<string, string> }[];
  surveys: {
    open: { id: string; title: string; closesOn: string; invited: number; submitted: number; rate: number }[];
    responsesThisMonth: number;
    neededOccupations: { source: string | null; rows: { title: string; headcount: number; companies: number }[] };
  };
  /** Company relations in the month: contacts by kind, new learning-venue agreements (absent in older reports). */
  companies?: { contacts: number; byKind: { kind: string; label: string; count: number }[]; newAgreements: number; newPlaces: number };
  network: {
    newMembers: number;
    subscribed: number;
    unsubscribed: number;
    meetingsHeld: { title: string; startsAt: string; present: number; invited: number }[];
    nextMeetings: { title: string; startsAt: string; place: string | null }[];
    openActions: { title: string; ownerName: string; dueOn: string; meetingTitle: string }[];
  };
};

export const GENDER_LABELS: Record<string, string> = { female: 'weiblich', male: 'männlich', diverse: 'divers', not_stated: 'keine Angabe' };
export const MIGRATION_LABELS: Record<string, string> = { yes: 'mit Migrationsgeschichte', no: 'ohne Migrationsgeschichte', not_stated: 'keine Angabe' };
export const AGE_LABELS: Record<string, string> = {
  under_25: 'unter 25',
  '25_34': '25–34',
  '35_44': '35–44',
  '45_54': '45–54',
  '55_plus': '55 und älter',
  unknown: 'unbekannt',
};
export const SECTOR_LABELS: Record<string, string> = {
  metal: 'Metall und Maschinen',
  plastics: 'Kunststoff',
  construction: 'Bau und Ausbau',
  logistics: 'Lager und Verkehr',
  retail: 'Handel',
  hospitality: 'Gastgewerbe',
  care: 'Gesundheit und Pflege',
  office: 'Büro und Verwaltung',
  none: 'ohne Zielberuf',
};
/** How a qualification was reached: shared/cases/lifecycle.ts QualificationPath. */
export const PATH_LABELS: Record<string, string> = {
  exam: 'Externenprüfung',
  recognition_full: 'Anerkennung: volle Gleichwertigkeit',
  recognition_adapted: 'Anerkennung nach Anpassungsqualifizierung',
};
/** The result of a recognition decision (BQFG). */
export const DECISION_LABELS: Record<string, string> = {
  full: 'volle Gleichwertigkeit',
  partial: 'teilweise Gleichwertigkeit',
  none: 'keine Gleichwertigkeit',
};
/** The kinds of company contacts (shared/relations/schema.ts ACTIVITY_KINDS). */
export const CONTACT_LABELS: Record<string, string> = {
  visit: 'Betriebsbesuche',
  call: 'Telefonate',
  email: 'E-Mails',
  counselling: 'Beratungsgespräche',
  information_event: 'Informationsveranstaltungen',
  agreement: 'Vereinbarungsgespräche',
};
export const STATUS_LABELS: Record<string, string> = {
  inquiry: 'Anfrage',
  intake: 'Aufnahme',
  counselling: 'Beratung',
  plan: 'Qualifizierungsplan',
  qualification: 'Qualifizierung',
  exam: 'Prüfung',
  qualified: 'Abschluss',
  paused: 'pausiert',
  dropped: 'abgebrochen',
  referred: 'weitervermittelt',
};

export type DeliverySummary = { recipients: number; sent: number; failed: number; pending: number; lastRunAt: string };
export type Delivery = {
  recipient: string;
  memberId: string;
  memberName: string;
  email: string;
  contactName: string;
  status: 'claimed' | 'sent' | 'failed';
  attempts: number;
  claimedAt: string;
  sentAt?: string;
  messageId?: string;
  /** The job that claimed the record last, and the one whose mail went out (a retried attempt of it sends nothing). */
  claimedBy?: string;
  sentBy?: string;
  error?: string;
};

/** One contact the digest goes to: the member it belongs to and the address. */
export type Recipient = { memberId: string; memberName: string; contactName: string; email: string };

/** Where report files live: S3 in AWS, a folder locally. */
export interface ReportStore {
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
}
