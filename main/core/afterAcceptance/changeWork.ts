import type { Application } from '../../../common/cases/application';
import { JiuzhuError, type ErrorCode } from '../../../common/contract/errors';
import { phaseOutSchema } from '../../../common/documents/phaseOut';
import { terminationSchema } from '../../../common/documents/termination';
import { translate } from '../../../common/i18n/translate';
import type { CaseRow } from '../cases/caseRepo';
import { Outbox } from '../sync/index';
import { changeProposalRecord } from '../../../sync-protocol/records/index';
import { ChangeRepo, type ChangeDbRow } from './changeRepo';
import { effectiveMonthOf, newAmountOf, parsePlan, proposalBody, rosterAfter, type ChangePlan } from './changePlan';
import type { DecisionResult } from './decisions';
import { returnDecision } from './decisionReturn';
import type { RosterDbRow } from './repo';
import { ReviewRepo } from './reviewRepo';
import { withHousehold } from './reviewWork';
import { addMonths } from './dates';
import type { Work } from './work';

/**
 * 调整 / 渐退 / 终止 are decisions (DOMAIN.md "Who decides"; 办法 art. 32; 社会救助暂行办法 art. 11,
 * 13): a review or a warning only proposes one (`proposeChange`, nothing about the household
 * changes and no notice is queued); the county decides it on the platform (a pulled
 * `change-decision`) or, where it delegated 审核确认, the station head (`decideChangeLocally`). Only
 * the decision changes the roster and queues the notice with the redress route.
 */

export interface Proposal {
  roster: RosterDbRow;
  row: CaseRow;
  app: Application;
  origin: 'review' | 'warning';
  originId: string;
  plan: ChangePlan;
  /** What the case record carries besides the proposal (the review or the warning). */
  context: Record<string, unknown>;
}

/**
 * Record the proposal in the caller's transaction: the proposal row, the `change.proposal` record,
 * the case's version + timeline + case.upsert, the audit row. One open proposal per household
 * (CHANGE_PROPOSAL_OPEN); the notice will need the county's redress route, so it must be set now.
 */
export function proposeChange(work: Work, actor: string, p: Proposal): string {
  const changes = new ChangeRepo(work.db);
  if (changes.openOf(p.roster.id)) throw new JiuzhuError('CHANGE_PROPOSAL_OPEN');
  // A monitoring entry without a monthly amount has nothing to adjust or phase out: it continues or stops.
  if (p.roster.monthly === 0 && p.plan.outcome !== 'stop') throw new JiuzhuError('ROSTER_NO_MONTHLY_AMOUNT');
  work.redress();
  const id = work.id();
  const proposedAt = work.now();
  const body = proposalBody(
    {
      id,
      caseId: p.row.id,
      rosterId: p.roster.id,
      origin: p.origin,
      originId: p.originId,
      previousAmountFen: p.roster.amount_fen,
      proposedAt,
    },
    p.plan,
  );
  changes.insert({
    id,
    roster_id: p.roster.id,
    case_id: p.row.id,
    origin: p.origin,
    origin_id: p.originId,
    outcome: p.plan.outcome,
    plan: JSON.stringify(p.plan),
    previous_amount_fen: p.roster.amount_fen,
    proposed_at: proposedAt,
    proposed_by: actor,
  });
  new Outbox(work.db, work.deps.clock).enqueue(changeProposalRecord(body));
  work.touch(p.row, p.app, 'changeProposed', actor, p.plan.reasons.join('；').slice(0, 500), {
    ...p.context,
    change: { proposalId: id, status: 'proposed', outcome: p.plan.outcome },
  });
  return id;
}

export interface ChangeDecisionToApply {
  id: string;
  caseId: string;
  proposalId: string;
  source: 'platform' | 'local';
  outcome: 'approved' | 'refused';
  reasons: string[];
  legalBasis: string[];
}

const ACTIONS = {
  review: { adjust: 'reviewAdjust', phase_out: 'reviewPhaseOut', stop: 'reviewStop' },
  warning: { adjust: 'warningAdjust', phase_out: 'warningAdjust', stop: 'warningStop' },
} as const;

