// Case commands outside plain CRUD: moves, children, consent (sent through the shared command hook).
import type { CaseView } from '#shared/cases/view-schema.ts';
import { useState, type ReactNode } from 'react';
import { Form, SaveButton, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Tooltip } from '@mui/material';
import type * as z from 'zod/mini';
import { clean, pick, schemaResolver } from '../data/forms.ts';
import { useCommand } from '../data/commands.ts';
import { statusName } from '#shared/cases/lifecycle.ts';
import { CASE_STATUSES, type CaseStatus } from '#shared/cases/schema.ts';

type Move = CaseView['moves'][number];

const SIDE: readonly CaseStatus[] = ['paused', 'dropped', 'referred'];

/** How a move reads: on along the path ("Weiter"), back along it ("Zurück"), off it, or back onto it after a pause. */
function moveLabel(from: CaseStatus, to: CaseStatus): string {
  if (SIDE.includes(to)) return 'amon.actions.move_side';
  if (SIDE.includes(from)) return 'amon.actions.move_resume';
  return CASE_STATUSES.indexOf(to) < CASE_STATUSES.indexOf(from) ? 'amon.actions.move_back' : 'amon.actions.move_to';
}

/** The statuses the case may move to; a refused one shows why. */
export function MoveButtons() {
  const record = useRecordContext<RaRecord & { moves: Move[]; version: number; status: CaseStatus }>();
  const send = useCommand();
  const t = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', my: 1 }}>
      {record.moves.map((m) => (
        <Tooltip key={m.to} title={m.reason ?? ''}>
          <span>
            <Button
              variant={
                moveLabel(record.status, m.to) === 'amon.actions.move_to' || moveLabel(record.status, m.to) === 'amon.actions.move_resume'
                  ? 'contained'
                  : 'outlined'
              }
              size="small"
              disabled={!m.allowed}
              onClick={() => send('POST', `/api/cases/${record.id}/moves`, { to: m.to, version: record.version }, 'amon.actions.moved')}
            >
              {t(moveLabel(record.status, m.to), { status: t(`amon.case_status.${m.to}`, { _: statusName(m.to) }) })}
            </Button>
          </span>
        </Tooltip>
      ))}
    </Stack>
  );
}

/** A dialog with a form validated by a shared schema, sent as one command. */
export function CommandDialog(props: {
  label: string;
  schema: z.ZodMiniObject;
  method: string;
  path: string;
  defaultValues?: Record<string, unknown>;
  version?: number;
  /** Shapes the form's values before they are validated and sent (an empty optional group left out). */
  prepare?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** The success message (a catalogue key); the general "saved" when absent. */
  done?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const send = useCommand();
  const t = useTranslate();
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        {t(props.label)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-label={t(props.label)}>
        <Form
          // The dialog edits its own values, not the case shown around it.
          record={props.defaultValues ?? {}}
          resolver={schemaResolver(props.schema, props.prepare)}
          defaultValues={props.defaultValues}
          onSubmit={async (values: Record<string, unknown>) => {
            const prepared = props.prepare ? props.prepare(values) : values;
            const body = { ...clean(pick(props.schema, prepared)), ...(props.version ? { version: props.version } : {}) };
            const outcome = await send(props.method, props.path, body, props.done);
            if (outcome.ok) setOpen(false);
            // The fields the server refused show at their inputs (react-admin sets errors the submit returns).
            else return outcome.fields;
          }}
        >
          <DialogTitle>{t(props.label)}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('ra.action.cancel')}</Button>
            <SaveButton alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
