// Campaigns, invitations and need records on the table: the campaign partition holds all three.
import { keys } from '../table/keys.ts';
import { getItem, getItems, queryAll, queryPage, stripKeys, type Db, type Item } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { patterns } from '../table/patterns.ts';
import { guards, type Update } from '../table/port.ts';
import type { Failure, WriteSet } from '../table/write-set.ts';
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
  /** The job mailing the invitation now, and the one whose mail went out (a retried item does not mail again). */
  sendingBy?: string;
  sentBy?: string;
  /** The last reminder jobs whose mail went out. */
  remindedBy?: string[];
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

/** A campaign's counters are top-level attributes (changed by ADD); it is listed by date, by kind and by status. */
export const campaigns = entity<Campaign>({
  name: 'campaign',
  key: (c) => keys.campaign(c.id),
  attributes: ({ counts, ...rest }) => ({ ...rest, ...counts }),
  slots: (c) => [
    patterns.campaignsByDate.slot(`${c.opensOn}#${c.id}`),
    patterns.campaignsByKind.slot(`${c.opensOn}#${c.id}`, c.kind),
    patterns.campaignsByStatus.slot(`${c.closesOn}#${c.id}`, c.status),
  ],
});
export const campaignItem = campaigns.item;

export function toCampaign(item: Item): Campaign {
  const raw = stripKeys<Record<string, unknown>>(item);
  const counts = Object.fromEntries(COUNT_NAMES.map((n) => [n, Number(raw[n] ?? 0)])) as Campaign['counts'];
  for (const n of COUNT_NAMES) delete raw[n];
  return { ...(raw as Omit<Campaign, 'counts'>), counts };
}

/** An invitation lives in its campaign's partition and is listed under its company, newest campaign first. */
const invitations = entity<{ inv: InvitationRecord; opensOn: string }>({
  name: 'invitation',
  key: ({ inv }) => keys.invitation(inv.campaignId, inv.companyId),
  attributes: ({ inv }) => inv,
  slots: ({ inv, opensOn }) => [patterns.invitationsOfCompany.slot(`${opensOn}#${inv.campaignId}`, inv.companyId)],
});
export const invitationItem = (inv: InvitationRecord, campaign: Pick<Campaign, 'opensOn'>) => invitations.item({ inv, opensOn: campaign.opensOn });

export type CampaignCount = 'invited' | 'sent' | 'opened' | 'submitted';

/** Adds to a campaign's counters (and sets `set`), only while the campaign exists, or with `whileOpen` only while it is open. */
export function campaignCounts(campaignId: string, deltas: Partial<Record<CampaignCount, number>>, o: { set?: Item; whileOpen?: boolean } = {}): Update {
  return {
    update: keys.campaign(campaignId),
    set: o.set ?? {},
    add: deltas,
    guard: o.whileOpen ? guards.equals({ status: 'open' }) : guards.exists,
  };
}

/** Changes an invitation as of revision `inv.rev`: the write fails when another one got in between (the caller reads again). */
export function invitationChange(inv: Pick<InvitationRecord, 'campaignId' | 'companyId' | 'rev'>, set: Item, remove: string[] = []): Update {
  return { update: keys.invitation(inv.campaignId, inv.companyId), set: { ...set, rev: inv.rev + 1 }, remove, guard: guards.equals({ rev: inv.rev }) };
}

export const toInvitationRecord = (item: Item) => stripKeys<InvitationRecord>(item);

/** What staff may see of an invitation: no token hashes, no answers. */
export function invitationView(r: InvitationRecord): Invitation {
  const { tokenHashes: _t, draft: _d, answers: _a, rev: _r, sendingBy: _s, sentBy: _b, remindedBy: _m, ...view } = r;
  return view;
}

export function needItem(n: NeedRecord) {
  // The answer's rows as given, for the campaign's results; matching reads the needs they state (shared/needs).
  return { ...keys.needRecord(n.campaignId, n.companyId, n.questionId, n.row), ...n };
}

