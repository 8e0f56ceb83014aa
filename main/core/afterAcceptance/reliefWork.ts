import { JiuzhuError } from '../../../common/contract/errors';
import { mayAdvance, type AdvanceState, type ReliefAdvance, type ReliefGrant } from '../../../common/cases/relief';
import { deadlineFrom } from '../../../common/cases/deadlines';
import type { CaseState } from '../../../common/cases/stateMachine';
import { type ReliefPaymentBody } from '../../../common/sync/relief';
import type { CaseRow } from '../cases/caseRepo';
import { Outbox } from '../sync/index';
import { reliefPaymentRecord } from '../../../sync-protocol/records/index';
import { ReliefRepo, type ReliefDbRow } from './reliefRepo';
import type { Work } from './work';

/**
 * 临时救助 (社会救助暂行办法 arts. 47–50; 民发〔2018〕23号): paid once or in a few instalments, in cash,
 * in kind or by transfer, never a monthly roster entry. 急难型 cases may be paid first (先行救助,
 * art. 49 and the 2018 意见 "先行救助"): the station records who paid what and how, within the
 * county's limit, and the papers follow within the county's deadline; the 初审意见 completes them
 * (publicityWork.ts), 公示 and the decision follow as for any case.
 */

/** States in which the papers are not complete yet: an advance may be paid. */
const ADVANCE_STATES: readonly CaseState[] = ['submitted', 'needs_supplement', 'accepted', 'investigating'];

const bodyOf = (r: ReliefDbRow, extra: Partial<ReliefPaymentBody>): ReliefPaymentBody => ({
  paymentId: r.id,
  caseId: r.case_id,
  kind: r.kind,
  amountFen: r.amount_fen,
  form: r.form,
  ...(r.in_kind ? { inKind: r.in_kind } : {}),
  payments: r.payments,
  recordedAt: r.recorded_at,
  ...extra,
});

/**
 * 先行救助 on an urgent 临时救助 case, one transaction: the payment row, the papers' deadline
 * (`relief_papers`, county working days from the payment day), the case's version + timeline +
 * case.upsert, the `relief.payment` record, the audit row. Refused: another type or an expense
 * case, a case past its papers, a second advance, a payment dated in the future, or an amount over
 * the county's limit (named in 元).
 */
export function recordAdvance(work: Work, actor: string, caseId: string, version: number, a: ReliefAdvance): CaseRow {
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId, version);
    if (!mayAdvance(app.type, app.subtype)) throw new JiuzhuError('RELIEF_ADVANCE_NOT_URGENT');
    if (!ADVANCE_STATES.includes(row.state)) throw new JiuzhuError('RELIEF_ADVANCE_WRONG_STEP', { state: work.stateLabel(row.state) });
    const relief = new ReliefRepo(work.db);
    if (relief.advanceOf(caseId)) throw new JiuzhuError('RELIEF_ADVANCE_EXISTS');
    const today = work.today();
    if (a.paidOn > today) throw new JiuzhuError('RELIEF_PAID_IN_FUTURE');
    const s = work.cases.settings().relief;
    if (a.amountFen > s.advanceLimitYuan * 100)
      throw new JiuzhuError('RELIEF_ADVANCE_OVER_LIMIT', { limit: String(s.advanceLimitYuan), amount: (a.amountFen / 100).toFixed(2) });
    const due = work.cases.withCalendar((c) => deadlineFrom('relief_papers', a.paidOn, s.advancePapersWorkingDays, c));
    const r: ReliefDbRow = {
      id: work.id(),
      case_id: caseId,
      kind: 'advance',
      decision_id: null,
      amount_fen: a.amountFen,
      form: a.form,
      in_kind: a.inKind ?? null,
      payments: 1,
      paid_on: a.paidOn,
      paid_by: a.paidBy,
      reason: a.reason,
      recorded_at: work.now(),
      recorded_by: actor,
    };
    relief.insertPayment(r);
    work.cases.repo.setDeadline(caseId, {
      kind: 'relief_papers',
      from_date: due.fromDate,
      working_days: due.workingDays,
      due_date: due.dueDate,
      reason: null,
    });
    const body = bodyOf(r, { paidOn: a.paidOn, paidBy: a.paidBy, reason: a.reason, papersDueOn: due.dueDate });
    new Outbox(work.db, work.deps.clock).enqueue(reliefPaymentRecord(body));
    work.touch(row, app, 'reliefAdvance', actor, `${(a.amountFen / 100).toFixed(2)} 元`, {
      relief: { paymentId: r.id, kind: 'advance', amountFen: a.amountFen, form: a.form, papersDueOn: due.dueDate },
    });
    return work.cases.mustGet(caseId);
  })();
}

/** The grant of an approved 临时救助 decision, in the decision's transaction: the payment row and its `relief.payment` record. */
export function grantRelief(work: Work, actor: string, caseId: string, decisionId: string, g: ReliefGrant): void {
  const r: ReliefDbRow = {
    id: work.id(),
    case_id: caseId,
    kind: 'grant',
    decision_id: decisionId,
    amount_fen: g.amountFen,
    form: g.form,
    in_kind: g.inKind ?? null,
    payments: g.payments,
    paid_on: null,
    paid_by: null,
    reason: null,
    recorded_at: work.now(),
    recorded_by: actor,
  };
  new ReliefRepo(work.db).insertPayment(r);
  new Outbox(work.db, work.deps.clock).enqueue(reliefPaymentRecord(bodyOf(r, { decisionId })));
}

/** Where an advance stands: papers still to complete (先行救助，待补办) until the 初审意见, then done. Null without an advance. */
export function advanceState(work: Work, caseId: string): { state: AdvanceState; dueOn: string } | null {
  const d = work.cases.repo.deadlines(caseId).find((x) => x.kind === 'relief_papers');
  if (!d) return null;
  return { state: d.met_at ? 'papers_done' : 'papers_pending', dueOn: d.due_date };
}
