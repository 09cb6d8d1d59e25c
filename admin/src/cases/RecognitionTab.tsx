// The case's recognition of a foreign qualification (BQFG): the qualifications held, the procedure at the competent
// body with its deadline, and each substantial difference of a partial decision with the adaptation that closes it.
import {
  ArrayField,
  ArrayInput,
  AutocompleteInput,
  ChipField,
  Datagrid,
  DateInput,
  FunctionField,
  NumberField,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { ReactNode } from 'react';
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ForeignQualificationInput, ModuleInput, RecognitionInput } from '#shared/cases/schema.ts';
import type { CaseView } from '#shared/cases/view-schema.ts';
import { withoutEmptyGroup } from '../data/forms.ts';
import { formatDate } from '../format.ts';
import { appealOutcomeChoices, decisionChoices } from './choices.ts';
import { CommandDialog } from './commands.tsx';
import { EditRow, ModuleFields, QualificationFields } from './ChildDialogs.tsx';

type Recognition = NonNullable<CaseView['recognition']>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ my: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function RecognitionFields() {
  return (
    <>
      <ReferenceInput source="referenceOccupationId" reference="occupations" perPage={100}>
        <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} label="amon.recognition.fields.referenceOccupationId" fullWidth />
      </ReferenceInput>
      <TextInput source="competentBody" label="amon.recognition.fields.competentBody" helperText="amon.recognition.fields.competentBody_help" fullWidth />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <DateInput source="appliedOn" label="amon.recognition.fields.appliedOn" />
        <DateInput source="fileCompleteOn" label="amon.recognition.fields.fileCompleteOn" />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <SelectInput source="decision" label="amon.recognition.fields.decision" choices={decisionChoices} />
        <DateInput source="decidedOn" label="amon.recognition.fields.decidedOn" />
      </Stack>
      <ArrayInput source="differences" label="amon.recognition.fields.differences">
        <SimpleFormIterator fullWidth>
          <TextInput source="title" label="amon.recognition.fields.difference_title" fullWidth helperText={false} />
          <TextInput source="description" label="amon.recognition.fields.difference_description" fullWidth multiline helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <DateInput source="appeal.filedOn" label="amon.recognition.fields.appeal_filedOn" />
        <SelectInput source="appeal.outcome" label="amon.recognition.fields.appeal_outcome" choices={appealOutcomeChoices} emptyText="–" />
        <DateInput source="appeal.decidedOn" label="amon.recognition.fields.appeal_decidedOn" />
      </Stack>
    </>
  );
}

/** What the procedure dialog starts from: the stored procedure as input again (ids of differences kept). */
function procedureValues(r: Recognition | undefined, c: CaseView) {
  if (!r) return { referenceOccupationId: c.targetOccupation?.id, decision: 'pending', differences: [] };
  return {
    referenceOccupationId: r.referenceOccupation.id,
    competentBody: r.competentBody,
    appliedOn: r.appliedOn,
    fileCompleteOn: r.fileCompleteOn,
    decidedOn: r.decidedOn,
    decision: r.decision,
    differences: r.differences.map(({ id, title, description }) => ({ id, title, ...(description ? { description } : {}) })),
    ...(r.appeal ? { appeal: r.appeal } : {}),
  };
}

function Deadline({ r }: { r: Recognition }) {
  const t = useTranslate();
  if (!r.decisionDue || r.decision !== 'pending') return null;
  return (
    <Alert severity={r.overdue ? 'warning' : 'info'} sx={{ my: 1 }}>
      {t(r.overdue ? 'amon.recognition.overdue' : 'amon.recognition.decision_due', { date: formatDate(r.decisionDue) })}
    </Alert>
  );
}

