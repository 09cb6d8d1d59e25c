// An issue's page: its sections, the preview as the e-mail (HTML and text), the test mail to oneself, sending to the
// chosen lists (with the count of addresses first) as a job whose progress shows, and deleting a draft.
import { useEffect, useRef, useState } from 'react';
import { DeleteButton, EditButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  Stack,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import type { Audience, AudienceCount, Issue, Preview } from '#shared/newsletters/schema.ts';
import { useApi, useCommand } from '../data/commands.ts';
import { formatDateTime } from '../format.ts';
import { JobsPanel } from '../jobs/JobsPanel.tsx';
import { districtChoices, sectorChoices } from '../companies/choices.ts';
import { IssueStateChip } from './NewsletterList.tsx';

/**
 * The e-mail's HTML as mail programs show it, in a shadow root: its inline styles stay apart from the admin's, and
 * the page's accessibility checks see it (a sandboxed frame they cannot enter). The HTML is the API's own, escaped;
 * scripts, frames and event-handler attributes are dropped all the same.
 */
function EmailPreview({ html, label }: { html: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    doc.querySelectorAll('script, iframe, object, embed, link, meta, title').forEach((n) => n.remove());
    doc.querySelectorAll('*').forEach((n) => {
      for (const a of [...n.attributes]) if (a.name.startsWith('on')) n.removeAttribute(a.name);
    });
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const body = doc.createElement('div');
    body.setAttribute('style', doc.body.getAttribute('style') ?? '');
    body.append(...doc.body.childNodes);
    root.replaceChildren(body);
  }, [html]);
  return (
    <Box
      ref={host}
      role="region"
      aria-label={label}
      tabIndex={0}
      sx={{ width: '100%', height: '60vh', overflow: 'auto', border: 1, borderColor: 'divider', mt: 1 }}
    />
  );
}

