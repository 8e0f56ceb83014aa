import { changeProposalBodySchema, type ChangeProposalBody } from '../../../common/sync/decisions';
import type { OutcomePlan } from './reviewOutcome';
import { nextReviewAfter } from './reviewOutcome';
import type { ReviewBasis } from './reviewRules';
import type { RosterDbRow } from './repo';

/**
 * What a proposal to change a benefit asks for: a review's or a warning's adjust / 渐退 / stop,
 * with its reasons and legal basis (办法 art. 32: reduce or stop only with legal grounds, in
 * writing). A review's proposal also keeps the county period of the household as re-checked, so
 * the decision sets the next review from the day it is made.
 */
export type ChangePlan = Exclude<OutcomePlan, { outcome: 'continue' }> & { review?: { basis: ReviewBasis; months: number } };

export function parsePlan(json: string): ChangePlan {
  return JSON.parse(json) as ChangePlan;
}

/** The first month the change applies to (渐退: its first month). */
export const effectiveMonthOf = (p: ChangePlan): string => (p.outcome === 'phase_out' ? p.startMonth : p.effectiveMonth);

/** The monthly amount after the change: adjust → new, 渐退 → the phase-out amount, stop → none. */
export const newAmountOf = (p: ChangePlan): number | null =>
  p.outcome === 'adjust' ? p.newAmountFen : p.outcome === 'phase_out' ? p.amountFen : null;

/** Body of the `change.proposal` record (common/sync/decisions.ts), checked against its schema before it is queued. */
export function proposalBody(
  c: {
    id: string;
    caseId: string;
    rosterId: string;
    origin: 'review' | 'warning';
    originId: string;
    previousAmountFen: number;
    proposedAt: string;
  },
  p: ChangePlan,
): ChangeProposalBody {
  const amount = newAmountOf(p);
  return changeProposalBodySchema.parse({
    proposalId: c.id,
    caseId: c.caseId,
    rosterId: c.rosterId,
    origin: c.origin,
    originId: c.originId,
    outcome: p.outcome,
    previousAmountFen: c.previousAmountFen,
    ...(amount !== null ? { newAmountFen: amount } : {}),
    effectiveMonth: effectiveMonthOf(p),
    ...(p.outcome === 'phase_out' ? { phaseOut: { months: p.months, endMonth: p.endMonth, stopMonth: p.stopMonth } } : {}),
    reasons: p.reasons,
    legalBasis: p.legalBasis,
    proposedAt: c.proposedAt,
  });
}

export interface RosterAfter {
  amount_fen: number;
  status: 'active' | 'stopped';
  stopped_on: string | null;
  next_review_on: string;
  review_basis: string;
  review_months: number;
  phase_out_end: string | null;
}

/**
 * The roster row once the change is decided on `today`: stop → stopped; adjust / 渐退 → the new
 * amount (渐退: the row comes up again when the phase-out ends). A review's change also moves the
 * next review by the county period from today; a warning's leaves the review date as it was.
 */
export function rosterAfter(p: ChangePlan, roster: RosterDbRow & { phase_out_end?: string | null }, today: string): RosterAfter {
  const stop = p.outcome === 'stop';
  const next = p.review
    ? (nextReviewAfter(p, today, p.review.months) ?? roster.next_review_on)
    : p.outcome === 'phase_out'
      ? `${p.stopMonth}-01`
      : roster.next_review_on;
  return {
    amount_fen: newAmountOf(p) ?? roster.amount_fen,
    status: stop ? 'stopped' : 'active',
    stopped_on: stop ? today : null,
    next_review_on: next,
    review_basis: p.review && !stop ? p.review.basis : roster.review_basis,
    review_months: p.review && !stop ? p.review.months : roster.review_months,
    phase_out_end: p.outcome === 'phase_out' ? p.endMonth : p.outcome === 'adjust' ? null : (roster.phase_out_end ?? null),
  };
}
