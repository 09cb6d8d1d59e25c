// Member exports that open cleanly in Excel: CSV with BOM, semicolons and CRLF, and a real XLSX workbook.
import type { Exporter, RaRecord } from 'react-admin';
import type { Member } from '#shared/members/schema.ts';
import { DISTRICT_LABELS } from '#shared/regions.ts';
import { appGerman } from '../i18n/app-de.ts';
import { downloadBlob, toCsv, toXlsx, type Column } from '../data/spreadsheet.ts';

const yesNo = (v: boolean) => (v ? 'ja' : 'nein');
const labels = appGerman.resources.members.fields;

const COLUMNS: Column<Member>[] = [
  { header: labels.name, value: (m) => m.name },
  { header: labels.kind, value: (m) => appGerman.amon.kinds[m.kind] },
  { header: labels.address.street, value: (m) => m.address.street ?? '' },
  { header: labels.address.postcode, value: (m) => m.address.postcode ?? '' },
  { header: labels.address.city, value: (m) => m.address.city ?? '' },
  { header: labels.district, value: (m) => (m.district ? DISTRICT_LABELS[m.district] : '') },
  { header: labels.steeringCommittee, value: (m) => yesNo(m.steeringCommittee) },
  { header: labels.networks, value: (m) => m.networks.map((n) => appGerman.amon.networks[n]).join(', ') },
  { header: labels.digestSubscribed, value: (m) => yesNo(m.digestSubscribed) },
  { header: labels.digestSince, value: (m) => (m.digestSince ? new Date(`${m.digestSince.slice(0, 10)}T00:00:00Z`) : undefined) },
  { header: 'Kontakt', value: (m) => m.contacts.map((c) => c.name).join(', ') },
  {
    header: 'E-Mail',
    value: (m) =>
      m.contacts
        .map((c) => c.email ?? '')
        .filter(Boolean)
        .join(', '),
  },
  {
    header: 'Telefon',
    value: (m) =>
      m.contacts
        .map((c) => c.phone ?? '')
        .filter(Boolean)
        .join(', '),
  },
  { header: labels.notes, value: (m) => m.notes ?? '' },
];

const stamp = () => new Date().toISOString().slice(0, 10);

export const membersCsv: Exporter = (records: RaRecord[]) => downloadBlob(toCsv(records as unknown as Member[], COLUMNS), `netzwerkpartner-${stamp()}.csv`);

export const membersXlsx: Exporter = async (records: RaRecord[]) =>
  downloadBlob(await toXlsx(records as unknown as Member[], COLUMNS, 'Netzwerkpartner'), `netzwerkpartner-${stamp()}.xlsx`);
