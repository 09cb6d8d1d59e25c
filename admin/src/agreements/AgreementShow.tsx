// An agreement's page: what was agreed, and who uses it (group measures, and how many modules of qualification plans).
import {
  DateField,
  EditButton,
  FunctionField,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { List as MuiList, ListItem, Stack, Typography } from '@mui/material';
import type { AgreementView } from '#shared/relations/schema.ts';
import { DATE_TIME, formatDate } from '../format.ts';
import { AgreementState } from './AgreementList.tsx';

const DATE = { locales: 'de-DE', options: { timeZone: 'UTC' } } as const;

function UsedBy() {
  const a = useRecordContext<AgreementView>();
  const t = useTranslate();
  // Right after saving, the record is the saved agreement until the view with its use is read.
  if (!a?.measures) return null;
  return (
    <Stack spacing={1}>
      <Typography variant="h6" component="h2">
        {t('amon.relations.agreements.used_by')}
      </Typography>
      <Typography variant="subtitle2" component="h3">
        {t('amon.relations.agreements.measures')}
      </Typography>
      {a.measures.length ? (
        <MuiList dense>
          {a.measures.map((m) => (
            <ListItem key={m.id} disableGutters>
              <a href={`#/measures/${m.id}/show`}>{m.title}</a>&nbsp;({formatDate(m.startDate)} – {formatDate(m.endDate)})
            </ListItem>
          ))}
        </MuiList>
      ) : (
        <Typography variant="body2">{t('amon.relations.agreements.no_measures')}</Typography>
      )}
      <Typography variant="subtitle2" component="h3">
        {t('amon.relations.agreements.modules')}
      </Typography>
      <Typography variant="body2" data-testid="modules-using">
        {a.modulesUsing === '<3'
          ? t('amon.relations.agreements.modules_hidden')
          : t('amon.relations.agreements.modules_count', { smart_count: a.modulesUsing })}
      </Typography>
    </Stack>
  );
}

export default function AgreementShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <ReferenceField source="companyId" reference="companies" link="show">
          <TextField source="name" />
        </ReferenceField>
        <FunctionField
          source="occupationTitles"
          render={(a: AgreementView) => a.occupationTitles.map((title, i) => `${title} (${a.occupationCodes[i]})`).join(', ')}
        />
        <NumberField source="places" />
        <DateField source="startsOn" {...DATE} />
        <DateField source="endsOn" emptyText="–" {...DATE} />
        <FunctionField source="state" render={(a: AgreementView) => <AgreementState agreement={a} />} />
        <TextField source="contactPerson" emptyText="–" />
        <TextField source="notes" emptyText="–" />
        <DateField source="updatedAt" showTime {...DATE_TIME} />
        <UsedBy />
      </SimpleShowLayout>
    </Show>
  );
}
