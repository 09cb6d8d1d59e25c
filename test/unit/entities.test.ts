// Items stay as deployed: each entity writes the same keys and index slots the hand-built item builders wrote
// before the persistence layer, so no migration is needed (docs/data-model.md, "The persistence layer").
import { describe, expect, it } from 'vitest';
import { auditItem } from '#shared/audit/entry.ts';
import { caseItem } from '#shared/cases/repository.ts';
import type { CaseRecord } from '#shared/cases/schema.ts';
import { companyItem } from '#shared/companies/repository.ts';
import type { Company } from '#shared/companies/schema.ts';
import { eventItem } from '#shared/feed/events.ts';
import { matchItem } from '#shared/matching/repository.ts';
import type { Match } from '#shared/matching/schema.ts';
import { actionItem, meetingItem } from '#shared/meetings/repository.ts';
import type { ActionItem, Meeting } from '#shared/meetings/schema.ts';
import { memberItem } from '#shared/members/repository.ts';
import type { Member } from '#shared/members/schema.ts';
import { needItem } from '#shared/needs/repository.ts';
import type { Need } from '#shared/needs/schema.ts';
import { campaignItem, invitationItem, type InvitationRecord } from '#shared/surveys/repository.ts';
import type { Campaign } from '#shared/surveys/schema.ts';
import { TABLE } from '#shared/table/definition.ts';

