// Campaigns, invitations and need records on the table: the campaign partition holds all three.
import { keys } from '../table/keys.ts';
import { getItem, getItems, queryAll, queryPage, setAttributes, stripKeys, type Db, type Item, type TransactItem } from '../table/access.ts';
import type { Page } from '../schema-kit.ts';
import type { Answers, OccupationRow } from './questions.ts';
import type { Campaign, CampaignListQuery, Invitation, InvitationListQuery } from './schema.ts';

/** The invitation as stored: what staff see plus the token hashes, the draft and the answers. */
export type InvitationRecord = Invitation & {
  tokenHashes: string[];
  draft?: Answers;
  answers?: Answers;
  /** Every write bumps it; writers condition on the value they read. */
  rev: number;
};

export type NeedRecord = OccupationRow & {
  campaignId: string;
  campaignTitle: string;
  campaignClosesOn: string;
  questionId: string;
  row: number;
  companyId: string;
  companyName: string;
  wzSection: string;
  district: string;
  sizeClass: string;
  occupationTitle: string;
  submittedAt: string;
};

export const COUNT_NAMES = ['invited', 'sent', 'opened', 'submitted'] as const;

export function campaignItem(c: Campaign) {
  const { counts, ...rest } = c;
  return {
    ...keys.campaign(c.id),
    ...rest,
    ...counts,
    gsi1pk: keys.campaignsByDate(),
    gsi1sk: `${c.opensOn}#${c.id}`,
    gsi2pk: keys.campaignsByKind(c.kind),
    gsi2sk: `${c.opensOn}#${c.id}`,
    gsi3pk: keys.campaignsByStatus(c.status),
    gsi3sk: `${c.closesOn}#${c.id}`,
  };
}

export function toCampaign(item: Item): Campaign {
  const raw = stripKeys<Record<string, unknown>>(item);
  const counts = Object.fromEntries(COUNT_NAMES.map((n) => [n, Number(raw[n] ?? 0)])) as Campaign['counts'];
  for (const n of COUNT_NAMES) delete raw[n];
  return { ...(raw as Omit<Campaign, 'counts'>), counts };
}

export function invitationItem(inv: InvitationRecord, campaign: Pick<Campaign, 'opensOn'>) {
  return {
    ...keys.invitation(inv.campaignId, inv.companyId),
    ...inv,
    gsi1pk: keys.invitationsOfCompany(inv.companyId),
    gsi1sk: `${campaign.opensOn}#${inv.campaignId}`,
  };
}

export type CampaignCount = 'invited' | 'sent' | 'opened' | 'submitted';

/** Adds to a campaign's counters (and sets `set`), only while the campaign exists, or with `whileOpen` only while it is open. */
export function campaignCounts(db: Db, campaignId: string, deltas: Partial<Record<CampaignCount, number>>, o: { set?: Item; whileOpen?: boolean } = {}): TransactItem {
  return setAttributes(db, keys.campaign(campaignId), o.set ?? {}, {
    add: deltas as Record<string, number>,
    ...(o.whileOpen ? { condition: '#status = :open', names: { '#status': 'status' }, values: { ':open': 'open' } } : { condition: 'attribute_exists(pk)' }),
  });
}

/** Changes an invitation as of revision `inv.rev`: the write fails when another one got in between (the caller reads again). */
export function invitationChange(db: Db, inv: Pick<InvitationRecord, 'campaignId' | 'companyId' | 'rev'>, set: Item, remove: string[] = []): TransactItem {
  return setAttributes(db, keys.invitation(inv.campaignId, inv.companyId), { ...set, rev: inv.rev + 1 }, { remove, condition: 'rev = :rev', values: { ':rev': inv.rev } });
}

export const toInvitationRecord = (item: Item) => stripKeys<InvitationRecord>(item);

/** What staff may see of an invitation: no token hashes, no answers. */
export function invitationView(r: InvitationRecord): Invitation {
  const { tokenHashes: _t, draft: _d, answers: _a, rev: _r, ...view } = r;
  return view;
}

export function needItem(n: NeedRecord) {
  // The answer's rows as given, for the campaign's results; matching reads the needs they state (shared/needs).
  return { ...keys.need(n.campaignId, n.companyId, n.questionId, n.row), ...n };
}

export function surveyRepository(db: Db) {
  return {
    async campaign(id: string, consistent = false): Promise<Campaign | undefined> {
      const item = await getItem(db, keys.campaign(id), consistent);
      return item ? toCampaign(item) : undefined;
    },

    /** Campaign and one invitation in a single BatchGet (the public form's one read). */
    async campaignWithInvitation(campaignId: string, companyId: string) {
      const items = await getItems(db, [keys.campaign(campaignId), keys.invitation(campaignId, companyId)], true);
      const campaign = items.find((i) => i.sk === 'CAMPAIGN');
      const invitation = items.find((i) => i.sk !== 'CAMPAIGN');
      return { campaign: campaign && toCampaign(campaign), invitation: invitation && toInvitationRecord(invitation) };
    },

    async invitation(campaignId: string, companyId: string): Promise<InvitationRecord | undefined> {
      const item = await getItem(db, keys.invitation(campaignId, companyId), true);
      return item ? toInvitationRecord(item) : undefined;
    },

    async list(q: CampaignListQuery): Promise<Page<Campaign>> {
      const page = await queryPage(db, {
        index: q.kind ? 'gsi2' : 'gsi1',
        partition: q.kind ? keys.campaignsByKind(q.kind) : keys.campaignsByDate(),
        cursor: q.cursor,
        limit: q.limit,
        descending: true,
      });
      return { items: page.items.map(toCampaign), nextCursor: page.nextCursor };
    },

    async inStatus(status: Campaign['status']): Promise<Campaign[]> {
      return (await queryAll(db, { index: 'gsi3', partition: keys.campaignsByStatus(status) })).map(toCampaign);
    },

    async invitations(campaignId: string, q: InvitationListQuery): Promise<Page<Invitation>> {
      const page = await queryPage(db, {
        partition: keys.campaignPartition(campaignId),
        sortPrefix: keys.invitationPrefix(),
        cursor: q.cursor,
        limit: q.limit,
        filter: q.state ? { expression: '#state = :state', names: { '#state': 'state' }, values: { ':state': q.state } } : undefined,
      });
      return { items: page.items.map((i) => invitationView(toInvitationRecord(i))), nextCursor: page.nextCursor };
    },

    /** Every invitation of a campaign with its answers: results, exports, reminders (≤ a few hundred per campaign). */
    async allInvitations(campaignId: string): Promise<InvitationRecord[]> {
      return (await queryAll(db, { partition: keys.campaignPartition(campaignId), sortPrefix: keys.invitationPrefix() })).map(toInvitationRecord);
    },

    async needsOfCampaign(campaignId: string): Promise<NeedRecord[]> {
      return (await queryAll(db, { partition: keys.campaignPartition(campaignId), sortPrefix: keys.needPrefix() })).map((i) => stripKeys<NeedRecord>(i));
    },


    /** A company's invitations, newest campaign first. */
    async invitationsOfCompany(companyId: string, cursor: string | undefined, limit: number): Promise<Page<Invitation>> {
      const page = await queryPage(db, { index: 'gsi1', partition: keys.invitationsOfCompany(companyId), cursor, limit, descending: true });
      return { items: page.items.map((i) => invitationView(toInvitationRecord(i))), nextCursor: page.nextCursor };
    },
  };
}
