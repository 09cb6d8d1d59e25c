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

/** Consent to the casework: given, not withdrawn, and with the `counselling` scope that the casework rests on. */
export const consentGiven = (c: Consent) => Boolean(c.givenOn) && !c.withdrawnOn && c.scope.includes('counselling');

/**
 * Whether the consent currently covers a scope: given, not withdrawn, and the scope named.
 * - `counselling`: the casework itself.
 * - `job_placement`: ranking the person for company needs, showing them as a candidate, proposing them to a company.
 * - `share_with_partners`: naming the person to a network partner (a training provider running a plan module, the
 *   chamber for the external exam application). Reports and digests carry aggregates only and need no scope.
 */
export type ConsentScope = Consent['scope'][number];
export const consentCovers = (c: Consent, scope: ConsentScope) => Boolean(c.givenOn) && !c.withdrawnOn && c.scope.includes(scope);

/** Refuses a step that hands the person's data to a network partner without the `share_with_partners` scope. */
export function assertMayShareWithPartners(c: Consent, path: string, what: string): void {
  if (consentCovers(c, 'share_with_partners')) return;
  throw new Invalid(
    [{ path, message: 'ohne Einwilligung zur Weitergabe an Partner nicht erlaubt' }],
    `${what} gibt Daten der Person an einen Netzwerkpartner weiter: dafür fehlt die Einwilligung „Weitergabe an Partner“.`,
  );
}

export function assertAllowedWithoutConsent(input: Pick<CaseInput, 'participant' | 'consent' | 'targetOccupationId'>): void {
  if (consentGiven(input.consent)) return;
  const fields = Object.entries(input.participant)
    .filter(([key]) => !(INQUIRY_FIELDS as readonly string[]).includes(key))
    .filter(([key, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0) && EMPTY[key] !== value)
    .map(([key]) => ({ path: `participant.${key}`, message: 'ohne Einwilligung nicht erlaubt' }));
  if (input.targetOccupationId) fields.push({ path: 'targetOccupationId', message: 'ohne Einwilligung nicht erlaubt' });
  if (fields.length) {
    throw new Invalid(fields, 'Ohne Einwilligung in die Beratung (Datum und Umfang „Beratung“) dürfen nur Name und Kontakt der Anfrage gespeichert werden.');
  }
}
