// The companies list view.
import {
  CreateButton,
  Datagrid,
  ExportButton,
  List,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
  type Exporter,
  type RaRecord,
  useTranslate,
} from 'react-admin';
import { Button } from '@mui/material';
import UploadIcon from '@mui/icons-material/Upload';
import { type Company } from '#shared/companies/schema.ts';
import { COMPANY_COLUMNS } from '#shared/companies/import-columns.ts';
import { downloadBlob, toCsv, toXlsx, type Column } from '../data/spreadsheet.ts';
import { districtChoices, sectorChoices, sizeChoices } from './choices.ts';
import { canEdit } from '../auth/permissions.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';
import { NameSearch } from '../data/NameSearch.tsx';

/** The export writes the columns the import reads back (shared/companies/import-columns.ts). */
const COLUMNS: Column<Company>[] = COMPANY_COLUMNS;
const stamp = () => new Date().toISOString().slice(0, 10);
const csv: Exporter = (r: RaRecord[]) => downloadBlob(toCsv(r as unknown as Company[], COLUMNS), `betriebe-${stamp()}.csv`);
const xlsx: Exporter = async (r: RaRecord[]) => downloadBlob(await toXlsx(r as unknown as Company[], COLUMNS, 'Betriebe'), `betriebe-${stamp()}.xlsx`);

const filters = [
  <NameSearch key="q" source="q" alwaysOn />,
  <SelectInput key="s" source="wzSection" choices={sectorChoices} alwaysOn />,
  <SelectInput key="d" source="district" choices={districtChoices} alwaysOn />,
  <SelectInput key="g" source="sizeClass" choices={sizeChoices} alwaysOn />,
];

function Actions() {
  const t = useTranslate();
  const { permissions } = usePermissions<string[]>();
  const editable = canEdit(permissions);
  return (
    <TopToolbar>
      {editable && <CreateButton />}
      {editable && (
        <Button href="#/betriebe-import" size="small" startIcon={<UploadIcon />}>
          {t('amon.ui.companies.import')}
        </Button>
      )}
      <ExportButton exporter={csv} label="amon.ui.companies.csv" maxResults={5000} />
      <ExportButton exporter={xlsx} label="amon.ui.companies.excel" maxResults={5000} />
    </TopToolbar>
  );
}

export default function CompanyList() {
  return (
    <List
      filters={filters}
      actions={<Actions />}
      perPage={25}
      pagination={<CursorPagination rowsPerPageOptions={[25, 50, 100]} />}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <SelectField source="wzSection" choices={sectorChoices} sortable={false} />
        <SelectField source="sizeClass" choices={sizeChoices} sortable={false} />
        <SelectField source="district" choices={districtChoices} sortable={false} />
        <TextField source="city" sortable={false} emptyText="–" />
      </Datagrid>
    </List>
  );
}
