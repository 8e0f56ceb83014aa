import { JiuzhuError, type ErrorCode } from '../../../common/contract/errors';
import { approvalSchema } from '../../../common/documents/approval';
import { refusalSchema } from '../../../common/documents/refusal';
import { reliefApprovalSchema } from '../../../common/documents/reliefApproval';
import { monitoringApprovalSchema } from '../../../common/documents/monitoringApproval';
import { refusalNoticeDeadline } from '../../../common/cases/deadlines';
import { documentCategory } from '../../../common/cases/types';
import { reliefGrantSchema, rosterPolicy, type ReliefGrantInput } from '../../../common/cases/relief';
import { grantRelief } from './reliefWork';
import { ReliefRepo } from './reliefRepo';
import { benefitsFor } from './benefits';
import { returnDecision } from './decisionReturn';
import { nextReview } from './reviewRules';
import type { Work } from './work';

/** Cited on a refusal the platform sent without its own legal basis. */
export const DEFAULT_REFUSAL_BASIS = ['《社会救助暂行办法》第十一条', '《最低生活保障审核确认办法》第二十一条'];
export const DEFAULT_APPROVAL_BASIS = ['《社会救助暂行办法》第十一条'];
export const DEFAULT_RELIEF_BASIS = ['《社会救助暂行办法》第四十七条', '《社会救助暂行办法》第四十九条'];

export interface DecisionToApply {
  id: string;
  caseId: string;
  source: 'platform' | 'local';
  outcome: 'approved' | 'refused';
  amountFen?: number | undefined;
  startMonth?: string | undefined;
  reasons: string[];
  legalBasis: string[];
  /** 临时救助: how the granted total is paid (form, in-kind description, instalments). */
  relief?: Omit<ReliefGrantInput, 'amountFen'> | undefined;
}

export type DecisionResult = { applied: true } | { applied: false; code: ErrorCode; message: string } | { applied: false; duplicate: true };

/**
 * 审核确认 applied to the case, in the caller's transaction (the pull page's, or the local
 * decision's): approval → approved + 审核确认通知书 (with the linked benefits) + roster entry;
 * refusal → refused + 不予批准通知书 + its 3-working-day deadline. A decision that cannot be applied
 * (unknown case, case not awaiting a decision, incomplete) is recorded with its zh-CN reason and
 * sent back to the platform as a `decision.refusal` record (decisionReturn.ts) — or thrown, when
 * `mode` is 'throw' (a local decision at the desk) — and changes nothing else.
 */
