// Dialogs that add and edit a case's children: sessions, modules, funding, the exam and the outcome.
import {
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
  useRecordContext,
  useShowContext,
  type RaRecord,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { Stack } from '@mui/material';
import { ExamInput, ForeignQualificationInput, FundingInput, ModuleInput, OutcomeInput, SessionInput } from '#shared/cases/schema.ts';
import type { CaseView } from '#shared/cases/view-schema.ts';
import {
  admissionChoices,
  documentChoices,
  employmentChoices,
  fundingChoices,
  moduleKindChoices,
  moduleStatusChoices,
  resultChoices,
  sessionKindChoices,
} from './choices.ts';
import { CommandDialog } from './commands.tsx';
import { AgreementPicker } from '../agreements/AgreementPicker.tsx';

type CaseLike = {
  id: string;
  anonymisedAt?: string;
  exam?: Record<string, unknown> & { version: number };
  outcome?: Record<string, unknown> & { version: number };
  recognition?: CaseView['recognition'];
};

/** A row's edit dialog: the same fields as adding, sent as PUT with the row's version. */
export function EditRow({ kind }: { kind: 'sessions' | 'modules' | 'fundings' | 'qualifications' }) {
  const row = useRecordContext<Record<string, unknown> & { id: string; version: number }>();
  const { record: c } = useShowContext<CaseLike>();
  if (!row || !c || c.anonymisedAt) return null;
  const { id: _id, version, createdAt: _c, updatedAt: _u, ...values } = row;
  const path = `/api/cases/${c.id}/${kind}/${row.id}`;
  if (kind === 'sessions') {
    return (
      <CommandDialog label="ra.action.edit" schema={SessionInput} method="PUT" path={path} defaultValues={values} version={version}>
        <SessionFields />
        <BooleanInput source="followUpDone" label="amon.ui.cases.wiedervorlage_erledigt" />
      </CommandDialog>
    );
  }
  if (kind === 'modules') {
    return (
      <CommandDialog label="ra.action.edit" schema={ModuleInput} method="PUT" path={path} defaultValues={values} version={version}>
        <ModuleFields />
      </CommandDialog>
    );
  }
  if (kind === 'qualifications') {
    return (
      <CommandDialog label="ra.action.edit" schema={ForeignQualificationInput} method="PUT" path={path} defaultValues={values} version={version}>
        <QualificationFields />
      </CommandDialog>
    );
  }
  return (
    <CommandDialog label="ra.action.edit" schema={FundingInput} method="PUT" path={path} defaultValues={values} version={version}>
      <FundingFields />
    </CommandDialog>
  );
}

/** A foreign qualification: where and when it was gained, and the documents the person holds. */
export function QualificationFields() {
  return (
    <>
      <TextInput source="country" label="amon.recognition.fields.country" fullWidth />
      <TextInput source="originalTitle" label="amon.recognition.fields.originalTitle" fullWidth />
      <TextInput source="germanTitle" label="amon.recognition.fields.germanTitle" fullWidth />
      <NumberInput source="year" label="amon.recognition.fields.year" />
      <NumberInput source="durationMonths" label="amon.recognition.fields.durationMonths" />
      <CheckboxGroupInput source="documents" label="amon.recognition.fields.documents" choices={documentChoices} row={false} />
    </>
  );
}

function SessionFields() {
  return (
    <>
      <DateInput source="date" label="amon.ui.cases.datum" />
      <SelectInput source="kind" label="amon.ui.cases.art" choices={sessionKindChoices} />
      <NumberInput source="minutes" label="amon.ui.cases.minuten" />
      <TextInput source="notes" label="amon.ui.cases.notizen" multiline fullWidth />
      <TextInput source="nextSteps" label="amon.ui.cases.naechste_schritte" multiline fullWidth />
      <DateInput source="followUp" label="amon.ui.cases.wiedervorlage" />
    </>
  );
}

/** The differences of the case's partial recognition an adaptation module can close. */
function DifferenceChoices() {
  const { record: c } = useShowContext<CaseLike>();
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  const differences = c?.recognition?.decision === 'partial' ? c.recognition.differences : [];
  if (kind !== 'adaptation' || differences.length === 0) return null;
  return (
    <SelectArrayInput
      source="closesDifferences"
      label="amon.recognition.fields.closesDifferences"
      choices={differences.map((d) => ({ id: d.id, name: d.title }))}
      translateChoice={false}
      fullWidth
    />
  );
}

type CatalogueOffer = { id: string; title: string; providerName: string; providerMemberId: string; kind: string; hours: number; startDates: string[] };

/** Picks an offer of the catalogue in the case's occupation group; the module's fields are filled from it and stay editable. */
function OfferPicker() {
  const { record: c } = useShowContext<CaseLike & { targetOccupation?: { code: string } }>();
  const { setValue } = useFormContext();
  const group = c?.targetOccupation?.code.slice(0, 3);
  const fill = (_id: unknown, picked: RaRecord | '') => {
    if (!picked) return;
    const offer = picked as unknown as CatalogueOffer;
    const today = new Date().toISOString().slice(0, 10);
    const start = offer.startDates.find((d) => d >= today) ?? offer.startDates.at(-1);
    setValue('title', offer.title, { shouldDirty: true });
    setValue('kind', offer.kind, { shouldDirty: true });
    setValue('hours', offer.hours, { shouldDirty: true });
    setValue('providerMemberId', offer.providerMemberId, { shouldDirty: true });
    if (start) setValue('startDate', start, { shouldDirty: true });
  };
  return (
    <ReferenceInput source="offerId" reference="offers" filter={group ? { occupation: group } : {}} perPage={100}>
      <AutocompleteInput
        label="amon.recognition.fields.offerId"
        optionText={(o: CatalogueOffer) => `${o.title} · ${o.providerName}`}
        filterToQuery={() => ({})}
        onChange={fill}
        helperText="amon.recognition.fields.offerId_help"
        fullWidth
      />
    </ReferenceInput>
  );
}

export function ModuleFields() {
  return (
    <>
      <OfferPicker />
      <TextInput source="title" label="amon.ui.cases.baustein" fullWidth />
      <SelectInput source="kind" label="amon.recognition.fields.kind" choices={moduleKindChoices} fullWidth />
      <DifferenceChoices />
      <ReferenceInput source="providerMemberId" reference="members" filter={{ kind: 'training_provider' }} perPage={100}>
        <AutocompleteInput optionText="name" label="amon.ui.cases.bildungstraeger_netzwerkpartner" filterToQuery={(q: string) => ({ q })} fullWidth />
      </ReferenceInput>
      <TextInput source="providerName" label="amon.ui.cases.bildungstraeger_falls_nicht_im" fullWidth />
      <TextInput source="venueCompany" label="amon.ui.cases.lernort_betrieb" fullWidth />
      <AgreementPicker />
      <DateInput source="startDate" label="amon.ui.cases.beginn" />
      <DateInput source="endDate" label="amon.ui.cases.ende" />
      <NumberInput source="hours" label="amon.ui.cases.stunden" />
      <SelectInput source="status" label="amon.ui.cases.stand" choices={moduleStatusChoices} />
      <DateInput source="certificateDate" label="amon.ui.cases.zertifikat_am" />
    </>
  );
}

function FundingFields() {
  return (
    <>
      <SelectInput source="source" label="amon.ui.cases.foerderung" choices={fundingChoices} fullWidth />
      <TextInput source="voucherNumber" label="amon.ui.cases.gutscheinnummer" />
      <DateInput source="validFrom" label="amon.ui.cases.gueltig_ab" />
      <DateInput source="validTo" label="amon.ui.cases.gueltig_bis" />
      <NumberInput source="amountEuro" label="amon.ui.cases.betrag_2" />
      <DateInput source="approvedOn" label="amon.ui.cases.bewilligt_am" />
    </>
  );
}

export function ChildButtons({ kind }: { kind: 'sessions' | 'plan' | 'exam' }) {
  const c = useRecordContext<CaseLike>();
  if (!c || c.anonymisedAt) return null;
  const base = `/api/cases/${c.id}`;
  if (kind === 'sessions') {
    return (
      <CommandDialog
        label="amon.actions.add_session"
        schema={SessionInput}
        method="POST"
        path={`${base}/sessions`}
        defaultValues={{ date: new Date().toISOString().slice(0, 10), kind: 'counselling', minutes: 45, followUpDone: false }}
      >
        <SessionFields />
      </CommandDialog>
    );
  }
  if (kind === 'plan') {
    return (
      <Stack direction="row" spacing={1}>
        <CommandDialog
          label="amon.actions.add_module"
          schema={ModuleInput}
          method="POST"
          path={`${base}/modules`}
          defaultValues={{ status: 'planned', hours: 280, kind: 'qualification_module', closesDifferences: [] }}
        >
          <ModuleFields />
        </CommandDialog>
        <CommandDialog
          label="amon.actions.add_funding"
          schema={FundingInput}
          method="POST"
          path={`${base}/fundings`}
          defaultValues={{ source: 'voucher_81_sgb3' }}
        >
          <FundingFields />
        </CommandDialog>
      </Stack>
    );
  }
  return (
    <Stack direction="row" spacing={1}>
      <CommandDialog
        label="amon.actions.save_exam"
        schema={ExamInput}
        method="PUT"
        path={`${base}/exam`}
        defaultValues={c.exam ?? { admission: 'pending', waiverRequested: false }}
        version={c.exam?.version}
      >
        <DateInput source="applicationDate" label="amon.ui.cases.antrag_gestellt_am" />
        <SelectInput source="admission" label="amon.ui.cases.zulassung" choices={admissionChoices} />
        <DateInput source="admissionDate" label="amon.ui.cases.entscheidung_am" />
        <BooleanInput source="waiverRequested" label="amon.ui.cases.ausnahmezulassung_beantragt" />
        <DateInput source="part1Date" label="amon.ui.cases.teil_1_am" />
        <SelectInput source="part1Result" label="amon.ui.cases.ergebnis_teil_1" choices={resultChoices} emptyText="–" />
        <DateInput source="finalDate" label="amon.ui.cases.abschlusspruefung_am" />
        <SelectInput source="finalResult" label="amon.ui.cases.ergebnis_abschlusspruefung" choices={resultChoices} emptyText="–" />
      </CommandDialog>
      <CommandDialog
        label="amon.actions.save_outcome"
        schema={OutcomeInput}
        method="PUT"
        path={`${base}/outcome`}
        defaultValues={c.outcome ?? {}}
        version={c.outcome?.version}
      >
        <DateInput source="qualificationDate" label="amon.ui.cases.abschluss_am" />
        <TextInput source="employer" label="amon.ui.cases.arbeitgeber" fullWidth />
        <DateInput source="employmentStart" label="amon.ui.cases.beschaeftigt_ab" />
        <SelectInput source="employmentKind" label="amon.ui.cases.art_der_beschaeftigung" choices={employmentChoices} emptyText="–" />
      </CommandDialog>
    </Stack>
  );
}
