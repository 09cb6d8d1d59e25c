// Choices of company relations: kinds and topics of a contact, and the occupations an agreement can name.
import { ACTIVITY_KINDS, ACTIVITY_TOPICS } from '#shared/relations/schema.ts';
import { OCCUPATION_TITLES } from '#shared/occupations/catalogue.ts';

export const activityKindChoices = ACTIVITY_KINDS.map((id) => ({ id, name: `amon.activity_kinds.${id}` }));
export const activityTopicChoices = ACTIVITY_TOPICS.map((id) => ({ id, name: `amon.activity_topics.${id}` }));
/** The shipped occupations by KldB code (the titles are German names, not catalogue keys). */
export const occupationCodeChoices = [...OCCUPATION_TITLES]
  .map(([id, title]) => ({ id, name: `${title} (${id})` }))
  .sort((a, b) => a.name.localeCompare(b.name, 'de'));

export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
