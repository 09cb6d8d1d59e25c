// The campaigns edit form view.
import { Edit } from 'react-admin';
import { CampaignForm } from './CampaignForm.tsx';
import { save } from './common.tsx';

export default function CampaignEdit() {
  return (
    <Edit transform={save} mutationMode="pessimistic" redirect="show">
      <CampaignForm />
    </Edit>
  );
}