/** The key attributes of an item: what the table and its indexes see. */
const keysOf = (item: Record<string, unknown>) => {
  const names = new Set<string>([TABLE.partitionKey, TABLE.sortKey, ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
  return Object.fromEntries(Object.entries(item).filter(([k]) => names.has(k)));
};

const member = { id: 'M1', name: 'Jobcenter Rostock', kind: 'job_centre', steeringCommittee: true, digestSubscribed: false } as unknown as Member;
const person = {
  id: 'C1',
  number: '2026-0042',
  status: 'counselling',
  statusSince: '2026-10-01T08:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  counsellorId: 'U1',
  nextFollowUp: '2026-12-08',
  participant: { firstName: 'Ayşe', lastName: 'Şahin' },
  consent: { givenOn: '2026-09-01', scope: ['counselling', 'job_placement', 'share_with_partners'] },
  targetOccupation: { id: 'o', code: '51312', title: 'Fachkraft für Lagerlogistik', months: 36, chamber: 'ihk' },
} as unknown as CaseRecord;

describe('entity items keep the deployed keys', () => {
  it('member: by id, name, kind, and the sparse committee list', () => {
    expect(keysOf(memberItem(member))).toEqual({
      pk: 'MEMBER#M1',
      sk: 'MEMBER',
      gsi1pk: 'MEMBERS',
      gsi1sk: 'jobcenter rostock#M1',
      gsi2pk: 'MEMBERS#KIND#job_centre',
      gsi2sk: 'jobcenter rostock#M1',
      gsi3pk: 'MEMBERS#STEERING',
      gsi3sk: 'jobcenter rostock#M1',
    });
  });

  it('case: status, counsellor, follow-up, update, name and candidate slots; anonymising moves it to the pending list', () => {
    expect(keysOf(caseItem(person))).toEqual({
      pk: 'CASE#C1',
      sk: 'CASE',
      gsi1pk: 'CASES#STATUS#counselling',
      gsi1sk: '2026-10-01T08:00:00.000Z#C1',
      gsi2pk: 'CASES#COUNSELLOR#U1',
      gsi2sk: '2026-11-02T09:00:00.000Z#C1',
      gsi3pk: 'FOLLOWUP#U1',
      gsi3sk: '2026-12-08#C1',
      gsi4pk: 'CASES',
      gsi4sk: '2026-11-02T09:00:00.000Z#C1',
      gsi5pk: 'CASES#NAME',
      gsi5sk: 'sahin ayse#C1',
      gsi6pk: 'CANDIDATES#GROUP#513',
      gsi6sk: '51312#C1',
    });
    const pending = keysOf(caseItem({ ...person, anonymising: { reason: 'retention', since: '2026-11-30T03:30:00.000Z' } }));
    expect(pending).toMatchObject({ gsi3pk: 'CASES#ANONYMISING', gsi3sk: '2026-11-30T03:30:00.000Z#C1' });
    expect(pending).not.toHaveProperty('gsi5pk');
    expect(pending).not.toHaveProperty('gsi6pk');
  });

  it('company, need, match', () => {
    const company = { id: 'B1', name: 'Ostsee Logistik GmbH', wzSection: 'H', district: 'rostock_city', sizeClass: '50-249' } as unknown as Company;
    expect(keysOf(companyItem(company))).toEqual({
      pk: 'COMPANY#B1',
      sk: 'COMPANY',
      gsi1pk: 'COMPANIES',
      gsi1sk: 'ostsee logistik gmbh#B1',
      gsi2pk: 'COMPANIES#SECTOR#H',
      gsi2sk: 'ostsee logistik gmbh#B1',
      gsi3pk: 'COMPANIES#DISTRICT#rostock_city',
      gsi3sk: 'ostsee logistik gmbh#B1',
      gsi4pk: 'COMPANIES#SIZE#50-249',
      gsi4sk: 'ostsee logistik gmbh#B1',
    });
    const need = { id: 'N1', status: 'open', occupation: '51312', statedOn: '2026-11-01', companyId: 'B1' } as unknown as Need;
    expect(keysOf(needItem(need))).toEqual({
      pk: 'NEED#N1',
      sk: 'NEED',
      gsi7pk: 'NEEDS#OPEN#GROUP#513',
      gsi7sk: '51312#N1',
      gsi2pk: 'NEEDS#STATUS#open',
      gsi2sk: '2026-11-01#N1',
      gsi3pk: 'NEEDS#OF#B1',
      gsi3sk: '2026-11-01#N1',
    });
    expect(keysOf(needItem({ ...need, status: 'filled' }))).not.toHaveProperty('gsi7pk');
    const match = {
      id: 'C1_N1',
      pseudonym: 'TN-1',
      caseId: 'C1',
      needId: 'N1',
      companyId: 'B1',
      state: 'proposed',
      createdAt: 'T1',
      updatedAt: 'T2',
    } as unknown as Match;
    const stored = matchItem(match);
    expect(keysOf(stored)).toEqual({
      pk: 'CASE#C1',
      sk: 'MATCH#N1',
      gsi1pk: 'MATCHES#NEED#N1',
      gsi1sk: 'T1#C1',
      gsi2pk: 'MATCHES#STATE#proposed',
      gsi2sk: 'T2#C1#N1',
      gsi3pk: 'MATCHES#COMPANY#B1',
      gsi3sk: 'T1#C1#N1',
    });
    expect(stored).not.toHaveProperty('id');
    expect(stored).not.toHaveProperty('pseudonym');
  });

  it('campaign (counters top level), invitation, meeting, action, audit entry and report event', () => {
    const campaign = {
      id: 'V1',
      kind: 'custom',
      status: 'open',
      opensOn: '2026-09-01',
      closesOn: '2026-12-15',
      counts: { invited: 3, sent: 2, opened: 1, submitted: 0 },
    } as unknown as Campaign;
    const c = campaignItem(campaign);
    expect(keysOf(c)).toEqual({
      pk: 'CAMPAIGN#V1',
      sk: 'CAMPAIGN',
      gsi1pk: 'CAMPAIGNS',
      gsi1sk: '2026-09-01#V1',
      gsi2pk: 'CAMPAIGNS#KIND#custom',
      gsi2sk: '2026-09-01#V1',
      gsi3pk: 'CAMPAIGNS#STATUS#open',
      gsi3sk: '2026-12-15#V1',
    });
    expect(c).toMatchObject({ invited: 3, sent: 2 });
    expect(c).not.toHaveProperty('counts');
    const inv = invitationItem({ campaignId: 'V1', companyId: 'B1' } as InvitationRecord, campaign);
    expect(keysOf(inv)).toEqual({ pk: 'CAMPAIGN#V1', sk: 'INVITATION#B1', gsi1pk: 'INVITATIONS#COMPANY#B1', gsi1sk: '2026-09-01#V1' });
    const meeting = { id: 'G1', kind: 'network', startsAt: '2026-12-10T10:00' } as unknown as Meeting;
    expect(keysOf(meetingItem(meeting))).toEqual({
      pk: 'MEETING#G1',
      sk: 'MEETING',
      gsi1pk: 'MEETINGS',
      gsi1sk: '2026-12-10T10:00#G1',
      gsi2pk: 'MEETINGS#KIND#network',
      gsi2sk: '2026-12-10T10:00#G1',
    });
    const action = { id: 'A1', meetingId: 'G1', status: 'open', dueOn: '2026-12-20', ownerId: 'M1' } as unknown as ActionItem;
    expect(keysOf(actionItem(action))).toEqual({
      pk: 'MEETING#G1',
      sk: 'ACTION#A1',
      gsi1pk: 'ACTIONS#open',
      gsi1sk: '2026-12-20#A1',
      gsi2pk: 'ACTIONS#OWNER#M1',
      gsi2sk: 'open#2026-12-20#A1',
    });
    const at = new Date('2026-11-30T23:30:00.000Z');
    const audit = auditItem({ id: 'U1', email: '', roles: [] }, 'read', 'case', 'C1', ['*'], at);
    expect(audit.pk).toBe('AUDIT#case#C1');
    expect(audit.sk).toMatch(/^2026-11-30T23:30:00.000Z#[0-9A-Z]{26}$/);
    expect([audit.gsi1pk, audit.gsi1sk]).toEqual(['AUDITUSER#U1', audit.sk]);
    // The report feed files an event under its Berlin month: 23:30 UTC on 30 November is 1 December in Berlin.
    expect(eventItem({ type: 'x', at, data: {} }).pk).toBe('EVENTS#2026-12');
  });
});
