// Select choices for offers, from the shared enums.
import { OFFER_FORMATS } from '#shared/offers/schema.ts';
import { choices } from '../format.ts';

export const formatChoices = choices(OFFER_FORMATS, 'amon.offers.formats');
export { moduleKindChoices as offerKindChoices, districtChoices } from '../cases/choices.ts';
