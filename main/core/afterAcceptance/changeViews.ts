import type { ChangeView, DecisionRefusalView } from '../../../common/contract/methods/afterAcceptance/changes';
import { ChangeRepo, type ChangeDbRow, type RefusalListRow } from './changeRepo';
import { effectiveMonthOf, newAmountOf, parsePlan } from './changePlan';
import { ReviewRepo } from './reviewRepo';
import type { Work } from './work';

/** A proposal as the roster page, the review drawer, the warnings page and the case page show it. */
export function changeView(work: Work, r: ChangeDbRow, names: Map<string, string>): ChangeView {
  const plan = parsePlan(r.plan);
  const roster = work.repo.roster(r.roster_id);
  const name = (id: string | null) => (id === null ? '' : (names.get(id) ?? id));
  return {
    id: r.id,
    rosterId: r.roster_id,
    caseId: r.case_id,
    caseNo: work.cases.repo.get(r.case_id)?.case_no ?? null,
    applicantName: roster?.applicant_name ?? '',
    origin: r.origin,
    originId: r.origin_id,
    outcome: r.outcome,
    previousAmountFen: r.previous_amount_fen,
    newAmountFen: newAmountOf(plan),
    effectiveMonth: effectiveMonthOf(plan),
    phaseOut: plan.outcome === 'phase_out' ? { months: plan.months, endMonth: plan.endMonth, stopMonth: plan.stopMonth } : null,
    reasons: plan.reasons,
    legalBasis: plan.legalBasis,
    status: r.status,
    proposedAt: r.proposed_at,
    proposedBy: name(r.proposed_by),
    decision:
      r.status === 'proposed' || !r.decision_source
        ? null
        : {
            source: r.decision_source,
            decidedOn: r.decided_on ?? '',
            reasons: r.decision_reasons ? (JSON.parse(r.decision_reasons) as string[]) : [],
            decidedBy: name(r.decided_by),
          },
    notice: r.notice_id ? new ReviewRepo(work.db).notice(r.notice_id) : null,
  };
}

export function changeList(work: Work, filter: 'open' | 'all', limit: number): ChangeView[] {
  const names = work.cases.repo.accountNames();
  return new ChangeRepo(work.db)
    .list(limit)
    .filter((r) => filter === 'all' || r.status === 'proposed')
    .map((r) => changeView(work, r, names));
}

export function changesOfCase(work: Work, caseId: string): ChangeView[] {
  const names = work.cases.repo.accountNames();
  return new ChangeRepo(work.db).ofCase(caseId).map((r) => changeView(work, r, names));
}

export function refusalView(r: RefusalListRow): DecisionRefusalView {
  // Outbox rows are never deleted, so the record is always there.
  return {
    decisionId: r.decision_id,
    kind: r.kind,
    caseId: r.case_id,
    caseNo: r.case_no,
    code: r.code,
    message: r.message,
    receivedAt: r.received_at,
    sent: (r.record_state ?? 'queued') as DecisionRefusalView['sent'],
  };
}
