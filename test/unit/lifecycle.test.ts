import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkMove, nextStatuses, qualificationPath, STAGES, type MoveFacts } from '#shared/cases/lifecycle.ts';
import { addMonthsToDate } from '#shared/time.ts';
import { CASE_STATUSES, type CaseStatus } from '#shared/cases/schema.ts';
import { eligibility } from '#shared/cases/eligibility.ts';
import { ageGroup } from '#shared/cases/facts.ts';

const facts = fc.record({
  consentGiven: fc.boolean(),
  consentWithdrawn: fc.boolean(),
  hasTargetOccupation: fc.boolean(),
  admission: fc.constantFrom<MoveFacts['admission'][]>(undefined, 'pending', 'admitted', 'refused', 'admitted_with_waiver'),
  finalResult: fc.constantFrom<MoveFacts['finalResult'][]>(undefined, 'passed', 'failed'),
  recognition: fc.option(
    fc.record({
      decision: fc.constantFrom<NonNullable<MoveFacts['recognition']>['decision'][]>('pending', 'full', 'partial', 'none'),
      openDifferences: fc.array(fc.constantFrom('Arbeitsschutz', 'Fachrechnen'), { maxLength: 2 }),
    }),
    { nil: undefined },
  ),
});

/** What a stored case in `status` must satisfy, whatever path led there. */
function legal(status: CaseStatus, f: Omit<MoveFacts, 'status'>): boolean {
  const from = STAGES.indexOf(status as (typeof STAGES)[number]);
  if (from >= STAGES.indexOf('counselling') && !f.consentGiven) return false;
  if (from >= STAGES.indexOf('plan') && !f.hasTargetOccupation) return false;
  const r = f.recognition;
  const recognised = r?.decision === 'full' || (r?.decision === 'partial' && r.openDifferences.length === 0);
  if (status === 'exam' && f.admission !== 'admitted' && f.admission !== 'admitted_with_waiver') return false;
  // "qualified" by the external exam (admitted and passed), or by recognition (full, or partial with nothing open).
  if (status === 'qualified' && !recognised && f.finalResult !== 'passed') return false;
  if (status === 'qualified' && !recognised && f.admission !== 'admitted' && f.admission !== 'admitted_with_waiver') return false;
  return true;
}

