// What consent allows: without recorded consent only the inquiry's minimal data may be stored.
import { Invalid } from '../errors.ts';
import { INQUIRY_FIELDS, type CaseInput, type Consent } from './schema.ts';

/** Values the schema fills in by default: they carry no information about the person. */
const EMPTY: Record<string, unknown> = {
  gender: 'not_stated',
  migrationBackground: 'not_stated',
  registration: 'none',
  drivingLicence: false,
  car: false,
};

export const consentGiven = (c: Consent) => Boolean(c.givenOn) && !c.withdrawnOn;

export function assertAllowedWithoutConsent(input: Pick<CaseInput, 'participant' | 'consent' | 'targetOccupationId'>): void {
  if (consentGiven(input.consent)) return;
  const fields = Object.entries(input.participant)
    .filter(([key]) => !(INQUIRY_FIELDS as readonly string[]).includes(key))
    .filter(([key, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0) && EMPTY[key] !== value)
    .map(([key]) => ({ path: `participant.${key}`, message: 'ohne Einwilligung nicht erlaubt' }));
  if (input.targetOccupationId) fields.push({ path: 'targetOccupationId', message: 'ohne Einwilligung nicht erlaubt' });
  if (fields.length) {
    throw new Invalid(fields, 'Ohne Einwilligung dürfen nur Name und Kontakt der Anfrage gespeichert werden.');
  }
}
