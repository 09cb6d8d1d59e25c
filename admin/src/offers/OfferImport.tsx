// Import a training provider's list of offers from CSV or Excel: choose the provider, a dry run with a report per row,
// then all or nothing, as a job.
import { useState } from 'react';
import { useGetList, useRedirect, useTranslate } from 'react-admin';
import { Alert, Button, MenuItem, TextField } from '@mui/material';
import { OFFER_COLUMNS, rowToOffer } from '#shared/offers/import-columns.ts';
import { SpreadsheetImport } from '../data/SpreadsheetImport.tsx';

export default function OfferImport() {
  const redirect = useRedirect();
  const t = useTranslate();
  const [provider, setProvider] = useState('');
  const { data: providers = [], error } = useGetList<{ id: string; name: string }>('members', {
    filter: { kind: 'training_provider' },
    pagination: { page: 1, perPage: 100 },
  });
  return (
    <SpreadsheetImport
      title={t('amon.import.offers.title')}
      help={t('amon.import.offers.help', { columns: OFFER_COLUMNS.map(([header]) => header).join(', ') })}
      endpoint="/api/offers/import"
      subjectType="offer-import"
      mapRow={rowToOffer}
      body={provider ? { providerMemberId: provider } : undefined}
      importing={(n) => t('amon.jobs.importing_offers', { smart_count: n })}
      back={<Button onClick={() => redirect('list', 'offers')}>{t('amon.jobs.to_offers')}</Button>}
    >
      {error ? <Alert severity="error">{error.message}</Alert> : null}
      <TextField
        select
        label={t('amon.import.offers.provider')}
        helperText={provider ? undefined : t('amon.import.offers.provider_first')}
        value={provider}
        onChange={(e) => setProvider(e.target.value)}
        sx={{ minWidth: 360 }}
      >
        {providers.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.name}
          </MenuItem>
        ))}
      </TextField>
    </SpreadsheetImport>
  );
}