export function applyDecision(work: Work, actor: string, d: DecisionToApply, mode: 'record' | 'throw'): DecisionResult {
  return work.db.transaction((): DecisionResult => {
    if (work.repo.hasDecision(d.id)) return { applied: false, duplicate: true };
    const receivedAt = work.now();
    const record = (
      status: 'applied' | 'refused',
      extra: { code?: ErrorCode; message?: string; linked?: unknown[]; legalBasis?: string[] } = {},
    ) =>
      work.repo.insertDecision({
        id: d.id,
        case_id: d.caseId,
        source: d.source,
        outcome: d.outcome,
        amount_fen: d.amountFen ?? null,
        start_month: d.startMonth ?? null,
        reasons: JSON.stringify(d.reasons),
        legal_basis: JSON.stringify(extra.legalBasis ?? d.legalBasis),
        linked_benefits: JSON.stringify(extra.linked ?? []),
        status,
        refusal_code: extra.code ?? null,
        refusal: extra.message ?? null,
        received_at: receivedAt,
        decided_by: actor,
        // Kept so a decision recorded as not applied can be retried with the county's payment details.
        relief: d.relief ? JSON.stringify(d.relief) : null,
      });
    const row = work.cases.repo.get(d.caseId);
    const refuse = (code: ErrorCode, params: Record<string, string> = {}): DecisionResult => {
      if (mode === 'throw') throw new JiuzhuError(code, params);
      const message = work.message(code, params);
      record('refused', { code, message });
      work.audit(actor, 'decisions.not_applied', d.caseId, { decision: d.id, code });
      // The platform is told (decision.refusal) rather than left believing the decision applied.
      if (d.source === 'platform')
        returnDecision(work, { decisionId: d.id, kind: 'decision', caseId: d.caseId, code, message, caseState: row?.state });
      return { applied: false, code, message };
    };

    if (!row) return refuse('DECISION_CASE_UNKNOWN');
    if (row.state !== 'awaiting_decision') return refuse('DECISION_WRONG_STEP', { state: work.stateLabel(row.state) });
    const app = work.cases.application(row);
    const today = work.today();
    const b = work.noticeBase(row, app);
    const now = work.now();

    if (d.outcome === 'approved') {
      // What the approval puts on the roster follows the type (common/cases/relief.ts).
      const policy = rosterPolicy(app.type!, work.cases.settings().relief);
      if (policy === 'none') return approveRelief(work, actor, d, row, app, refuse, record);
      if (policy === 'monitoring' && d.amountFen) return refuse('DECISION_NO_MONTHLY_AMOUNT', { type: work.typeLabel(app.type!) });
      if ((policy === 'monthly' && d.amountFen === undefined) || !d.startMonth) return refuse('DECISION_APPROVAL_INCOMPLETE');
      const amountFen = d.amountFen ?? 0;
      const settings = work.repo.settings();
      const linked = benefitsFor(app.type, work.deps.benefits, settings);
      const review = nextReview(app, d.startMonth, today, settings);
      const legalBasis = d.legalBasis.length ? d.legalBasis : DEFAULT_APPROVAL_BASIS;
      const decision = {
        id: d.id,
        source: d.source,
        outcome: d.outcome,
        amountFen,
        monthly: policy === 'monthly',
        startMonth: d.startMonth,
        decidedOn: today,
        linkedBenefits: linked,
        nextReviewOn: review.dueOn,
      };
      work.cases.step(row, 'approve', actor, null, app, { decision });
      work.cases.repo.meetAllDeadlines(row.id, now);
      // 低保边缘 / 刚性支出 get the monitoring notice (no monthly amount unless the county pays one); the
      // 审核确认通知书 states a monthly payment and is for the others.
      if (app.type === 'marginal' || app.type === 'rigid') {
        const paid = policy === 'monthly' && amountFen > 0 ? { monthlyAmountFen: amountFen, startMonth: d.startMonth } : {};
        work.notice(
          row.id,
          'monitoring-approval',
          monitoringApprovalSchema,
          { ...b, householdSize: row.household_size || 1, ...paid, decidedOn: today, nextReviewOn: review.dueOn, legalBasis },
          actor,
        );
      } else
        work.notice(
          row.id,
          'approval',
          approvalSchema,
          {
            ...b,
            householdSize: row.household_size || 1,
            monthlyAmountFen: amountFen,
            startMonth: d.startMonth,
            decidedOn: today,
            nextReviewOn: review.dueOn,
            legalBasis,
          },
          actor,
          { linkedBenefits: linked },
        );
      work.repo.insertRoster(
        {
          id: work.id(),
          case_id: row.id,
          applicant_id_number: app.applicant!.idNumber,
          applicant_name: app.applicant!.name,
          category: documentCategory(app.type!, app.subtype),
          household_size: row.household_size || 1,
          amount_fen: amountFen,
          monthly: policy === 'monthly' ? 1 : 0,
          since_month: d.startMonth,
          enrolled_on: today,
          review_basis: review.basis,
          review_months: review.months,
          next_review_on: review.dueOn,
          linked_benefits: JSON.stringify(linked),
          status: 'active',
          stopped_on: null,
          updated_at: now,
        },
        [...new Set([app.applicant!.idNumber, ...app.members.filter((m) => !m.excluded).map((m) => m.idNumber)])],
      );
      record('applied', { linked, legalBasis });
      return { applied: true };
    }

    if (d.reasons.length === 0) return refuse('DECISION_REFUSAL_INCOMPLETE');
    const redress = work.cases.settings().notice.redress;
    if (!redress) return refuse('DECISION_REDRESS_MISSING');
    const legalBasis = d.legalBasis.length ? d.legalBasis : DEFAULT_REFUSAL_BASIS;
    work.cases.step(row, 'refuse', actor, d.reasons.join('；').slice(0, 500), app, {
      decision: { id: d.id, source: d.source, outcome: d.outcome, reasons: d.reasons, decidedOn: today },
    });
    work.cases.repo.meetDeadline(row.id, 'decision', now);
    const due = work.cases.withCalendar((c) => refusalNoticeDeadline(today, c));
    work.cases.repo.setDeadline(row.id, {
      kind: due.kind,
      from_date: due.fromDate,
      working_days: due.workingDays,
      due_date: due.dueDate,
      reason: null,
    });
    work.notice(
      row.id,
      'refusal',
      refusalSchema,
      { ...b, acceptedOn: row.accepted_on ?? today, decidedOn: today, reasons: d.reasons, legalBasis, redress },
      actor,
    );
    record('applied', { legalBasis });
    return { applied: true };
  })();
}

