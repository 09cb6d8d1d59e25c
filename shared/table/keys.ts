// The primary key of every item kind, by name: the get patterns' keys, and the keys of items that live in another
// pattern's partition (a case's children, a campaign's invitations, look-up entries). Built from shared/table/patterns.ts.
import { patterns as p } from './patterns.ts';
import type { Key } from './port.ts';

/** A sort key that orders by folded name and stays unique: "mueller gmbh#01J…". */
export const byName = (folded: string, id: string) => `${folded}#${id}`;

const child = (pk: string, sk: string): Key => ({ pk, sk });

export const keys = {
  member: p.member.key,
  user: p.user.key,
  userEmail: p.userEmail.key,
  session: p.session.key,

  case: (id: string) => child(p.caseWithChildren.partitionOf(id), 'CASE'),
  /** A session, module, funding or foreign qualification of a case. */
  caseChild: (caseId: string, kind: 'sessions' | 'modules' | 'fundings' | 'qualifications', childId: string) =>
    child(p.caseWithChildren.partitionOf(caseId), `${kind.toUpperCase()}#${childId}`),
  caseExam: (caseId: string) => child(p.caseWithChildren.partitionOf(caseId), 'EXAM'),
  caseOutcome: (caseId: string) => child(p.caseWithChildren.partitionOf(caseId), 'OUTCOME'),
  /** The recognition procedure of the case's foreign qualification (BQFG). */
  caseRecognition: (caseId: string) => child(p.caseWithChildren.partitionOf(caseId), 'RECOGNITION'),
  caseHistory: (caseId: string, at: string, eventId: string) => child(p.caseWithChildren.partitionOf(caseId), `HISTORY#${at}#${eventId}`),
  caseNumber: p.caseNumber.key,
  caseNumberSequence: p.caseNumberSequence.key,
  caseDuplicate: (foldedName: string, birthDate: string, caseId: string) => child(p.caseDuplicates.partitionOf(foldedName, birthDate), caseId),
  /** A match of the case with one need, in the case partition (erasing the case erases its matches). */
  match: (caseId: string, needId: string) => child(p.matchesOfCase.partitionOf(caseId), `${p.matchesOfCase.sortPrefix}${needId}`),

  company: p.company.key,
  companyDuplicate: (foldedName: string, postcode: string, companyId: string) => child(p.companyDuplicates.partitionOf(foldedName, postcode), companyId),

  campaign: p.campaign.key,
  invitation: p.invitation.key,
  /** One need record: an occupation-and-headcount row of a company's answer, as given (the results read them). */
  needRecord: (campaignId: string, companyId: string, questionId: string, row: number) =>
    child(p.needRecordsOfCampaign.partitionOf(campaignId), `${p.needRecordsOfCampaign.sortPrefix}${companyId}#${questionId}#${String(row).padStart(2, '0')}`),
  companyNeed: p.need.key,

  meeting: (id: string) => child(p.meetingWithActions.partitionOf(id), 'MEETING'),
  action: (meetingId: string, actionId: string) => child(p.meetingWithActions.partitionOf(meetingId), `ACTION#${actionId}`),

  job: (id: string) => child(p.jobWithItems.partitionOf(id), 'JOB'),
  jobItem: (jobId: string, key: string) => child(p.jobItems.partitionOf(jobId), `${p.jobItems.sortPrefix}${key}`),

  report: p.report.key,
  delivery: (month: string, recipient: string) => child(p.deliveriesOfMonth.partitionOf(month), `${p.deliveriesOfMonth.sortPrefix}${recipient}`),

  occupation: p.occupation.key,
  offer: p.offer.key,
  measure: p.measure.key,
  participation: (measureId: string, caseId: string) => child(p.participantsOfMeasure.partitionOf(measureId), `${p.participantsOfMeasure.sortPrefix}${caseId}`),
  settings: p.settings.key,
  counters: p.counters.key,
  /** An audit entry of a record: ISO time and ulid keep entries in order and unique. */
  audit: (type: string, id: string, sortKey: string) => child(p.auditOfRecord.partitionOf(type, id), sortKey),
  /** An event of the report feed in its Berlin month. */
  event: (month: string, sortKey: string) => child(p.eventsOfMonth.partitionOf(month), sortKey),
  seedMarker: p.seedMarker.key,
  rateBucket: p.rateBucket.key,
} as const;

/** The kinds of items a case partition holds, by their sort key (for reading the partition back). */
export function caseItemKind(
  sk: string,
): 'case' | 'sessions' | 'modules' | 'fundings' | 'qualifications' | 'exam' | 'outcome' | 'recognition' | 'history' | 'match' | undefined {
  if (sk === 'CASE') return 'case';
  if (sk === 'EXAM') return 'exam';
  if (sk === 'OUTCOME') return 'outcome';
  if (sk === 'RECOGNITION') return 'recognition';
  if (sk.startsWith('QUALIFICATIONS#')) return 'qualifications';
  if (sk.startsWith('SESSIONS#')) return 'sessions';
  if (sk.startsWith('MODULES#')) return 'modules';
  if (sk.startsWith('FUNDINGS#')) return 'fundings';
  if (sk.startsWith('HISTORY#')) return 'history';
  if (sk.startsWith(p.matchesOfCase.sortPrefix!)) return 'match';
  return undefined;
}

/** Whether an item of a meeting partition is an action item. */
export const isActionKey = (sk: string) => sk.startsWith('ACTION#');
