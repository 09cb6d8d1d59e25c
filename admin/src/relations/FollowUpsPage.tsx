// "Meine Wiedervorlagen (Betriebe)": the signed-in staff member's open follow-ups with companies, soonest first;
// only those due by today, or every open one.
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Box, Card, CardContent, FormControlLabel, Switch, Typography } from '@mui/material';
import type { Activity } from '#shared/relations/schema.ts';
import { CursorTable } from '../data/CursorTable.tsx';
import { formatDate } from '../format.ts';
import { ActivityActions, FollowUpChip } from './CompanyTimeline.tsx';
import { today } from './choices.ts';

export default function FollowUpsPage() {
  const t = useTranslate();
  const [dueOnly, setDueOnly] = useState(false);
  return (
    <Box sx={{ p: { xs: 1, md: 2 } }}>
      <Title title={t('amon.relations.followups.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('amon.relations.followups.title')}
          </Typography>
          <FormControlLabel
            control={<Switch checked={dueOnly} onChange={(e) => setDueOnly(e.target.checked)} />}
            label={t('amon.relations.followups.due_only')}
          />
          <CursorTable<Activity>
            path="/api/company-followups"
            params={{ limit: '25', ...(dueOnly ? { dueBy: today() } : {}) }}
            label={t('amon.relations.followups.label')}
            empty={t('amon.relations.followups.empty')}
            rowKey={(a) => a.id}
            rowProps={(a) => ({ 'data-activity': a.id })}
            columns={[
              { header: t('amon.relations.columns.follow_up'), cell: (a) => <FollowUpChip activity={a} /> },
              { header: t('amon.relations.columns.company'), cell: (a) => <a href={`#/companies/${a.companyId}/show`}>{a.companyName}</a> },
              {
                header: t('amon.relations.columns.kind'),
                cell: (a) => `${t(`amon.activity_kinds.${a.kind}`)} ${t('amon.relations.on_date', { date: formatDate(a.date) })}`,
              },
              { header: t('resources.activities.fields.outcome'), cell: (a) => a.outcome ?? '–' },
              { header: t('amon.relations.columns.actions'), cell: (a) => <ActivityActions activity={a} withEdit={false} /> },
            ]}
          />
        </CardContent>
      </Card>
    </Box>
  );
}