/**
 * The decision on a proposal, in the caller's transaction (the pull page's, or the head's at the
 * desk). `record` (pulled): a decision that cannot be applied — an unknown proposal, one already
 * decided, a household stopped meanwhile, a refusal without reasons, a notice that cannot be
 * made — changes nothing and goes back to the platform (`returnDecision`); a re-delivered decision
 * is a no-op. `throw` (at the desk): the same checks throw.
 */
export function applyChangeDecision(work: Work, actor: string, d: ChangeDecisionToApply, mode: 'record' | 'throw'): DecisionResult {
  return work.db.transaction((): DecisionResult => {
    const changes = new ChangeRepo(work.db);
    if (changes.byDecision(d.id) || changes.hasRefusal(d.id)) return { applied: false, duplicate: true };
    const caseState = work.cases.repo.get(d.caseId)?.state;
    const refuse = (code: ErrorCode, message: string): DecisionResult => {
      returnDecision(work, { decisionId: d.id, kind: 'change-decision', caseId: d.caseId, code, message, caseState });
      return { applied: false, code, message };
    };
    const fail = (code: ErrorCode, params: Record<string, string> = {}): DecisionResult => {
      if (mode === 'throw') throw new JiuzhuError(code, params);
      return refuse(code, work.message(code, params));
    };

    const p = changes.get(d.proposalId);
    if (!p || p.case_id !== d.caseId) return fail('CHANGE_PROPOSAL_UNKNOWN');
    if (p.status !== 'proposed') return fail('CHANGE_ALREADY_DECIDED', { status: translate(`changes.status.${p.status}`) });
    const roster = work.repo.roster(p.roster_id);
    if (!roster || roster.status !== 'active') return fail('CHANGE_ROSTER_STOPPED');
    if (d.outcome === 'refused' && d.reasons.length === 0) return fail('CHANGE_REFUSAL_REASONS');
    try {
      // A savepoint: a notice that cannot be made rolls back this decision only, never the pull page.
      work.db.transaction(() =>
        d.outcome === 'approved' ? approve(work, actor, d, p, roster) : refuseChange(work, actor, d, p, roster),
      )();
    } catch (e) {
      if (mode === 'record' && e instanceof JiuzhuError) return refuse(e.code, e.message);
      throw e;
    }
    work.audit(actor, 'changes.decided', p.case_id, { proposal: p.id, decision: d.id, source: d.source, outcome: d.outcome });
    return { applied: true };
  })();
}