/** The need records of one answer, by key (to delete them before the rows are written again). */
export const needRecordKey = (n: Pick<NeedRecord, 'campaignId' | 'companyId' | 'questionId' | 'row'>) =>
  keys.needRecord(n.campaignId, n.companyId, n.questionId, n.row);

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
      const page = await queryPage(db, q.kind ? patterns.campaignsByKind.of(q.kind) : patterns.campaignsByDate.of(), {
        cursor: q.cursor,
        limit: q.limit,
        descending: true,
      });
      return { items: page.items.map(toCampaign), nextCursor: page.nextCursor };
    },

    async inStatus(status: Campaign['status']): Promise<Campaign[]> {
      return (await queryAll(db, patterns.campaignsByStatus.of(status))).map(toCampaign);
    },

    async invitations(campaignId: string, q: InvitationListQuery): Promise<Page<Invitation>> {
      const page = await queryPage(db, patterns.invitationsOfCampaign.of(campaignId), { cursor: q.cursor, limit: q.limit, filter: { state: q.state } });
      return { items: page.items.map((i) => invitationView(toInvitationRecord(i))), nextCursor: page.nextCursor };
    },

    /** One page of a campaign's invitations as stored (answers included), in one state. */
    async invitationRecords(
      campaignId: string,
      filter: { state: Invitation['state'] },
      cursor: string | undefined,
      limit: number,
    ): Promise<Page<InvitationRecord>> {
      const page = await queryPage(db, patterns.invitationsOfCampaign.of(campaignId), { cursor, limit, filter });
      return { items: page.items.map(toInvitationRecord), nextCursor: page.nextCursor };
    },

    /** Every invitation of a campaign with its answers: results, exports, reminders (≤ a few hundred per campaign). */
    async allInvitations(campaignId: string): Promise<InvitationRecord[]> {
      return (await queryAll(db, patterns.invitationsOfCampaign.of(campaignId))).map(toInvitationRecord);
    },

    async needsOfCampaign(campaignId: string): Promise<NeedRecord[]> {
      return (await queryAll(db, patterns.needRecordsOfCampaign.of(campaignId))).map((i) => stripKeys<NeedRecord>(i));
    },

    /** A new draft campaign. */
    createCampaign: (c: Campaign, change: WriteSet) => change.create(campaigns.item(c)),

    /** Writes the campaign as of the version read, leaving its counters to the writers that ADD to them. */
    saveCampaign(before: Campaign, after: Campaign, change: WriteSet): WriteSet {
      const { counts: _counts, ...fields } = after;
      const item: Item = { ...campaigns.item({ ...after, counts: before.counts }), ...fields };
      for (const n of COUNT_NAMES) delete item[n];
      const removed = Object.keys(before).filter((k) => !(k in after));
      return change.update(keys.campaign(after.id), { set: item, remove: removed, guard: guards.version(before.version) });
    },

    /** Deletes a campaign while it is a draft (`onFail` when it is not any more). */
    removeDraft: (id: string, change: WriteSet, onFail: Failure) => change.removeGuarded(keys.campaign(id), guards.equals({ status: 'draft' }), onFail),

    removeInvitation: (campaignId: string, companyId: string, change: WriteSet) => change.remove(keys.invitation(campaignId, companyId)),

    /** Deletes an invitation as of the revision read (a 409 when it changed meanwhile). */
    removeInvitationAsOf: (inv: Pick<InvitationRecord, 'campaignId' | 'companyId' | 'rev'>, change: WriteSet) =>
      change.removeGuarded(keys.invitation(inv.campaignId, inv.companyId), guards.equals({ rev: inv.rev })),

    /** A company's invitations, newest campaign first. */
    async invitationsOfCompany(companyId: string, cursor: string | undefined, limit: number): Promise<Page<Invitation>> {
      const page = await queryPage(db, patterns.invitationsOfCompany.of(companyId), { cursor, limit, descending: true });
      return { items: page.items.map((i) => invitationView(toInvitationRecord(i))), nextCursor: page.nextCursor };
    },
  };
}
