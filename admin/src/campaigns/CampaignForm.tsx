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
  return (
    <>
      <TextInput source={`${source}.de`} label={`${label} (deutsch)`} fullWidth />
      <TextInput source={`${source}.en`} label={`${label} (englisch, optional)`} fullWidth />
    </>
  );
}

/** The settings of one question type; sources are relative to the question (the iterator scopes them). */
function TypeFields({ type }: { type: string }) {
  const s = (f: string) => f;
  switch (type) {
    case 'single':
    case 'multiple':
      return (
        <>
          <ArrayInput source={s('choices')} label="Antwortmöglichkeiten">
            <SimpleFormIterator inline>
              <TextInput source="value" label="Wert (z. B. ja)" helperText={false} />
              <TextInput source="label.de" label="Text (deutsch)" helperText={false} />
              <TextInput source="label.en" label="Text (englisch)" helperText={false} />
            </SimpleFormIterator>
          </ArrayInput>
          {type === 'multiple' && <NumberInput source={s('maxChoices')} label="Höchstens … Antworten (optional)" />}
        </>
      );
    case 'number':
      return (
        <>
          <NumberInput source={s('min')} label="Minimum" defaultValue={0} />
          <NumberInput source={s('max')} label="Maximum" defaultValue={100} />
          <BooleanInput source={s('integer')} label="nur ganze Zahlen" defaultValue />
          <TextInput source={s('unit')} label="Einheit (optional)" />
        </>
      );
    case 'scale':
      return (
        <>
          <TextInput source={s('lowLabel.de')} label="Text bei 1 (optional)" />
          <TextInput source={s('highLabel.de')} label="Text bei 5 (optional)" />
        </>
      );
    case 'text':
      return <NumberInput source={s('maxLength')} label="Höchstlänge (Zeichen)" defaultValue={500} />;
    case 'occupations':
      return (
        <>
          <NumberInput source={s('maxRows')} label="Höchstens … Berufe je Betrieb" defaultValue={5} />
          <Typography variant="body2" color="text.secondary">
            Betriebe wählen Berufe aus der Berufsliste und geben Anzahl, Zeitraum und ihre Bereitschaft an, Geringqualifizierte zu qualifizieren und
            Zugewanderte zu beschäftigen. Die Antworten werden zu Bedarfen für das Matching.
          </Typography>
        </>
      );
    default:
      return null;
  }
}

export function CampaignForm() {
  const record = useRecordContext<{ status?: string }>();
  const frozen = record?.status === 'open' || record?.status === 'closed';
  return (
    <SimpleForm resolver={resolver} defaultValues={{ kind: 'qualificationNeeds', reminderDaysBefore: [7, 2], questions: [] }}>
      <TextInput source="title" fullWidth />
      <SelectInput source="kind" choices={kindChoices} disabled={frozen} />
      <DateInput source="opensOn" />
      <DateInput source="closesOn" />
      <Labels source="intro" label="Einleitung" />
      <TextInput
        source="reminderDaysBefore"
        parse={days}
        format={daysText}
        helperText="Tage vor Ende, an denen Betriebe ohne Antwort erinnert werden, z. B. 7, 2"
      />
      {frozen && <Alert severity="info">Die Fragen sind eingefroren, seit die Umfrage geöffnet wurde.</Alert>}
      {!frozen && (
        <ArrayInput source="questions" label="Fragen">
          <SimpleFormIterator fullWidth>
            <SelectInput source="type" choices={typeChoices} label="Fragetyp" defaultValue="single" />
            <TextInput source="id" label="Fragen-ID (optional)" helperText="wird vergeben, wenn leer; bleibt über Wellen gleich (Wellenvergleich)" />
            <Labels source="label" label="Frage" />
            <BooleanInput source="required" label="Pflichtfrage" defaultValue={false} />
            <FormDataConsumer>{({ scopedFormData }) => <TypeFields type={(scopedFormData as { type?: string } | undefined)?.type ?? ''} />}</FormDataConsumer>
          </SimpleFormIterator>
        </ArrayInput>
      )}
    </SimpleForm>
  );
}
