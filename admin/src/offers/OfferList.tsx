// The offer catalogue: current offers by occupation (5 digits or the 3-digit group), district and start.
import {
  ExportButton,
  BooleanField,
  DateInput,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
  useTranslate,
  type Exporter,
  type RaRecord,
} from 'react-admin';
import UploadIcon from '@mui/icons-material/Upload';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { Button } from '@mui/material';
import { offerToRow, OFFER_COLUMNS } from '#shared/offers/import-columns.ts';
import type { Offer } from '#shared/offers/schema.ts';
import { downloadBlob, toCsv, toXlsx, type Column } from '../data/spreadsheet.ts';
import { canEdit } from '../auth/permissions.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';
import { formatDate } from '../format.ts';
import { districtChoices, formatChoices, offerKindChoices } from './choices.ts';

const filters = [
  <TextInput key="occupation" source="occupation" label="resources.offers.filters.occupation" alwaysOn />,
  <SelectInput key="district" source="district" label="resources.offers.fields.district" choices={districtChoices} alwaysOn />,
  <DateInput key="startsFrom" source="startsFrom" label="resources.offers.filters.startsFrom" alwaysOn />,
];

/** The export writes the columns the import reads (a provider's list can be exported, corrected and imported). */
const COLUMNS: Column<Offer>[] = OFFER_COLUMNS.map(([header]) => ({ header, value: (o) => offerToRow(o)[header] ?? '' }));
const stamp = () => new Date().toISOString().slice(0, 10);
const csv: Exporter = (r: RaRecord[]) => downloadBlob(toCsv(r as unknown as Offer[], COLUMNS), `angebote-${stamp()}.csv`);
const xlsx: Exporter = async (r: RaRecord[]) => downloadBlob(await toXlsx(r as unknown as Offer[], COLUMNS, 'Angebote'), `angebote-${stamp()}.xlsx`);

function Actions() {
  const { permissions } = usePermissions<string[]>();
  const t = useTranslate();
  const editable = canEdit(permissions);
  return (
    <TopToolbar>
      {editable && <CreateButton />}
      <Button href="#/bedarf-angebot" size="small" startIcon={<CompareArrowsIcon />}>
        {t('amon.offers.demand')}
      </Button>
      {editable && (
        <Button href="#/angebote-import" size="small" startIcon={<UploadIcon />}>
          {t('amon.offers.import')}
        </Button>
      )}
      <ExportButton exporter={csv} label="amon.export_csv" maxResults={2000} />
      <ExportButton exporter={xlsx} label="amon.export_xlsx" maxResults={2000} />
    </TopToolbar>
  );
}

export default function OfferList() {
  const { permissions } = usePermissions<string[]>();
  return (
    <List pagination={<CursorPagination />} filters={filters} actions={<Actions />} perPage={25} sort={{ field: 'lastStart', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false} rowClick={canEdit(permissions) ? 'edit' : false}>
        <TextField source="title" sortable={false} />
        <TextField source="providerName" sortable={false} />
        <FunctionField
          source="occupationCode"
          sortable={false}
          render={(o: { occupationCode: string; occupationTitle?: string }) =>
            o.occupationTitle ? `${o.occupationTitle} (${o.occupationCode})` : o.occupationCode
          }
        />
        <SelectField source="kind" choices={offerKindChoices} sortable={false} />
        <NumberField source="hours" sortable={false} />
        <SelectField source="format" choices={formatChoices} sortable={false} />
        <FunctionField source="startDates" sortable={false} render={(o: { startDates: string[] }) => o.startDates.map(formatDate).join(', ')} />
        <SelectField source="district" choices={districtChoices} sortable={false} />
        <BooleanField source="azav" sortable={false} />
      </Datagrid>
    </List>
  );
}
