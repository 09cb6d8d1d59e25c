// Test data builders: a valid record with sensible defaults, changed only where a test cares.
import type { CaseInput } from '#shared/cases/schema.ts';
import type { CompanyInput } from '#shared/companies/schema.ts';
import type { MemberInput } from '#shared/members/schema.ts';

let n = 0;

export function aMember(overrides: Partial<MemberInput> = {}): MemberInput {
  n += 1;
  return {
    name: `Bildungswerk Nord ${n}`,
    kind: 'training_provider',
    address: { street: 'Hafenstraße 1', postcode: '18055', city: 'Rostock' },
    district: 'rostock_city',
    contacts: [{ name: 'Anna Schulz', role: 'Leitung', email: `anna${n}@example.org`, receivesDigest: true }],
    steeringCommittee: false,
    networks: ['regional'],
    digestSubscribed: false,
    ...overrides,
  };
}

let c = 0;

/** A case with consent and a target occupation, ready to move through the lifecycle. */
export function aCase(overrides: Omit<Partial<CaseInput>, 'participant'> & { participant?: Partial<CaseInput['participant']> } = {}): CaseInput {
  c += 1;
  const { participant, ...rest } = overrides;
  return {
    participant: {
      firstName: 'Olena',
      lastName: `Kovalenko${c}`,
      birthDate: '1988-04-12',
      gender: 'female',
      email: `olena${c}@example.org`,
      postcode: '18055',
      district: 'rostock_city',
      migrationBackground: 'yes',
      languages: [{ language: 'Ukrainisch', level: 'native' }],
      germanLevel: 'B1',
      workExperience: [{ occupationCode: '51311', months: 40, weeklyHours: 30 }],
      registration: 'job_centre',
      drivingLicence: true,
      car: false,
      districtsReachable: ['rostock_city', 'landkreis_rostock'],
      hoursAvailable: 30,
      ...participant,
    },
    consent: { givenOn: '2026-10-01', scope: ['counselling'] },
    targetOccupationId: '51312-fachkraft-fuer-lagerlogistik',
    ...rest,
  };
}

/** Only the inquiry's minimal data, no consent. */
export function anInquiry(): CaseInput {
  c += 1;
  return {
    participant: {
      firstName: 'Ahmad',
      lastName: `Haddad${c}`,
      phone: '+49 381 1234',
      gender: 'not_stated',
      migrationBackground: 'not_stated',
      languages: [],
      workExperience: [],
      registration: 'none',
      drivingLicence: false,
      car: false,
      districtsReachable: [],
    },
    consent: { scope: [] },
  };
}

let k = 0;

/** A company in Rostock's logistics sector unless a test says otherwise. */
export function aCompany(overrides: Partial<CompanyInput> = {}): CompanyInput {
  k += 1;
  return {
    name: `Hanse Logistik ${k} GmbH`,
    wzSection: 'H',
    sizeClass: '10-49',
    district: 'rostock_city',
    postcode: '18147',
    city: 'Rostock',
    contactPerson: 'Bernd Schulze',
    email: `kontakt${k}@hanse-logistik.example`,
    chamber: 'ihk',
    ...overrides,
  };
}
