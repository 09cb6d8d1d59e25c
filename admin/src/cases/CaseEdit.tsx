// Change a case's person and programme data (with version; the server refuses a stale one).
import { Edit } from 'react-admin';
import { CaseInput } from '#shared/cases/schema.ts';
import { toBody } from '../data/forms.ts';
import { CaseForm } from './CaseForm.tsx';

export default function CaseEdit() {
  return (
    <Edit
      transform={toBody(CaseInput)}
      mutationMode="pessimistic"
      redirect="show"
      queryOptions={{
        select: (c: Record<string, unknown>) => ({ ...c, targetOccupationId: (c.targetOccupation as { id?: string } | undefined)?.id }) as never,
      }}
    >
      <CaseForm />
    </Edit>
  );
}
