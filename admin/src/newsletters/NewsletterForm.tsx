// The issue form of create and edit: title, introduction and up to eight sections, each with an optional picture
// (uploaded to the site's /medien/, with its description for screen readers) and links, typed or taken from the
// upcoming events and the offer catalogue. Validated with the shared schema.
import { useRef, useState } from 'react';
import {
  ArrayInput,
  SaveButton,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useNotify,
  useRecordContext,
  useSourceContext,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { Event } from '#shared/events/schema.ts';
import { IssueInput, PICTURE_MAX_BYTES, PICTURE_TYPES, type Issue, type Link } from '#shared/newsletters/schema.ts';
import type { Offer } from '#shared/offers/schema.ts';
import { useApi } from '../data/commands.ts';
import { schemaResolver } from '../data/forms.ts';

const resolver = schemaResolver(IssueInput);
const PICTURE_ACCEPT = Object.keys(PICTURE_TYPES).join(',');

/** The file's bytes as base64, for the JSON upload. */
const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** A section's picture: upload (on a saved issue), preview, description, remove. */
function PictureInput({ issue }: { issue: Issue | undefined }) {
  const t = useTranslate();
  const notify = useNotify();
  const send = useApi();
  const { getSource } = useSourceContext();
  const { setValue } = useFormContext();
  const picture = useWatch({ name: getSource('picture') }) as { key: string; alt: string } | undefined;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  if (!issue?.id)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('amon.newsletters.picture_after_save')}
      </Typography>
    );

  async function upload(file: File) {
    if (file.size > PICTURE_MAX_BYTES) return notify('amon.newsletters.picture_too_large', { type: 'error' });
    setBusy(true);
    try {
      const uploaded = await send<{ key: string; url: string }>('POST', `/api/newsletters/${issue!.id}/pictures`, {
        contentType: file.type,
        data: await base64Of(file),
      });
      setValue(getSource('picture'), { key: uploaded.key, alt: picture?.alt ?? '' }, { shouldDirty: true });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box sx={{ width: '100%' }}>
      <input
        ref={input}
        type="file"
        accept={PICTURE_ACCEPT}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
      {picture?.key ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
          <Box
            component="img"
            src={`/medien/${picture.key}`}
            alt={picture.alt || t('amon.newsletters.picture_preview')}
            sx={{ width: 160, maxHeight: 120, objectFit: 'cover', borderRadius: 1 }}
          />
          <Box sx={{ flex: 1 }}>
            <TextInput source="picture.alt" label="resources.newsletters.fields.alt" fullWidth helperText="resources.newsletters.help.alt" />
            <Stack direction="row" spacing={1}>
              <Button size="small" disabled={busy} onClick={() => input.current?.click()}>
                {t('amon.newsletters.picture_replace')}
              </Button>
              <Button size="small" color="warning" onClick={() => setValue(getSource('picture'), undefined, { shouldDirty: true })}>
                {t('amon.newsletters.picture_remove')}
              </Button>
            </Stack>
          </Box>
        </Stack>
      ) : (
        <Button size="small" variant="outlined" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? t('amon.newsletters.picture_uploading') : t('amon.newsletters.picture_add')}
        </Button>
      )}
    </Box>
  );
}

/** Adds a link to an upcoming event or an offer of the catalogue to the section's links. */
function ProductLinks() {
  const t = useTranslate();
  const send = useApi();
  const { getSource } = useSourceContext();
  const { setValue, getValues } = useFormContext();
  const events = useQuery({
    queryKey: ['newsletter-link-events'],
    queryFn: () => send<{ items: Event[] }>('GET', '/api/events?when=upcoming&limit=50'),
  });
  const offers = useQuery({
    queryKey: ['newsletter-link-offers'],
    queryFn: () => send<{ items: Offer[] }>('GET', '/api/offers?limit=50'),
  });
  const add = (link: Link) => {
    const links = (getValues(getSource('links')) as Link[] | undefined) ?? [];
    setValue(getSource('links'), [...links, link], { shouldDirty: true });
  };
  const publicEvents = (events.data?.items ?? []).filter((e) => e.published && e.audience === 'public' && !e.cancelledAt);
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ my: 1, width: '100%' }}>
      <TextField
        select
        size="small"
        label={t('amon.newsletters.link_event')}
        value=""
        sx={{ minWidth: 260 }}
        onChange={(e) => {
          const ev = publicEvents.find((x) => x.id === e.target.value);
          if (ev) add({ label: ev.title, url: `/veranstaltungen/?id=${ev.id}`, ref: { type: 'event', id: ev.id } });
        }}
      >
        {publicEvents.length ? (
          publicEvents.map((ev) => (
            <MenuItem key={ev.id} value={ev.id}>
              {ev.title}
            </MenuItem>
          ))
        ) : (
          <MenuItem value="" disabled>
            {t('amon.newsletters.link_none')}
          </MenuItem>
        )}
      </TextField>
      <TextField
        select
        size="small"
        label={t('amon.newsletters.link_offer')}
        value=""
        sx={{ minWidth: 260 }}
        onChange={(e) => {
          const offer = offers.data?.items.find((x) => x.id === e.target.value);
          if (offer) add({ label: offer.title, url: `/katalog/?beruf=${offer.occupationCode}`, ref: { type: 'offer', id: offer.id } });
        }}
      >
        {offers.data?.items.length ? (
          offers.data.items.map((o) => (
            <MenuItem key={o.id} value={o.id}>
              {o.title} ({o.providerName})
            </MenuItem>
          ))
        ) : (
          <MenuItem value="" disabled>
            {t('amon.newsletters.link_none')}
          </MenuItem>
        )}
      </TextField>
    </Stack>
  );
}

export function NewsletterForm() {
  const t = useTranslate();
  // The issue itself (inside the sections' iterator the record is a section); undefined while it is being created.
  const issue = useRecordContext<Issue>();
  return (
    // Saving only: a draft is deleted on its page, where the confirmation says what goes with it.
    <SimpleForm
      resolver={resolver}
      defaultValues={{ sections: [] }}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <TextInput source="title" fullWidth />
      <TextInput source="intro" multiline minRows={4} fullWidth helperText="resources.newsletters.help.intro" />
      <Alert severity="info" sx={{ mb: 2 }}>
        {t('amon.newsletters.form_hint')}
      </Alert>
      <ArrayInput source="sections" label="resources.newsletters.fields.sections">
        <SimpleFormIterator fullWidth disableReordering={false}>
          <TextInput source="heading" label="resources.newsletters.fields.heading" fullWidth />
          <TextInput source="body" label="resources.newsletters.fields.body" multiline minRows={4} fullWidth helperText="resources.newsletters.help.body" />
          <PictureInput issue={issue} />
          <ArrayInput source="links" label="resources.newsletters.fields.links">
            <SimpleFormIterator inline>
              <TextInput source="label" label="resources.newsletters.fields.label" />
              <TextInput source="url" label="resources.newsletters.fields.url" helperText="resources.newsletters.help.url" />
            </SimpleFormIterator>
          </ArrayInput>
          <ProductLinks />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}
