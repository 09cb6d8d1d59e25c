// The campaigns create form view.
import { Create } from 'react-admin';
import { CampaignForm } from './CampaignForm.tsx';
import { save } from './common.tsx';

export default function CampaignCreate() {
  return (
    <Create transform={save} redirect="show">
      <CampaignForm />
    </Create>
  );
}
