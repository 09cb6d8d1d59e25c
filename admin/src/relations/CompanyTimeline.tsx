// The company's timeline: contacts, learning-venue agreements, survey invitations, needs and (for counsellors and
// admins) proposals of participants, newest first, page by page. Contacts can be changed, done and deleted here.
import { useState } from 'react';
import { Confirm, useGetManyAggregate, useRecordContext, useTranslate } from 'react-admin';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import type { Company } from '#shared/companies/schema.ts';
import type { Activity, TimelineEntry } from '#shared/relations/schema.ts';
import type { Campaign } from '#shared/surveys/schema.ts';
import { CursorTable } from '../data/CursorTable.tsx';
import { useCommand } from '../data/commands.ts';
import { formatDate } from '../format.ts';
import { EditActivityButton, RecordActivityButton } from './ActivityDialog.tsx';
import { today } from './choices.ts';

function CampaignTitle({ id, state }: { id: string; state: string }) {
  const t = useTranslate();
  const { data } = useGetManyAggregate<Campaign>('campaigns', { ids: [id] });
  const stateName = t(`amon.vocab.invitation_states.${state}`, { _: state });
  const title = data?.[0]?.title;
  return title ? (
    <a href={`#/campaigns/${id}/show`}>{t('amon.relations.entry.invitation', { title, state: stateName })}</a>
  ) : (
    <>{t('amon.relations.entry.invitation_untitled', { state: stateName })}</>
  );
}

/** "Erledigt" and "Löschen" for a contact (the API lets its owner and admins do them). */
export function ActivityActions({ activity, withEdit = true }: { activity: Activity; withEdit?: boolean }) {
  const t = useTranslate();
  const send = useCommand();
  const [confirming, setConfirming] = useState(false);
  const path = `/api/companies/${activity.companyId}/activities/${activity.id}`;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
      {activity.followUpOn && !activity.followUpDoneAt && (
        <Button size="small" variant="contained" onClick={() => void send('POST', `${path}/done`, { version: activity.version }, 'amon.relations.done_saved')}>
          {t('amon.relations.done')}
        </Button>
      )}
      {withEdit && <EditActivityButton activity={activity} />}
      {withEdit && (
        <>
          <Button size="small" color="error" onClick={() => setConfirming(true)}>
            {t('amon.relations.remove')}
          </Button>
          <Confirm
            isOpen={confirming}
            title="amon.relations.remove"
            content="amon.relations.remove_confirm"
            onConfirm={() => {
              setConfirming(false);
              void send('DELETE', path, undefined, 'amon.relations.removed');
            }}
            onClose={() => setConfirming(false)}
          />
        </>
      )}
    </Stack>
  );
}

/** The follow-up of a contact: open (overdue in colour), or done. */
export function FollowUpChip({ activity }: { activity: Activity }) {
  const t = useTranslate();
  if (!activity.followUpOn) return null;
  if (activity.followUpDoneAt)
    return <Chip size="small" variant="outlined" label={t('amon.relations.follow_up_done', { date: formatDate(activity.followUpOn) })} />;
  const overdue = activity.followUpOn < today();
  return (
    <Chip
      size="small"
      color={overdue ? 'warning' : 'default'}
      label={`${t('amon.relations.follow_up', { date: formatDate(activity.followUpOn) })}${overdue ? ` – ${t('amon.relations.followups.overdue')}` : ''}`}
    />
  );
}

function What({ entry }: { entry: TimelineEntry }) {
  const t = useTranslate();
  switch (entry.type) {
    case 'activity': {
      const a = entry.activity;
      const topics = [...a.topics.map((k) => t(`amon.activity_topics.${k}`)), ...(a.topicsText ? [a.topicsText] : [])];
      return (
        <Box>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {t(`amon.activity_kinds.${a.kind}`)}
            {a.contactPerson ? ` – ${a.contactPerson}` : ''}
          </Typography>
          {topics.length > 0 && <Typography variant="body2">{topics.join(', ')}</Typography>}
          <Typography variant="caption" color="text.secondary">
            {t('amon.relations.by', { email: a.staffEmail })}
          </Typography>
        </Box>
      );
    }
    case 'agreement':
      return (
        <a href={`#/agreements/${entry.agreement.id}/show`}>
          {t('amon.relations.entry.agreement', { smart_count: entry.agreement.places, titles: entry.agreement.occupationTitles.join(', ') })}
        </a>
      );
    case 'invitation':
      return <CampaignTitle id={entry.campaignId} state={entry.state} />;
    case 'need':
      return (
        <a href={`#/needs/${entry.needId}/show`}>
          {t('amon.relations.entry.need', {
            headcount: entry.headcount,
            title: entry.occupationTitle,
            status: t(`amon.relations.need_status.${entry.status}`, { _: entry.status }),
          })}
        </a>
      );
    case 'proposal':
      return (
        <>
          {t('amon.relations.entry.proposal', {
            title: entry.occupationTitle,
            state: t(`amon.vocab.match_states.${entry.state}`, { _: entry.state }),
          })}
        </>
      );
  }
}

function Detail({ entry }: { entry: TimelineEntry }) {
  if (entry.type !== 'activity') return null;
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      {entry.activity.outcome && <Typography variant="body2">{entry.activity.outcome}</Typography>}
      <FollowUpChip activity={entry.activity} />
      <ActivityActions activity={entry.activity} />
    </Stack>
  );
}

const keyOf = (e: TimelineEntry) => {
  switch (e.type) {
    case 'activity':
      return `a-${e.activity.id}`;
    case 'agreement':
      return `g-${e.agreement.id}`;
    case 'invitation':
      return `i-${e.campaignId}`;
    case 'need':
      return `n-${e.needId}`;
    case 'proposal':
      return `p-${e.needId}-${e.date}-${e.state}`;
  }
};

export function CompanyTimeline() {
  const company = useRecordContext<Company>();
  const t = useTranslate();
  if (!company) return null;
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h6" component="h2">
          {t('amon.relations.timeline')}
        </Typography>
        <RecordActivityButton companyId={company.id} />
        <Button size="small" variant="outlined" href={`#/agreements/create?source=${encodeURIComponent(JSON.stringify({ companyId: company.id }))}`}>
          {t('amon.relations.agreements.new_for_company')}
        </Button>
      </Stack>
      <CursorTable<TimelineEntry>
        path={`/api/companies/${company.id}/timeline`}
        params={{ limit: '20' }}
        label={t('amon.relations.timeline_label')}
        empty={t('amon.relations.timeline_empty')}
        rowKey={keyOf}
        rowProps={(e) => ({ 'data-entry': e.type })}
        columns={[
          { header: t('amon.relations.columns.date'), cell: (e) => formatDate(e.date) },
          { header: t('amon.relations.columns.what'), cell: (e) => <What entry={e} /> },
          { header: t('amon.relations.columns.detail'), cell: (e) => <Detail entry={e} /> },
        ]}
      />
    </Stack>
  );
}