type Refuse = (code: ErrorCode, params?: Record<string, string>) => DecisionResult;
type Record_ = (status: 'applied' | 'refused', extra?: { legalBasis?: string[] }) => void;

/**
 * 临时救助 approved (社会救助暂行办法 art. 49): the case is approved and the grant recorded — total,
 * form, instalments — with its `relief.payment` record and the 临时救助审核确认通知书 (with the
 * 先行救助 already paid, if any); no roster entry, no review date, no 资格认证.
 */
function approveRelief(
  work: Work,
  actor: string,
  d: DecisionToApply,
  row: NonNullable<ReturnType<Work['cases']['repo']['get']>>,
  app: ReturnType<Work['cases']['application']>,
  refuse: Refuse,
  record: Record_,
): DecisionResult {
  const grant = reliefGrantSchema.safeParse({ amountFen: d.amountFen, ...d.relief });
  if (!d.relief || !grant.success) return refuse('DECISION_RELIEF_INCOMPLETE');
  const legalBasis = d.legalBasis.length ? d.legalBasis : DEFAULT_RELIEF_BASIS;
  const decision = {
    id: d.id,
    source: d.source,
    outcome: d.outcome,
    amountFen: grant.data.amountFen,
    relief: grant.data,
    decidedOn: work.today(),
  };
  work.cases.step(row, 'approve', actor, null, app, { decision });
  work.cases.repo.meetAllDeadlines(row.id, work.now());
  grantRelief(work, actor, row.id, d.id, grant.data);
  const g = grant.data;
  const advance = new ReliefRepo(work.db).advanceOf(row.id);
  const paidFirst =
    advance && advance.paid_on
      ? {
          advance: {
            amountFen: advance.amount_fen,
            form: advance.form,
            ...(advance.in_kind ? { inKind: advance.in_kind } : {}),
            paidOn: advance.paid_on,
          },
        }
      : {};
  work.notice(
    row.id,
    'relief-approval',
    reliefApprovalSchema,
    {
      ...work.noticeBase(row, app),
      householdSize: row.household_size || 1,
      amountFen: g.amountFen,
      form: g.form,
      ...(g.inKind ? { inKind: g.inKind } : {}),
      payments: g.payments,
      ...paidFirst,
      decidedOn: work.today(),
      legalBasis,
    },
    actor,
  );
  record('applied', { legalBasis });
  return { applied: true };
}

/**
 * A decision recorded as not applied (e.g. a refusal that arrived before the station set its
 * redress route) applied again now, at the desk: errors are thrown and the record stays as it was.
 */
export function retryDecision(work: Work, actor: string, id: string) {
  return work.db.transaction(() => {
    const row = work.repo.decision(id);
    if (!row || row.status !== 'refused') throw new JiuzhuError('DECISION_NOT_RETRYABLE');
    work.repo.deleteDecision(id);
    const list = (json: string) => JSON.parse(json) as string[];
    const relief = row.relief ? (JSON.parse(row.relief) as DecisionToApply['relief']) : undefined;
    applyDecision(
      work,
      actor,
      {
        id,
        caseId: row.case_id,
        source: row.source,
        outcome: row.outcome,
        amountFen: row.amount_fen ?? undefined,
        startMonth: row.start_month ?? undefined,
        reasons: list(row.reasons),
        legalBasis: list(row.legal_basis),
        relief,
      },
      'throw',
    );
    work.audit(actor, 'decisions.retry', row.case_id, { decision: id });
    return work.cases.mustGet(row.case_id);
  })();
}

/** Where the county delegated 审核确认, the station head decides at the desk (errors are thrown, nothing recorded). */
export function decideLocally(
  work: Work,
  actor: string,
  caseId: string,
  version: number,
  d:
    | {
        outcome: 'approved';
        amountFen: number;
        startMonth?: string | undefined;
        legalBasis: string[];
        relief?: Omit<ReliefGrantInput, 'amountFen'> | undefined;
      }
    | { outcome: 'refused'; reasons: string[]; legalBasis: string[] },
) {
  if (!work.cases.settings().decisionDelegated) throw new JiuzhuError('DECISION_NOT_DELEGATED');
  return work.db.transaction(() => {
    work.caseAt(caseId, version);
    applyDecision(work, actor, { id: work.id(), caseId, source: 'local', reasons: [], ...d }, 'throw');
    return work.cases.mustGet(caseId);
  })();
}
