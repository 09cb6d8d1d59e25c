// Select choices for members, from the shared enums.
import { DISTRICTS } from '#shared/regions.ts';
import { MEMBER_KINDS, NETWORKS } from '#shared/members/schema.ts';
import { choices } from '../format.ts';

export const kindChoices = choices(MEMBER_KINDS, 'amon.kinds');
export const districtChoices = choices(DISTRICTS, 'amon.districts');
export const networkChoices = choices(NETWORKS, 'amon.networks');
