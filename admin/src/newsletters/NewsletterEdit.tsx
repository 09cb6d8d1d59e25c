// Editing a draft issue (with its version): text, sections, pictures and links.
import { Edit } from 'react-admin';
import { IssueInput } from '#shared/newsletters/schema.ts';
import { toBody } from '../data/forms.ts';
import { NewsletterForm } from './NewsletterForm.tsx';

export default function NewsletterEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={toBody(IssueInput)}>
      <NewsletterForm />
    </Edit>
  );
}