describe('the case lifecycle', () => {
  it('random transition sequences never reach an illegal state, and every refusal names its reason', () => {
    fc.assert(
      fc.property(facts, fc.array(fc.constantFrom(...CASE_STATUSES), { maxLength: 40 }), (f, attempts) => {
        let state: { status: CaseStatus; pausedFrom?: CaseStatus } = { status: 'inquiry' };
        for (const to of attempts) {
          const verdict = checkMove({ ...f, ...state }, to);
          if (verdict.ok) {
            state = to === 'paused' ? { status: to, pausedFrom: state.status } : { status: to };
            if (STAGES.includes(to as (typeof STAGES)[number])) expect(legal(to, f), `${to} stored illegally`).toBe(true);
          } else {
            expect(verdict.reason.length).toBeGreaterThan(10);
            expect(verdict.code).toMatch(/^[a-z_]+$/);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a passed exam recorded without the chamber’s admission is no path to "qualified" (found by the property test)', () => {
    const f: MoveFacts = {
      status: 'counselling',
      consentGiven: true,
      consentWithdrawn: false,
      hasTargetOccupation: true,
      finalResult: 'passed',
      recognition: { decision: 'pending', openDifferences: [] },
    };
    const verdict = checkMove(f, 'qualified');
    expect(verdict).toMatchObject({ ok: false, code: 'recognition_incomplete' });
    expect(verdict.ok || verdict.reason).toContain('die Zulassung der Kammer');
    expect(checkMove({ ...f, admission: 'admitted' }, 'qualified')).toEqual({ ok: true });
  });

  it('with a recognition procedure, "qualified" is offered from counselling on and names what is still open', () => {
    const base: MoveFacts = { status: 'counselling', consentGiven: true, consentWithdrawn: false, hasTargetOccupation: true };
    expect(nextStatuses('counselling')).not.toContain('qualified');
    expect(nextStatuses('counselling', undefined, true)).toContain('qualified');
    expect(nextStatuses('exam', undefined, true).filter((s) => s === 'qualified')).toHaveLength(1);
    expect(checkMove({ ...base, recognition: { decision: 'full', openDifferences: [] } }, 'qualified')).toEqual({ ok: true });
    const open = checkMove({ ...base, recognition: { decision: 'partial', openDifferences: ['Fachrechnen'] } }, 'qualified');
    expect(open).toMatchObject({ ok: false, code: 'recognition_incomplete' });
    expect(open.ok || open.reason).toContain('„Fachrechnen“');
    expect(checkMove({ ...base, recognition: { decision: 'partial', openDifferences: [] } }, 'qualified')).toEqual({ ok: true });
    expect(checkMove({ ...base, recognition: { decision: 'pending', openDifferences: [] } }, 'qualified')).toMatchObject({
      ok: false,
      code: 'recognition_incomplete',
    });
    expect(qualificationPath({ recognition: { decision: 'partial', openDifferences: [] } })).toBe('recognition_adapted');
    expect(qualificationPath({ finalResult: 'passed', admission: 'admitted' })).toBe('exam');
    expect(qualificationPath({ finalResult: 'passed' })).toBeUndefined();
  });

  it('the decision is due three calendar months after the complete file; a missing day is the month’s last', () => {
    expect(addMonthsToDate('2026-09-20', 3)).toBe('2026-12-20');
    expect(addMonthsToDate('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonthsToDate('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsToDate('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('qualified is final, and a paused case returns to where it paused', () => {
    expect(nextStatuses('qualified')).toEqual([]);
    expect(nextStatuses('paused', 'plan')[0]).toBe('plan');
  });

  it('names what is missing in German', () => {
    const base: MoveFacts = { status: 'counselling', consentGiven: true, consentWithdrawn: false, hasTargetOccupation: false };
    expect(checkMove(base, 'plan')).toMatchObject({ ok: false, reason: 'Es fehlt der Zielberuf.' });
    expect(checkMove({ ...base, status: 'qualification', hasTargetOccupation: true }, 'exam')).toMatchObject({ ok: false, code: 'admission_missing' });
    expect(checkMove({ ...base, status: 'inquiry' }, 'plan')).toMatchObject({ ok: false, code: 'illegal_transition' });
  });
});

describe('exam eligibility (§45(2) BBiG)', () => {
  it('needs 1.5 × the training period, with part-time counted pro rata', () => {
    const e = eligibility({
      targetCode: '51312',
      trainingMonths: 36,
      experience: [{ occupationCode: '51311', months: 60, weeklyHours: 20 }],
      waiverRequested: false,
      hoursPerWeek: 20,
      today: new Date('2026-11-26'),
    });
    expect(e).toMatchObject({ monthsRequired: 54, monthsCounted: 30, monthsMissing: 24, state: 'missing', eligibleOn: '2030-11-26' });
    expect(
      eligibility({
        targetCode: '51312',
        trainingMonths: 36,
        experience: [{ occupationCode: '51312', months: 54, weeklyHours: 40 }],
        waiverRequested: false,
        today: new Date(),
      }).state,
    ).toBe('eligible');
  });

  it('ignores experience in other occupational groups and never counts more than full time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.double({ min: 1, max: 60, noNaN: true }), (months, hours) => {
        const other = eligibility({
          targetCode: '51312',
          trainingMonths: 36,
          experience: [{ occupationCode: '62102', months, weeklyHours: hours }],
          waiverRequested: false,
          today: new Date(),
        });
        expect(other.monthsCounted).toBe(0);
        const same = eligibility({
          targetCode: '51312',
          trainingMonths: 36,
          experience: [{ occupationCode: '51312', months, weeklyHours: hours }],
          waiverRequested: false,
          today: new Date(),
        });
        expect(same.monthsCounted).toBeLessThanOrEqual(months + 0.05);
      }),
    );
  });

  it('groups ages for the report without the birth date', () => {
    expect(ageGroup('2002-12-01', new Date('2026-11-26T00:00:00Z'))).toBe('under_25');
    expect(ageGroup('2001-11-26', new Date('2026-11-26T00:00:00Z'))).toBe('25_34');
    expect(ageGroup(undefined, new Date())).toBe('unknown');
  });
});
