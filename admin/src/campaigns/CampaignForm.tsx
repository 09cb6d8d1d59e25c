// The campaign form with the question builder: six question types, German and English labels, required flag, ordering.
import {
  ArrayInput,
  BooleanInput,
  DateInput,
  FormDataConsumer,
  NumberInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Alert, Typography } from '@mui/material';
import { CampaignInput } from '#shared/surveys/schema.ts';
import { QUESTION_TYPES, questionFields, type QuestionType } from '#shared/surveys/questions.ts';
import { schemaResolver } from '../data/forms.ts';
import { kindChoices, typeChoices } from './choices.ts';

/**
 * The questions as the builder holds them, made ready for the schema: questions without an id get
 * "q<position>" (or the next free number), and fields left over from another question type (a switch
 * from single choice to number leaves `choices` behind) are dropped. The same in validation and on save.
 */
export function tidyQuestions<T extends Record<string, unknown>>(data: T): T {
  const questions = Array.isArray(data.questions) ? (data.questions as Record<string, unknown>[]) : [];
  const taken = new Set(questions.map((q) => q.id).filter(Boolean));
  let n = 0;
  const next = () => {
    do n += 1;
    while (taken.has(`q${n}`));
    taken.add(`q${n}`);
    return `q${n}`;
  };
  const tidy = (q: Record<string, unknown>) => {
    const fields = QUESTION_TYPES.includes(q.type as QuestionType) ? questionFields(q.type as QuestionType) : Object.keys(q);
    return Object.fromEntries(Object.entries({ ...q, id: q.id || next() }).filter(([k]) => fields.includes(k)));
  };
  return { ...data, questions: questions.map(tidy) };
}

const baseResolver = schemaResolver(CampaignInput);
const resolver: typeof baseResolver = (values, context, options) => baseResolver(tidyQuestions(values), context, options);
const days = (s: unknown) =>
  typeof s === 'string'
    ? s
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map(Number)
    : s;
const daysText = (v: unknown) => (Array.isArray(v) ? v.join(', ') : (v as string));

function Labels({ source, label }: { source: string; label: string }) {
  const t = useTranslate();
  return (
    <>
      <TextInput source={`${source}.de`} label={t('amon.ui.campaigns.in_deutsch', { label })} fullWidth />
      <TextInput source={`${source}.en`} label={t('amon.ui.campaigns.in_englisch', { label })} fullWidth />
    </>
  );
}

/** The settings of one question type; sources are relative to the question (the iterator scopes them). */
function TypeFields({ type }: { type: string }) {
  const t = useTranslate();
  const s = (f: string) => f;
  switch (type) {
    case 'single':
    case 'multiple':
      return (
        <>
          <ArrayInput source={s('choices')} label="amon.ui.campaigns.antwortmoeglichkeiten">
            <SimpleFormIterator inline>
              <TextInput source="value" label="amon.ui.campaigns.wert_z_b_ja" helperText={false} />
              <TextInput source="label.de" label="amon.ui.campaigns.text_deutsch" helperText={false} />
              <TextInput source="label.en" label="amon.ui.campaigns.text_englisch" helperText={false} />
            </SimpleFormIterator>
          </ArrayInput>
          {type === 'multiple' && <NumberInput source={s('maxChoices')} label="amon.ui.campaigns.hoechstens_antworten_optional" />}
        </>
      );
    case 'number':
      return (
        <>
          <NumberInput source={s('min')} label="amon.ui.campaigns.minimum" defaultValue={0} />
          <NumberInput source={s('max')} label="amon.ui.campaigns.maximum" defaultValue={100} />
          <BooleanInput source={s('integer')} label="amon.ui.campaigns.nur_ganze_zahlen" defaultValue />
          <TextInput source={s('unit')} label="amon.ui.campaigns.einheit_optional" />
        </>
      );
    case 'scale':
      return (
        <>
          <TextInput source={s('lowLabel.de')} label="amon.ui.campaigns.text_bei_1_optional" />
          <TextInput source={s('highLabel.de')} label="amon.ui.campaigns.text_bei_5_optional" />
        </>
      );
    case 'text':
      return <NumberInput source={s('maxLength')} label="amon.ui.campaigns.hoechstlaenge_zeichen" defaultValue={500} />;
    case 'occupations':
      return (
        <>
          <NumberInput source={s('maxRows')} label="amon.ui.campaigns.hoechstens_berufe_je_betrieb" defaultValue={5} />
          <Typography variant="body2" color="text.secondary">
            {t('amon.ui.campaigns.betriebe_waehlen_berufe_aus_der')}
          </Typography>
        </>
      );
    default:
      return null;
  }
}

export function CampaignForm() {
  const t = useTranslate();
  const record = useRecordContext<{ status?: string }>();
  const frozen = record?.status === 'open' || record?.status === 'closed';
  return (
    <SimpleForm resolver={resolver} defaultValues={{ kind: 'qualificationNeeds', reminderDaysBefore: [7, 2], questions: [] }}>
      <TextInput source="title" fullWidth />
      <SelectInput source="kind" choices={kindChoices} disabled={frozen} />
      <DateInput source="opensOn" />
      <DateInput source="closesOn" />
      <Labels source="intro" label={t('amon.ui.campaigns.einleitung')} />
      <TextInput source="reminderDaysBefore" parse={days} format={daysText} helperText="amon.ui.campaigns.tage_vor_ende_an_denen_betriebe_ohne" />
      {frozen && <Alert severity="info">{t('amon.ui.campaigns.die_fragen_sind_eingefroren_seit_die')}</Alert>}
      {!frozen && (
        <ArrayInput source="questions" label="amon.ui.campaigns.fragen">
          <SimpleFormIterator fullWidth>
            <SelectInput source="type" choices={typeChoices} label="amon.ui.campaigns.fragetyp" defaultValue="single" />
            <TextInput source="id" label="amon.ui.campaigns.fragen_id_optional" helperText="amon.ui.campaigns.wird_vergeben_wenn_leer_bleibt_ueber" />
            <Labels source="label" label={t('amon.ui.campaigns.frage')} />
            <BooleanInput source="required" label="amon.ui.campaigns.pflichtfrage" defaultValue={false} />
            <FormDataConsumer>{({ scopedFormData }) => <TypeFields type={(scopedFormData as { type?: string } | undefined)?.type ?? ''} />}</FormDataConsumer>
          </SimpleFormIterator>
        </ArrayInput>
      )}
    </SimpleForm>
  );
}
