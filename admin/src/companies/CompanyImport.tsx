// Import companies from CSV or Excel: a dry run with a report per row, then all or nothing, as a job.
import { useRedirect, useTranslate } from 'react-admin';
import { Button } from '@mui/material';
import { COMPANY_COLUMNS, rowToCompany } from '#shared/companies/import-columns.ts';
import { SpreadsheetImport } from '../data/SpreadsheetImport.tsx';

export default function CompanyImport() {
  const redirect = useRedirect();
  const t = useTranslate();
  return (
    <SpreadsheetImport
      title={t('amon.import.companies.title')}
      help={t('amon.import.companies.help', { columns: COMPANY_COLUMNS.map((c) => c.header).join(', ') })}
      endpoint="/api/companies/import"
      subjectType="company-import"
      mapRow={rowToCompany}
      body={{}}
      importing={(n) => t('amon.jobs.importing', { smart_count: n })}
      back={<Button onClick={() => redirect('list', 'companies')}>{t('amon.jobs.to_companies')}</Button>}
    />
  );
}
