// The invitations of a campaign with their states; staff remind or withdraw single ones. Never shows a token.
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { Button, MenuItem, Stack, TextField as MuiTextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import type { Campaign, Invitation } from '#shared/surveys/schema.ts';
import { formatDateTime } from '../format.ts';
import { stateChoices } from './choices.ts';
import { useCommand } from '../data/commands.ts';
import { CursorTable } from '../data/CursorTable.tsx';

export function InvitationsPanel() {
  const t = useTranslate();
  const c = useRecordContext<Campaign>();
  const command = useCommand();
  const queryClient = useQueryClient();
  const [state, setState] = useState('');
  if (!c) return null;
  const path = `/api/campaigns/${c.id}/invitations`;
  const act = async (method: string, target: string, body: unknown, done: string) => {
    await command(method, target, body, () => done);
    await queryClient.invalidateQueries({ queryKey: ['cursor-list', path] });
  };
  return (
    <Stack spacing={1}>
      <MuiTextField select label={t('amon.ui.campaigns.status')} value={state} onChange={(e) => setState(e.target.value)} size="small" sx={{ maxWidth: 240 }}>
        <MenuItem value="">{t('amon.ui.campaigns.alle')}</MenuItem>
        {stateChoices.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {t(s.name)}
          </MenuItem>
        ))}
      </MuiTextField>
      <CursorTable<Invitation>
        path={path}
        params={{ limit: '100', ...(state ? { state } : {}) }}
        reloadOn={[c.version, c.counts.submitted]}
        label={t('amon.ui.campaigns.einladungen')}
        empty={t('amon.ui.campaigns.noch_keine_einladungen')}
        rowKey={(i) => i.companyId}
        columns={[
          { header: t('amon.ui.campaigns.betrieb'), cell: (i) => <a href={`#/companies/${i.companyId}/show`}>{i.companyName}</a> },
          { header: t('amon.ui.campaigns.e_mail'), cell: (i) => i.email },
          {
            header: t('amon.ui.campaigns.status'),
            cell: (i) => `${t(`amon.vocab.invitation_states.${i.state}`)}${i.version > 1 ? ` (Version ${i.version})` : ''}`,
          },
          { header: t('amon.ui.campaigns.versendet'), cell: (i) => (i.sentAt ? formatDateTime(i.sentAt) : '–') },
          {
            header: t('amon.ui.campaigns.erinnert'),
            cell: (i) => (i.remindedAt.length ? `${i.remindedAt.length}×, zuletzt ${formatDateTime(i.remindedAt.at(-1)!)}` : '–'),
          },
          { header: t('amon.ui.campaigns.beantwortet'), cell: (i) => (i.submittedAt ? formatDateTime(i.submittedAt) : '–') },
          {
            header: t('amon.ui.campaigns.aktionen'),
            cell: (i) => (
              <>
                {c.status === 'open' && ['sent', 'opened', 'draft'].includes(i.state) && (
                  <Button
                    size="small"
                    onClick={() => void act('POST', `/api/campaigns/${c.id}/reminders`, { companyIds: [i.companyId] }, `${i.companyName} erinnert`)}
                  >
                    {t('amon.ui.campaigns.erinnern')}
                  </Button>
                )}
                {c.status !== 'closed' && i.state !== 'submitted' && (
                  <Button
                    size="small"
                    color="error"
                    onClick={() => void act('DELETE', `/api/campaigns/${c.id}/invitations/${i.companyId}`, undefined, 'Einladung zurückgezogen')}
                  >
                    {t('amon.ui.campaigns.zurueckziehen')}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
    </Stack>
  );
}
