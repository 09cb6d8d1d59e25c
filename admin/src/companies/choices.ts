// Select choices for companies: WZ sections (their official German titles), size classes, districts, chambers; the
// names of the last three are catalogue texts.
import { WZ_SECTIONS } from '#shared/companies/wz.ts';
import { SIZE_CLASSES } from '#shared/companies/schema.ts';
import { choices } from '../format.ts';

export const sectorChoices = Object.entries(WZ_SECTIONS).map(([id, title]) => ({ id, name: `${id} – ${title}` }));
export const sizeChoices = choices(SIZE_CLASSES, 'amon.vocab.size_classes');
export { districtChoices } from '../cases/choices.ts';
export const chamberChoices = choices(['ihk', 'hwk', 'other'], 'amon.vocab.chambers');
