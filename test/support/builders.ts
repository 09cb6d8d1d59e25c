// Test data builders: a valid record with sensible defaults, changed only where a test cares.
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
