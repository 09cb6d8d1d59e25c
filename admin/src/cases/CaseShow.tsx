// One case: the person, the programme with exam eligibility, sessions, plan and funding, exam and outcome, history, audit and privacy.
import {
  ArrayField,
  BooleanField,
  Datagrid,
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Alert, Box, Chip, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import { Children, type ReactElement, type ReactNode } from 'react';
import { DATE, DATE_TIME } from '../format.ts';
import {
  admissionChoices,
  cefrChoices,
  districtChoices,
  employmentChoices,
  fundingChoices,
  genderChoices,
  migrationChoices,
  moduleKindChoices,
  moduleStatusChoices,
  registrationChoices,
  resultChoices,
  sessionKindChoices,
  statusChoices,
} from './choices.ts';
import { MoveButtons } from './commands.tsx';
import { CaseAudit, PrivacyActions } from './CasePrivacy.tsx';
import { ChildButtons, EditRow } from './ChildDialogs.tsx';
import { CaseMatching } from '../matching/CaseMatching.tsx';
import { RecognitionTab } from './RecognitionTab.tsx';
import type { CaseView } from '#shared/cases/view-schema.ts';

type CaseRecord = CaseView;

function Title() {
  const c = useRecordContext<CaseRecord>();
  return <span>{c?.participant ? `${c.number} · ${c.participant.lastName}, ${c.participant.firstName}` : (c?.number ?? '')}</span>;
}

function Header() {
  const c = useRecordContext<CaseRecord>();
  const t = useTranslate();
  if (!c) return null;
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6">{`${c.participant.firstName} ${c.participant.lastName}`}</Typography>
        <Chip label={t(`amon.case_status.${c.status}`)} color="primary" />
        {c.anonymisedAt && <Chip label={t('amon.ui.cases.anonymisiert')} />}
      </Stack>
      {!c.anonymisedAt && <MoveButtons />}
    </Box>
  );
}

