// How close two occupations are by their KldB 2010 codes: the same 5-digit code is best, then the same 4-digit
// occupational group, then the same 3-digit one. The 5th digit is the skill level (2 = skilled worker).

export type OccupationFit = 'same' | 'group4' | 'group3' | 'none';

export const OCCUPATION_POINTS: Record<OccupationFit, number> = { same: 50, group4: 35, group3: 20, none: 0 };

export function occupationFit(personCode: string, needCode: string): OccupationFit {
  if (personCode === needCode) return 'same';
  if (personCode.slice(0, 4) === needCode.slice(0, 4)) return 'group4';
  if (personCode.slice(0, 3) === needCode.slice(0, 3)) return 'group3';
  return 'none';
}

/** The skill level a KldB code names: 1 helper, 2 skilled worker, 3 specialist, 4 expert. */
export const skillLevel = (code: string) => Number(code.charAt(4));