function PreviewDialog({ issue, open, onClose }: { issue: Issue; open: boolean; onClose: () => void }) {
  const t = useTranslate();
  const send = useApi();
  const [tab, setTab] = useState<'html' | 'text'>('html');
  const preview = useQuery({
    queryKey: ['newsletter-preview', issue.id, issue.version],
    enabled: open,
    queryFn: () => send<Preview>('GET', `/api/newsletters/${issue.id}/preview`),
  });
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="preview-title">
      <DialogTitle id="preview-title">{t('amon.newsletters.preview_title')}</DialogTitle>
      <DialogContent>
        {preview.data && (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t('amon.newsletters.subject')}: <strong>{preview.data.subject}</strong>
            </Typography>
            <Tabs value={tab} onChange={(_, v: 'html' | 'text') => setTab(v)} aria-label={t('amon.newsletters.preview_title')}>
              <Tab value="html" label={t('amon.newsletters.preview_html')} />
              <Tab value="text" label={t('amon.newsletters.preview_text')} />
            </Tabs>
            {tab === 'html' ? (
              <EmailPreview html={preview.data.html} label={t('amon.newsletters.preview_html')} />
            ) : (
              <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontSize: 14, p: 2, bgcolor: 'grey.100', mt: 1, maxHeight: '60vh', overflow: 'auto' }}>
                {preview.data.text}
              </Box>
            )}
          </>
        )}
        {preview.isError && <Alert severity="error">{preview.error.message}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

type Choice = { id: string; name: string };

function SendDialog({ issue, open, onClose }: { issue: Issue; open: boolean; onClose: () => void }) {
  const t = useTranslate();
  const send = useApi();
  const command = useCommand();
  const [network, setNetwork] = useState(false);
  const [companies, setCompanies] = useState(false);
  const [subscribers, setSubscribers] = useState(false);
  const [sectors, setSectors] = useState<Choice[]>([]);
  const [districts, setDistricts] = useState<Choice[]>([]);
  const [busy, setBusy] = useState(false);
  const audience: Audience = {
    network,
    subscribers,
    ...(companies ? { companies: { wzSections: sectors.map((s) => s.id), districts: districts.map((d) => d.id) as never } } : {}),
  };
  const chosen = network || companies || subscribers;
  const count = useQuery({
    queryKey: ['newsletter-audience', JSON.stringify(audience)],
    enabled: open && chosen,
    queryFn: () => send<AudienceCount>('POST', '/api/newsletters/audience', audience),
  });
  const n = count.data?.recipients ?? 0;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="send-title">
      <DialogTitle id="send-title">{t('amon.newsletters.send_title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {t('amon.newsletters.send_help')}
        </Typography>
        <FormGroup>
          <FormControlLabel
            control={<Checkbox checked={network} onChange={(e) => setNetwork(e.target.checked)} />}
            label={t('amon.newsletters.lists.network')}
          />
          <FormControlLabel
            control={<Checkbox checked={companies} onChange={(e) => setCompanies(e.target.checked)} />}
            label={t('amon.newsletters.lists.companies')}
          />
          {companies && (
            <Stack spacing={1.5} sx={{ pl: 4, py: 1 }}>
              <Autocomplete
                multiple
                options={sectorChoices}
                getOptionLabel={(o) => o.name}
                value={sectors}
                onChange={(_, v) => setSectors(v)}
                renderInput={(params) => (
                  <TextField {...params} size="small" label={t('amon.newsletters.sectors')} helperText={t('amon.newsletters.all_when_empty')} />
                )}
              />
              <Autocomplete
                multiple
                options={districtChoices}
                getOptionLabel={(o) => t(o.name)}
                value={districts}
                onChange={(_, v) => setDistricts(v)}
                renderInput={(params) => (
                  <TextField {...params} size="small" label={t('amon.newsletters.districts')} helperText={t('amon.newsletters.all_when_empty')} />
                )}
              />
            </Stack>
          )}
          <FormControlLabel
            control={<Checkbox checked={subscribers} onChange={(e) => setSubscribers(e.target.checked)} />}
            label={t('amon.newsletters.lists.subscribers')}
          />
        </FormGroup>
        {chosen && count.data && (
          <Alert severity={n ? 'info' : 'warning'} sx={{ mt: 2 }} role="status">
            {n ? t('amon.newsletters.count', { smart_count: n }) : t('amon.newsletters.count_none')}
            {count.data.optedOut > 0 && ` ${t('amon.newsletters.opted_out', { smart_count: count.data.optedOut })}`}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!chosen || !n || busy}
          onClick={async () => {
            setBusy(true);
            const outcome = await command('POST', `/api/newsletters/${issue.id}/send`, { version: issue.version, audience }, 'amon.newsletters.sending');
            setBusy(false);
            if (outcome.ok) onClose();
          }}
        >
          {n ? t('amon.newsletters.send_to', { smart_count: n }) : t('amon.newsletters.send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function IssueActions() {
  const issue = useRecordContext<Issue>();
  const t = useTranslate();
  const command = useCommand();
  const [dialog, setDialog] = useState<'preview' | 'send' | undefined>();
  if (!issue) return null;
  const draft = issue.state === 'draft';
  return (
    <TopToolbar>
      {draft && <EditButton />}
      <Button size="small" onClick={() => setDialog('preview')}>
        {t('amon.newsletters.preview')}
      </Button>
      <Button size="small" onClick={() => void command('POST', `/api/newsletters/${issue.id}/test-mail`, undefined, 'amon.newsletters.test_sent')}>
        {t('amon.newsletters.test_mail')}
      </Button>
      {draft && (
        <Button size="small" variant="contained" onClick={() => setDialog('send')}>
          {t('amon.newsletters.send')}
        </Button>
      )}
      {draft && (
        <DeleteButton mutationMode="pessimistic" confirmTitle={t('amon.newsletters.delete_title')} confirmContent={t('amon.newsletters.delete_confirm')} />
      )}
      <PreviewDialog issue={issue} open={dialog === 'preview'} onClose={() => setDialog(undefined)} />
      {draft && <SendDialog issue={issue} open={dialog === 'send'} onClose={() => setDialog(undefined)} />}
    </TopToolbar>
  );
}

function IssueDetails() {
  const issue = useRecordContext<Issue>();
  const t = useTranslate();
  if (!issue) return null;
  const lists = issue.audience
    ? [
        issue.audience.network && t('amon.newsletters.lists.network'),
        issue.audience.companies && t('amon.newsletters.lists.companies'),
        issue.audience.subscribers && t('amon.newsletters.lists.subscribers'),
      ].filter(Boolean)
    : [];
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, minWidth: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="overline" component="p">
          {t('amon.newsletters.issue')}
        </Typography>
        <IssueStateChip issue={issue} />
      </Stack>
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {issue.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {issue.sentAt
          ? t('amon.newsletters.sent_on', { date: formatDateTime(issue.sentAt), by: issue.sentBy ?? '', lists: lists.join(', ') })
          : t('amon.newsletters.draft_by', { date: formatDateTime(issue.updatedAt), by: issue.createdBy })}
        {issue.recipients !== undefined && ` · ${t('amon.newsletters.recipients', { smart_count: issue.recipients })}`}
      </Typography>
      <JobsPanel subject={{ type: 'newsletter', id: issue.id }} />
      <Card variant="outlined" sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="body1" sx={{ whiteSpace: 'pre-line', mb: 2 }}>
            {issue.intro}
          </Typography>
          {issue.sections.map((s, n) => (
            <Box key={n} component="section" sx={{ mt: 2 }}>
              <Typography variant="h6" component="h2">
                {s.heading}
              </Typography>
              {s.picture && (
                <Box component="img" src={`/medien/${s.picture.key}`} alt={s.picture.alt} sx={{ maxWidth: '100%', width: 480, my: 1, borderRadius: 1 }} />
              )}
              <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
                {s.body}
              </Typography>
              {s.links.length > 0 && (
                <ul>
                  {s.links.map((l, i) => (
                    <li key={i}>
                      <Typography variant="body2" component="span">
                        {l.label} – {l.url}
                      </Typography>
                    </li>
                  ))}
                </ul>
              )}
            </Box>
          ))}
          {!issue.sections.length && (
            <Typography variant="body2" color="text.secondary">
              {t('amon.newsletters.no_sections')}
            </Typography>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}

export default function NewsletterShow() {
  return (
    <Show actions={<IssueActions />}>
      <IssueDetails />
    </Show>
  );
}
