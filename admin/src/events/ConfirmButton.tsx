// A button that asks before it acts (cancelling a registration, calling an event off).
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { Button } from '@mui/material';

export function ConfirmButton(o: {
  label: string;
  ariaLabel?: string;
  title: string;
  content: string;
  onConfirm: () => Promise<void>;
  variant?: 'text' | 'outlined';
}) {
  const t = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button size="small" color="warning" variant={o.variant ?? 'text'} onClick={() => setOpen(true)} aria-label={o.ariaLabel ?? o.label}>
        {o.label}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={o.title}
        content={o.content}
        confirm={o.label}
        cancel={t('amon.events.no_cancel')}
        onConfirm={async () => {
          setBusy(true);
          await o.onConfirm();
          setBusy(false);
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