function Differences({ c, r }: { c: CaseView; r: Recognition }) {
  const t = useTranslate();
  if (r.decision !== 'partial') return null;
  const moduleTitle = (id: string) => c.modules.find((m) => m.id === id)?.title ?? id;
  const open = r.openDifferences.length;
  return (
    <Section title={t('amon.recognition.differences')}>
      <Alert severity={open ? 'warning' : 'success'} sx={{ mb: 1 }}>
        {open ? t('amon.recognition.open_count', { smart_count: open }) : t('amon.recognition.all_closed')}
      </Alert>
      <Table size="small" aria-label={t('amon.recognition.differences')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('amon.recognition.fields.difference_title')}</TableCell>
            <TableCell>{t('amon.recognition.fields.difference_description')}</TableCell>
            <TableCell>{t('amon.recognition.fields.difference_state')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {r.differences.map((d) => (
            <TableRow key={d.id}>
              <TableCell>{d.title}</TableCell>
              <TableCell>{d.description ?? '–'}</TableCell>
              <TableCell>
                {d.open && d.inProgressBy.length > 0 ? (
                  <Chip
                    size="small"
                    color="info"
                    label={t('amon.recognition.difference_in_progress', { modules: d.inProgressBy.map(moduleTitle).join(', ') })}
                  />
                ) : d.open ? (
                  <Chip size="small" color="warning" label={t('amon.recognition.difference_open')} />
                ) : (
                  <Chip size="small" color="success" label={t('amon.recognition.difference_closed', { modules: d.closedBy.map(moduleTitle).join(', ') })} />
                )}
              </TableCell>
              <TableCell>
                {d.open && !c.anonymisedAt && (
                  <CommandDialog
                    label="amon.recognition.plan_adaptation"
                    schema={ModuleInput}
                    method="POST"
                    path={`/api/cases/${c.id}/modules`}
                    defaultValues={{
                      title: t('amon.recognition.adaptation_title', { title: d.title }).slice(0, 200),
                      kind: 'adaptation',
                      hours: 80,
                      status: 'planned',
                      closesDifferences: [d.id],
                    }}
                  >
                    <ModuleFields />
                  </CommandDialog>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

function Procedure() {
  const c = useRecordContext<CaseView>();
  const t = useTranslate();
  if (!c) return null;
  const r = c.recognition;
  const dialog = !c.anonymisedAt && (
    <CommandDialog
      label={r ? 'amon.recognition.save_procedure' : 'amon.recognition.start_procedure'}
      schema={RecognitionInput}
      method="PUT"
      path={`/api/cases/${c.id}/recognition`}
      defaultValues={procedureValues(r, c)}
      version={r?.version}
      prepare={(values) => withoutEmptyGroup(values, 'appeal')}
    >
      <RecognitionFields />
    </CommandDialog>
  );
  if (!r) {
    return (
      <Section title={t('amon.recognition.procedure')}>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {t('amon.recognition.no_procedure')}
        </Typography>
        {dialog}
      </Section>
    );
  }
  const rows: [string, string][] = [
    ['referenceOccupation', `${r.referenceOccupation.title} (${r.referenceOccupation.code})`],
    ['competentBody', r.competentBody],
    ['appliedOn', r.appliedOn ? formatDate(r.appliedOn) : '–'],
    ['fileCompleteOn', r.fileCompleteOn ? formatDate(r.fileCompleteOn) : '–'],
    ['decision', t(`amon.recognition.decisions.${r.decision}`)],
    ['decidedOn', r.decidedOn ? formatDate(r.decidedOn) : '–'],
    ...(r.appeal
      ? ([
          ['appeal_filedOn', formatDate(r.appeal.filedOn)],
          ['appeal_outcome', t(`amon.recognition.appeal_outcomes.${r.appeal.outcome}`)],
        ] as [string, string][])
      : []),
  ];
  return (
    <Section title={t('amon.recognition.procedure')}>
      {dialog}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 3, rowGap: 0.5, my: 1 }}>
        {rows.map(([key, value]) => (
          <Box key={key} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
              {t(`amon.recognition.fields.${key}`)}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0 }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      <Deadline r={r} />
      <Differences c={c} r={r} />
    </Section>
  );
}

export function RecognitionTab() {
  const c = useRecordContext<CaseView>();
  const t = useTranslate();
  if (!c) return null;
  return (
    <>
      <Section title={t('amon.recognition.qualifications')}>
        {!c.anonymisedAt && (
          <CommandDialog
            label="amon.recognition.add_qualification"
            schema={ForeignQualificationInput}
            method="POST"
            path={`/api/cases/${c.id}/qualifications`}
            defaultValues={{ documents: [] }}
          >
            <QualificationFields />
          </CommandDialog>
        )}
        <ArrayField source="qualifications" label={false}>
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography variant="body2">{t('amon.recognition.no_qualifications')}</Typography>}>
            <TextField source="country" label="amon.recognition.fields.country" emptyText="–" />
            <TextField source="originalTitle" label="amon.recognition.fields.originalTitle" emptyText="–" />
            <TextField source="germanTitle" label="amon.recognition.fields.germanTitle" emptyText="–" />
            <NumberField source="year" label="amon.recognition.fields.year" options={{ useGrouping: false }} emptyText="–" />
            <NumberField source="durationMonths" label="amon.recognition.fields.durationMonths" />
            <FunctionField
              label="amon.recognition.fields.documents"
              render={(q: { documents?: string[] }) =>
                q.documents?.length ? (
                  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                    {q.documents.map((d) => (
                      <ChipField key={d} record={{ id: d, name: t(`amon.recognition.documents.${d}`) }} source="name" size="small" />
                    ))}
                  </Stack>
                ) : (
                  '–'
                )
              }
            />
            <EditRow kind="qualifications" />
          </Datagrid>
        </ArrayField>
      </Section>
      <Procedure />
    </>
  );
}
