import { describe, expect, it } from 'vitest';
import { codeOf } from '../kernel/store/testing/fixtures';
import { nextReviewAfter, planOutcome, type ConclusionInput } from './reviewOutcome';

const W = { reasons: ['家庭人均收入超过低保标准'], legalBasis: ['《最低生活保障审核确认办法》第三十一条'] };
const plan = (c: Partial<ConclusionInput> & Pick<ConclusionInput, 'outcome'>, today = '2027-12-01', current = 68000) =>
  planOutcome({ reasons: [], legalBasis: [], ...c }, today, current);

describe('review outcome rules', () => {
  it('continue needs nothing written and reviews again after the county period', () => {
    const p = plan({ outcome: 'continue' });
    expect(p).toEqual({ outcome: 'continue' });
    expect(nextReviewAfter(p, '2027-12-01', 12)).toBe('2028-12-01');
    expect(nextReviewAfter(p, '2027-08-31', 6)).toBe('2028-02-29');
  });

  it('adjust / phase out / stop need reasons AND legal basis', () => {
    for (const outcome of ['adjust', 'phase_out', 'stop'] as const) {
      expect(codeOf(() => plan({ outcome, newAmountFen: 1, phaseOutMonths: 3 }))).toBe('ROSTER_REVIEW_REASONS_REQUIRED');
      expect(codeOf(() => plan({ outcome, newAmountFen: 1, phaseOutMonths: 3, reasons: W.reasons }))).toBe(
        'ROSTER_REVIEW_REASONS_REQUIRED',
      );
      expect(codeOf(() => plan({ outcome, newAmountFen: 1, phaseOutMonths: 3, legalBasis: W.legalBasis }))).toBe(
        'ROSTER_REVIEW_REASONS_REQUIRED',
      );
    }
  });

  it('a stop applies from next month by default and ends the review cycle', () => {
    const p = plan({ outcome: 'stop', ...W });
    expect(p).toMatchObject({ outcome: 'stop', effectiveMonth: '2028-01' });
    expect(nextReviewAfter(p, '2027-12-01', 12)).toBeNull();
  });

  it('adjust needs the new amount', () => {
    expect(codeOf(() => plan({ outcome: 'adjust', ...W }))).toBe('ROSTER_REVIEW_AMOUNT_REQUIRED');
    expect(plan({ outcome: 'adjust', ...W, newAmountFen: 50000, effectiveMonth: '2027-12' })).toMatchObject({
      newAmountFen: 50000,
      effectiveMonth: '2027-12',
    });
  });

  it('no month before the current one', () => {
    expect(codeOf(() => plan({ outcome: 'stop', ...W, effectiveMonth: '2027-11' }))).toBe('ROSTER_REVIEW_MONTH_PAST');
  });

  it('渐退: 1–6 months, across the year end, reduced or unchanged amount; 7 months refused', () => {
    expect(codeOf(() => plan({ outcome: 'phase_out', ...W }))).toBe('ROSTER_REVIEW_PHASE_OUT_MONTHS_REQUIRED');
    expect(codeOf(() => plan({ outcome: 'phase_out', ...W, phaseOutMonths: 7 }))).toBe('ROSTER_REVIEW_PHASE_OUT_TOO_LONG');
    expect(codeOf(() => plan({ outcome: 'phase_out', ...W, phaseOutMonths: 3, phaseOutAmountFen: 68001 }))).toBe(
      'ROSTER_REVIEW_PHASE_OUT_AMOUNT',
    );
    const six = plan({ outcome: 'phase_out', ...W, phaseOutMonths: 6 });
    expect(six).toMatchObject({ startMonth: '2028-01', endMonth: '2028-06', stopMonth: '2028-07', months: 6, amountFen: 68000 });
    const one = plan({ outcome: 'phase_out', ...W, phaseOutMonths: 1, phaseOutAmountFen: 30000, effectiveMonth: '2027-12' });
    expect(one).toMatchObject({ startMonth: '2027-12', endMonth: '2027-12', stopMonth: '2028-01', amountFen: 30000 });
    expect(nextReviewAfter(one, '2027-12-01', 6)).toBe('2028-01-01');
    const wrap = plan({ outcome: 'phase_out', ...W, phaseOutMonths: 4, effectiveMonth: '2027-11' }, '2027-11-15');
    expect(wrap).toMatchObject({ startMonth: '2027-11', endMonth: '2028-02', stopMonth: '2028-03' });
  });
});
