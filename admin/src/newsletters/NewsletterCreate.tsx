// A new issue: saved as a draft, then edited further (pictures are added once it exists).
import { Create } from 'react-admin';
import { IssueInput } from '#shared/newsletters/schema.ts';
import { toBody } from '../data/forms.ts';
import { NewsletterForm } from './NewsletterForm.tsx';

export default function NewsletterCreate() {
  return (
    <Create redirect="edit" transform={toBody(IssueInput)}>
      <NewsletterForm />
    </Create>
  );
}