function approve(work: Work, actor: string, d: ChangeDecisionToApply, p: ChangeDbRow, roster: RosterDbRow): void {
  const plan = parsePlan(p.plan);
  const { row, app: caseApp } = work.caseAt(p.case_id);
  const reviews = new ReviewRepo(work.db);
  const review = p.origin === 'review' ? reviews.get(p.origin_id) : undefined;
  const app = withHousehold(caseApp, review);
  const today = work.today();
  const legalBasis = d.legalBasis.length ? d.legalBasis : plan.legalBasis;
  const base = { ...work.noticeBase(row, app), decidedOn: today, reasons: plan.reasons, legalBasis, redress: work.redress() };
  if (plan.outcome === 'phase_out') {
    work.notice(
      row.id,
      'phase-out',
      phaseOutSchema,
      {
        ...base,
        previousAmountFen: roster.amount_fen,
        amountFen: plan.amountFen,
        months: plan.months,
        startMonth: plan.startMonth,
        endMonth: plan.endMonth,
      },
      actor,
    );
  } else {
    work.notice(
      row.id,
      'termination',
      terminationSchema,
      {
        ...base,
        action: plan.outcome === 'stop' ? 'terminate' : 'adjust',
        previousAmountFen: roster.amount_fen,
        ...(plan.outcome === 'adjust' ? { newAmountFen: plan.newAmountFen } : {}),
        effectiveMonth: plan.effectiveMonth,
      },
      actor,
    );
  }
  const noticeId = reviews.lastNotice(row.id);
  const after = rosterAfter(plan, { ...roster, phase_out_end: reviews.phaseOutEnd(roster.id) }, today);
  reviews.updateRoster(roster.id, { ...after, updated_at: work.now() });
  if (review) reviews.update(review.id, review.version, { notice_id: noticeId });
  new ChangeRepo(work.db).decide(p.id, {
    status: 'approved',
    decision_id: d.id,
    decision_source: d.source,
    decision_reasons: JSON.stringify(d.reasons),
    decided_on: today,
    decided_at: work.now(),
    decided_by: actor,
    notice_id: noticeId,
  });
  const { outcome: _o, review: _r, ...detail } = plan;
  const origin =
    p.origin === 'review'
      ? { review: { id: p.origin_id, outcome: plan.outcome, ...detail } }
      : {
          warning: {
            id: p.origin_id,
            type: work.repo.warning(p.origin_id)?.type,
            outcome: plan.outcome,
            effectiveMonth: effectiveMonthOf(plan),
            ...(newAmountOf(plan) !== null ? { newAmountFen: newAmountOf(plan) } : {}),
          },
        };
  work.touch(row, app, ACTIONS[p.origin][plan.outcome], actor, plan.reasons.join('；').slice(0, 500), {
    ...origin,
    roster: {
      status: after.status,
      amountFen: after.amount_fen,
      nextReviewOn: after.next_review_on,
      phaseOutEndMonth: after.phase_out_end,
    },
    change: { proposalId: p.id, decisionId: d.id, source: d.source, status: 'approved' },
  });
}

/** Not agreed: the benefit continues as it is; a review's household is next reviewed one county period from today. */
function refuseChange(work: Work, actor: string, d: ChangeDecisionToApply, p: ChangeDbRow, roster: RosterDbRow): void {
  const plan = parsePlan(p.plan);
  const { row, app } = work.caseAt(p.case_id);
  const today = work.today();
  const reviews = new ReviewRepo(work.db);
  const nextReviewOn = plan.review ? addMonths(today, plan.review.months) : roster.next_review_on;
  if (plan.review)
    reviews.updateRoster(roster.id, {
      amount_fen: roster.amount_fen,
      status: 'active',
      stopped_on: null,
      next_review_on: nextReviewOn,
      review_basis: plan.review.basis,
      review_months: plan.review.months,
      phase_out_end: reviews.phaseOutEnd(roster.id),
      updated_at: work.now(),
    });
  new ChangeRepo(work.db).decide(p.id, {
    status: 'refused',
    decision_id: d.id,
    decision_source: d.source,
    decision_reasons: JSON.stringify(d.reasons),
    decided_on: today,
    decided_at: work.now(),
    decided_by: actor,
    notice_id: null,
  });
  work.touch(row, app, 'changeRefused', actor, d.reasons.join('；').slice(0, 500), {
    roster: { status: 'active', amountFen: roster.amount_fen, nextReviewOn },
    change: { proposalId: p.id, decisionId: d.id, source: d.source, status: 'refused', reasons: d.reasons },
  });
}

/** Where the county delegated 审核确认, the station head decides a proposal at the desk (errors are thrown, nothing recorded). */
export function decideChangeLocally(
  work: Work,
  actor: string,
  proposalId: string,
  d: { outcome: 'approved' | 'refused'; reasons: string[]; legalBasis: string[] },
): ChangeDbRow {
  if (!work.cases.settings().decisionDelegated) throw new JiuzhuError('DECISION_NOT_DELEGATED');
  const changes = new ChangeRepo(work.db);
  const p = changes.get(proposalId);
  if (!p) throw new JiuzhuError('CHANGE_PROPOSAL_UNKNOWN');
  applyChangeDecision(work, actor, { id: work.id(), caseId: p.case_id, proposalId, source: 'local', ...d }, 'throw');
  return changes.get(proposalId)!;
}