function EligibilityBox() {
  const c = useRecordContext<CaseRecord>();
  const t = useTranslate();
  if (!c) return null;
  const e = c.eligibility;
  const severity = e.state === 'eligible' ? 'success' : e.state === 'no_target' ? 'info' : 'warning';
  return (
    <Alert severity={severity} sx={{ my: 1 }}>
      <strong>{t('amon.eligibility.title')}</strong>
      <br />
      {e.state === 'no_target'
        ? t('amon.eligibility.no_target')
        : `${t('amon.eligibility.counted', { counted: e.monthsCounted.toLocaleString('de-DE'), required: e.monthsRequired })} – ${t(`amon.eligibility.${e.state}`, { months: e.monthsMissing.toLocaleString('de-DE') })}`}
      {e.monthsAbroad > 0 && (
        <>
          <br />
          {t('amon.eligibility.abroad', { months: e.monthsAbroad.toLocaleString('de-DE') })}
        </>
      )}
      {e.eligibleOn && e.state !== 'eligible' && (
        <>
          <br />
          {t('amon.eligibility.eligible_on', { date: new Date(e.eligibleOn).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' }) })}
        </>
      )}
    </Alert>
  );
}

function BonusBox() {
  const c = useRecordContext<CaseRecord>();
  const t = useTranslate();
  if (!c || (!c.bonuses.intermediateDue && !c.bonuses.finalDue)) return null;
  return (
    <Alert severity="info" sx={{ my: 1 }}>
      <strong>{t('amon.bonuses.title')}</strong>
      {c.bonuses.intermediateDue && <div>{t('amon.bonuses.intermediate')}</div>}
      {c.bonuses.finalDue && <div>{t('amon.bonuses.final')}</div>}
    </Alert>
  );
}

/**
 * The case page once the whole case is read. Opening a case from the list first hands the page the list's row (react-admin
 * fills the record cache from the list), which has the number and name but no participant, plan or eligibility.
 */
function WhenFull({ children }: { children: ReactNode }) {
  const c = useRecordContext<CaseRecord>();
  const t = useTranslate();
  if (!c?.participant) return <LinearProgress aria-label={t('amon.table.loading')} sx={{ m: 2 }} />;
  return <>{children}</>;
}

/** A group of the Person tab: a heading and its fields side by side in a grid (three columns wide, one on a phone). */
function PersonGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      <Grid container spacing={2}>
        {Children.map(children, (field) => (
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Labeled>{field as ReactElement}</Labeled>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}

export default function CaseShow() {
  const t = useTranslate();
  const { permissions } = usePermissions<string[]>();
  return (
    <Show
      title={<Title />}
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <WhenFull>
        <Header />
        <TabbedShowLayout>
          <TabbedShowLayout.Tab label={t('resources.cases.tabs.person')}>
            <PersonGroup title={t('resources.cases.person_groups.contact')}>
              <TextField source="number" />
              <TextField source="participant.formerNumber" emptyText="–" />
              <DateField source="participant.birthDate" emptyText="–" {...DATE} />
              <SelectField source="participant.gender" choices={genderChoices} />
              <TextField source="participant.email" emptyText="–" />
              <TextField source="participant.phone" emptyText="–" />
              <FunctionField
                source="participant.postcode"
                render={(c: { participant: { postcode?: string; city?: string } }) =>
                  [c.participant.postcode, c.participant.city].filter(Boolean).join(' ') || '–'
                }
              />
              <SelectField source="participant.district" choices={districtChoices} emptyText="–" />
            </PersonGroup>
            <PersonGroup title={t('resources.cases.person_groups.background')}>
              <SelectField source="participant.migrationBackground" choices={migrationChoices} />
              <SelectField source="participant.germanLevel" choices={cefrChoices} emptyText="–" />
            </PersonGroup>
            <PersonGroup title={t('resources.cases.person_groups.work')}>
              <SelectField source="participant.registration" choices={registrationChoices} />
              <BooleanField source="participant.drivingLicence" />
              <BooleanField source="participant.car" />
              <FunctionField
                source="participant.districtsReachable"
                render={(c: { participant: { districtsReachable?: string[] } }) =>
                  c.participant.districtsReachable?.length ? c.participant.districtsReachable.map((d) => t(`amon.districts.${d}`)).join(', ') : '–'
                }
              />
              <NumberField source="participant.hoursAvailable" emptyText="–" />
            </PersonGroup>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label={t('resources.cases.tabs.programme')} path="programm">
            <TextField source="targetOccupation.title" label="resources.cases.fields.targetOccupation" emptyText="–" />
            <FunctionField
              label="amon.ui.cases.kldb_kammer"
              render={(c: CaseRecord) =>
                c.targetOccupation
                  ? `${c.targetOccupation.code} · ${c.targetOccupation.competentBody ?? c.targetOccupation.chamber.toUpperCase()} · ${c.targetOccupation.months} Monate`
                  : '–'
              }
            />
            <EligibilityBox />
            <DateField source="consent.givenOn" emptyText="–" {...DATE} />
            <DateField source="consent.withdrawnOn" emptyText="–" {...DATE} />
            <ArrayField source="participant.workExperience" label="resources.cases.fields.participant.workExperience">
              <Datagrid bulkActionButtons={false} rowClick={false}>
                <TextField source="occupationCode" label="amon.ui.cases.kldb" />
                <TextField source="description" label="amon.ui.cases.taetigkeit" emptyText="–" />
                <NumberField source="months" label="amon.ui.cases.monate" />
                <NumberField source="weeklyHours" label="amon.ui.cases.wochenstunden" />
                <BooleanField source="abroad" label="resources.cases.fields.participant.workExperience_abroad" />
              </Datagrid>
            </ArrayField>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label={t('resources.cases.tabs.sessions')} path="beratung">
            <ChildButtons kind="sessions" />
            <ArrayField source="sessions" label={false}>
              <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography variant="body2">–</Typography>}>
                <DateField source="date" label="amon.ui.cases.datum" {...DATE} />
                <SelectField source="kind" label="amon.ui.cases.art" choices={sessionKindChoices} />
                <NumberField source="minutes" label="amon.ui.cases.minuten" />
                <TextField source="notes" label="amon.ui.cases.notizen" emptyText="–" />
                <TextField source="nextSteps" label="amon.ui.cases.naechste_schritte" emptyText="–" />
                <DateField source="followUp" label="amon.ui.cases.wiedervorlage" emptyText="–" {...DATE} />
                <BooleanField source="followUpDone" label="amon.ui.cases.erledigt" />
                <EditRow kind="sessions" />
              </Datagrid>
            </ArrayField>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label={t('resources.cases.tabs.plan')} path="plan">
            <ChildButtons kind="plan" />
            <Labeled label="amon.ui.cases.qualifizierungsbausteine">
              <ArrayField source="modules">
                <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography variant="body2">–</Typography>}>
                  <TextField source="title" label="amon.ui.cases.baustein" />
                  <SelectField source="kind" label="amon.recognition.fields.kind" choices={moduleKindChoices} />
                  <FunctionField
                    label="amon.ui.cases.bildungstraeger"
                    render={(m: { providerMemberId?: string; providerName?: string }) =>
                      m.providerMemberId ? <ReferenceField source="providerMemberId" reference="members" link="show" /> : (m.providerName ?? '–')
                    }
                  />
                  <ReferenceField source="offerId" reference="offers" label="amon.recognition.fields.offerId" link={false} emptyText="–" />
                  <ReferenceField source="measureId" reference="measures" label="amon.measures.module_of" link="show" emptyText="–" />
                  <NumberField source="hours" label="amon.ui.cases.stunden" />
                  <SelectField source="status" label="amon.ui.cases.stand" choices={moduleStatusChoices} />
                  <DateField source="certificateDate" label="amon.ui.cases.zertifikat" emptyText="–" {...DATE} />
                  <EditRow kind="modules" />
                </Datagrid>
              </ArrayField>
            </Labeled>
            <Labeled label="amon.ui.cases.foerderung">
              <ArrayField source="fundings">
                <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography variant="body2">–</Typography>}>
                  <SelectField source="source" label="amon.ui.cases.quelle" choices={fundingChoices} />
                  <NumberField
                    source="amountEuro"
                    label="amon.ui.cases.betrag"
                    options={{ style: 'currency', currency: 'EUR' }}
                    locales="de-DE"
                    emptyText="–"
                  />
                  <DateField source="approvedOn" label="amon.ui.cases.bewilligt" emptyText="–" {...DATE} />
                  <EditRow kind="fundings" />
                </Datagrid>
              </ArrayField>
            </Labeled>
            <BonusBox />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label={t('amon.recognition.tab')} path="anerkennung">
            <RecognitionTab />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label={t('resources.cases.tabs.exam')} path="pruefung">
            <ChildButtons kind="exam" />
            <DateField source="exam.applicationDate" label="amon.ui.cases.antrag" emptyText="–" {...DATE} />
            <SelectField source="exam.admission" label="amon.ui.cases.zulassung" choices={admissionChoices} emptyText="–" />
            <SelectField source="exam.part1Result" label="amon.ui.cases.teil_1" choices={resultChoices} emptyText="–" />
            <DateField source="exam.finalDate" label="amon.ui.cases.abschlusspruefung" emptyText="–" {...DATE} />
            <SelectField source="exam.finalResult" label="amon.ui.cases.ergebnis" choices={resultChoices} emptyText="–" />
            <DateField source="outcome.employmentStart" label="amon.ui.cases.beschaeftigt_ab" emptyText="–" {...DATE} />
            <SelectField source="outcome.employmentKind" label="amon.ui.cases.beschaeftigung" choices={employmentChoices} emptyText="–" />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label={t('resources.cases.tabs.history')} path="verlauf">
            <ArrayField source="history" label={false}>
              <Datagrid bulkActionButtons={false} rowClick={false}>
                <DateField source="at" label="amon.ui.cases.zeitpunkt" showTime {...DATE_TIME} />
                <SelectField source="from" label="amon.ui.cases.von" choices={statusChoices} emptyText="–" />
                <SelectField source="to" label="amon.ui.cases.nach" choices={statusChoices} />
                <TextField source="reason" label="amon.ui.cases.grund" emptyText="–" />
              </Datagrid>
            </ArrayField>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label={t('resources.cases.tabs.matching')} path="vermittlung">
            <CaseMatching />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label={t('resources.cases.tabs.privacy')} path="datenschutz">
            <PrivacyActions />
            {permissions?.includes('admin') && <CaseAudit />}
          </TabbedShowLayout.Tab>
        </TabbedShowLayout>
      </WhenFull>
    </Show>
  );
}
