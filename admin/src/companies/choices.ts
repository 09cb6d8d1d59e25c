// Select choices for companies: WZ sections, size classes, districts, chambers.
import { WZ_SECTIONS } from '#shared/companies/wz.ts';
import { SIZE_CLASSES } from '#shared/companies/schema.ts';
import { DISTRICTS, DISTRICT_LABELS } from '#shared/regions.ts';

export const sectorChoices = Object.entries(WZ_SECTIONS).map(([id, title]) => ({ id, name: `${id} – ${title}` }));
export const sizeChoices = SIZE_CLASSES.map((id) => ({ id, name: `${id} Beschäftigte` }));
export const districtChoices = DISTRICTS.map((id) => ({ id, name: DISTRICT_LABELS[id] }));
export const chamberChoices = [
  { id: 'ihk', name: 'IHK' },
  { id: 'hwk', name: 'HWK' },
  { id: 'other', name: 'andere' },
];
