// Test data builders: a valid record with sensible defaults, changed only where a test cares.
import type { CaseInput } from '#shared/cases/schema.ts';
import type { CompanyInput } from '#shared/companies/schema.ts';
import type { MemberInput } from '#shared/members/schema.ts';
import type { CampaignInput } from '#shared/surveys/schema.ts';
import type { Question } from '#shared/surveys/questions.ts';

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

/** A case with consent to every scope and a target occupation, ready to move through the lifecycle and matching. */
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
      workExperience: [{ occupationCode: '51311', months: 40, weeklyHours: 30, abroad: false }],
      registration: 'job_centre',
      drivingLicence: true,
      car: false,
      districtsReachable: ['rostock_city', 'landkreis_rostock'],
      hoursAvailable: 30,
      ...participant,
    },
    consent: { givenOn: '2026-10-01', scope: ['counselling', 'share_with_partners', 'job_placement'] },
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

/** One question of every type, the occupation table among them. */
export function allQuestionTypes(): Question[] {
  return [
    {
      id: 'qtraining',
      type: 'single',
      required: true,
      label: { de: 'Bilden Sie aus?', en: 'Do you train apprentices?' },
      choices: [
        { value: 'yes', label: { de: 'Ja', en: 'Yes' } },
        { value: 'no', label: { de: 'Nein', en: 'No' } },
      ],
    },
    {
      id: 'qchannels',
      type: 'multiple',
      required: false,
      label: { de: 'Wie suchen Sie Personal?' },
      choices: [
        { value: 'agency', label: { de: 'Arbeitsagentur' } },
        { value: 'web', label: { de: 'Internet' } },
        { value: 'network', label: { de: 'Kontakte' } },
      ],
    },
    { id: 'qstaff', type: 'number', required: true, label: { de: 'Wie viele Beschäftigte haben Sie?' }, min: 1, max: 5000, integer: true },
    { id: 'qoutlook', type: 'scale', required: false, label: { de: 'Wie schätzen Sie Ihre Lage ein?' } },
    { id: 'qnotes', type: 'text', required: false, label: { de: 'Anmerkungen' }, maxLength: 500 },
    { id: 'qneeds', type: 'occupations', required: false, label: { de: 'Welche Fachkräfte brauchen Sie?' }, maxRows: 5 },
  ];
}

/** A qualification-needs campaign running from yesterday to a month ahead (Berlin dates). */
export function aCampaign(overrides: Partial<CampaignInput> = {}): CampaignInput {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    title: 'Fachkräftebedarf Testwelle',
    kind: 'qualificationNeeds',
    opensOn: day(-1),
    closesOn: day(30),
    reminderDaysBefore: [7, 2],
    intro: { de: 'Ihre Antworten helfen uns, Qualifizierungen zu planen.' },
    questions: allQuestionTypes(),
    ...overrides,
  };
}
