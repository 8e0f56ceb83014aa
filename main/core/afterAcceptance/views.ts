import type { RosterRow } from '../../../common/contract/methods/afterAcceptance/roster';
import type { AfterAcceptanceView, LinkedBenefit } from '../../../common/contract/methods/afterAcceptance/visits';
import type { WarningRow } from '../../../common/contract/methods/afterAcceptance/warnings';
import type { WARNING_TYPES } from '../../../common/sync/pull';
import { maskIdNumber } from '../../../common/format/mask';
import { addDays } from './dates';
import type { RosterDbRow, WarningDbRow } from './repo';
import { VisitEvidenceRepo } from './visitEvidenceRepo';
import { ChangeRepo } from './changeRepo';
import { ReliefRepo } from './reliefRepo';
import { changesOfCase, refusalView } from './changeViews';
import type { Work } from './work';

/** Reviews due within this many calendar days are listed as due. */
export const REVIEW_DUE_WINDOW_DAYS = 30;

const list = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

export function caseView(work: Work, caseId: string): AfterAcceptanceView {
  const r = work.repo;
  const evidence = new VisitEvidenceRepo(work.db).evidenceOfCase(caseId);
  const opinions = r.opinions(caseId);
  const roundOf = (opinionId: string | null) => opinions.find((o) => o.id === opinionId)?.round ?? null;
  const settings = work.cases.settings();
  return {
    visits: r.visits(caseId).map((v) => {
      const { photoIds, signers } = evidence.get(v.id) ?? { photoIds: [], signers: [] };
      return {
        id: v.id,
        visitedOn: v.visited_on,
        staff: list(v.staff),
        familyPresent: list(v.family_present),
        findings: v.findings,
        recordedAt: v.recorded_at,
        photos: photoIds.length,
        signatures: signers.length,
        photoIds,
        signers,
      };
    }),
    opinions: opinions.map((o) => ({
      id: o.id,
      round: o.round,
      proposal: o.proposal,
      amountFen: o.amount_fen,
      reasons: list(o.reasons),
      community: o.community,
      posted: o.posted === 1,
      publicityFrom: o.publicity_from,
      publicityTo: o.publicity_to,
      endedOn: o.ended_on,
      givenAt: o.given_at,
    })),
    objections: r
      .objections(caseId)
      .map((o) => ({ id: o.id, round: roundOf(o.opinion_id), objector: o.objector, content: o.content, receivedOn: o.received_on })),
    reviews: r.reviews(caseId).map((v) => ({
      id: v.id,
      kind: v.kind,
      round: roundOf(v.opinion_id),
      heldOn: v.held_on,
      participants: list(v.participants),
      outcome: v.outcome,
      summary: v.summary,
    })),
    decisions: r.decisions(caseId).map((d) => ({
      id: d.id,
      source: d.source,
      outcome: d.outcome,
      amountFen: d.amount_fen,
      startMonth: d.start_month,
      reasons: list(d.reasons),
      linkedBenefits: JSON.parse(d.linked_benefits) as LinkedBenefit[],
      status: d.status,
      refusal: d.refusal,
      receivedAt: d.received_at,
    })),
    changes: changesOfCase(work, caseId),
    refusals: new ChangeRepo(work.db).refusals({ caseId, limit: 50 }).map(refusalView),
    delegated: settings.decisionDelegated,
    limits: {
      reopinionWorkingDays: settings.limits.reopinionWorkingDays,
      countyDecisionWorkingDays: settings.limits.countyDecisionWorkingDays,
    },
    today: work.today(),
  };
}

export function rosterRow(r: RosterDbRow, today: string, open?: { id: string; outcome: 'adjust' | 'phase_out' | 'stop' }): RosterRow {
  const soon = addDays(today, REVIEW_DUE_WINDOW_DAYS);
  return {
    id: r.id,
    caseId: r.case_id,
    applicantName: r.applicant_name,
    category: r.category,
    householdSize: r.household_size,
    amountFen: r.amount_fen,
    monthly: r.monthly === 1,
    sinceMonth: r.since_month,
    reviewBasis: r.review_basis,
    reviewMonths: r.review_months,
    nextReviewOn: r.next_review_on,
    linkedBenefits: JSON.parse(r.linked_benefits) as LinkedBenefit[],
    status: r.status,
    due: r.status !== 'active' ? 'later' : r.next_review_on < today ? 'overdue' : r.next_review_on <= soon ? 'due' : 'later',
    pendingChange: open ? { id: open.id, outcome: open.outcome } : null,
  };
}

export function rosterList(work: Work, filter: 'all' | 'due' | 'overdue', limit: number) {
  const today = work.today();
  const soon = addDays(today, REVIEW_DUE_WINDOW_DAYS);
  const changes = new ChangeRepo(work.db);
  const rows = work.repo
    .rosterList({
      activeOnly: filter !== 'all',
      ...(filter === 'all' ? {} : { dueBy: filter === 'due' ? soon : addDays(today, -1) }),
      limit,
    })
    .map((r) => rosterRow(r, today, changes.openOf(r.id)));
  return { rows, today, counts: work.repo.rosterCounts(today, soon) };
}

export function warningRow(work: Work, w: WarningDbRow, names: Map<string, string>, today: string): WarningRow {
  const roster = w.roster_id ? work.repo.roster(w.roster_id) : undefined;
  const monitoring = !roster && w.monitoring_id ? new ReliefRepo(work.db).monitoring(w.monitoring_id) : undefined;
  const change = new ChangeRepo(work.db).ofOrigin('warning', w.id);
  return {
    id: w.id,
    type: w.type as (typeof WARNING_TYPES)[number],
    person: maskIdNumber(w.id_number),
    applicantName: roster?.applicant_name ?? monitoring?.applicant_name ?? null,
    caseId: roster?.case_id ?? monitoring?.case_id ?? null,
    monitored: monitoring !== undefined,
    detail: w.detail,
    receivedAt: w.received_at,
    dueOn: w.due_on,
    overdue: (w.status === 'open' || w.status === 'verified') && w.due_on < today,
    status: w.status,
    assignedTo: w.assigned_to,
    assigneeName: w.assigned_to ? (names.get(w.assigned_to) ?? w.assigned_to) : null,
    verification: w.verification ? (JSON.parse(w.verification) as WarningRow['verification']) : null,
    outcome: w.outcome,
    change: change ? { id: change.id, status: change.status } : null,
  };
}
