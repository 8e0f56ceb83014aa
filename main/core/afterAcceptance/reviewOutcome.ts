import { JiuzhuError } from '../../../common/contract/errors';
import type { ReviewOutcome } from '../../../common/contract/methods/afterAcceptance/reviews';
import { PHASE_OUT_MAX_MONTHS } from '../../../common/documents/phaseOut';
import { formatYuan } from '../../../common/format/money';
import { addMonths, nextMonth } from './dates';

export interface ConclusionInput {
  outcome: ReviewOutcome;
  reasons: string[];
  legalBasis: string[];
  newAmountFen?: number | undefined;
  effectiveMonth?: string | undefined;
  phaseOutMonths?: number | undefined;
  phaseOutAmountFen?: number | undefined;
}

/** What a review's outcome does to the roster row and which notice it owes. */
export type OutcomePlan =
  | { outcome: 'continue' }
  | { outcome: 'adjust'; effectiveMonth: string; newAmountFen: number; reasons: string[]; legalBasis: string[] }
  | {
      outcome: 'phase_out';
      startMonth: string;
      endMonth: string;
      months: number;
      amountFen: number;
      stopMonth: string;
      reasons: string[];
      legalBasis: string[];
    }
  | { outcome: 'stop'; effectiveMonth: string; reasons: string[]; legalBasis: string[] };

/**
 * The rules of a review's outcome (DOMAIN.md: 渐退 ≤ 6 months; stop or reduce only in writing with
 * reasons, legal basis and the redress route). Pure: `today` is the China date, `currentFen` the
 * roster's monthly amount. Throws the clerk's zh-CN refusal.
 */
export function planOutcome(c: ConclusionInput, today: string, currentFen: number): OutcomePlan {
  if (c.outcome === 'continue') return { outcome: 'continue' };
  const month = c.effectiveMonth ?? nextMonth(today);
  if (month < today.slice(0, 7)) throw new JiuzhuError('ROSTER_REVIEW_MONTH_PAST', { month });
  if (c.reasons.length === 0 || c.legalBasis.length === 0) throw new JiuzhuError('ROSTER_REVIEW_REASONS_REQUIRED');
  const written = { reasons: c.reasons, legalBasis: c.legalBasis };
  if (c.outcome === 'stop') return { outcome: 'stop', effectiveMonth: month, ...written };
  if (c.outcome === 'adjust') {
    if (c.newAmountFen === undefined) throw new JiuzhuError('ROSTER_REVIEW_AMOUNT_REQUIRED');
    return { outcome: 'adjust', effectiveMonth: month, newAmountFen: c.newAmountFen, ...written };
  }
  const max = String(PHASE_OUT_MAX_MONTHS);
  if (c.phaseOutMonths === undefined) throw new JiuzhuError('ROSTER_REVIEW_PHASE_OUT_MONTHS_REQUIRED', { max });
  if (c.phaseOutMonths > PHASE_OUT_MAX_MONTHS)
    throw new JiuzhuError('ROSTER_REVIEW_PHASE_OUT_TOO_LONG', { max, months: String(c.phaseOutMonths) });
  const amountFen = c.phaseOutAmountFen ?? currentFen;
  if (amountFen > currentFen) throw new JiuzhuError('ROSTER_REVIEW_PHASE_OUT_AMOUNT', { amount: formatYuan(currentFen) });
  const endMonth = addMonths(`${month}-01`, c.phaseOutMonths - 1).slice(0, 7);
  return {
    outcome: 'phase_out',
    startMonth: month,
    endMonth,
    months: c.phaseOutMonths,
    amountFen,
    stopMonth: addMonths(`${endMonth}-01`, 1).slice(0, 7),
    ...written,
  };
}

/**
 * The next review after this one, by the county's period for the household as re-checked:
 * continue / adjust → today + N months; 渐退 → the first day of the month the benefit stops, so the
 * row comes up again when the phase-out ends; stop → no further review.
 */
export function nextReviewAfter(plan: OutcomePlan, today: string, months: number): string | null {
  if (plan.outcome === 'stop') return null;
  if (plan.outcome === 'phase_out') return `${plan.stopMonth}-01`;
  return addMonths(today, months);
}
