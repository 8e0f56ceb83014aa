import { JiuzhuError } from '../../../common/contract/errors';
import type { CloseInput } from '../../../common/contract/methods/afterAcceptance/warnings';
import { closeInputSchema } from '../../../common/contract/methods/afterAcceptance/warnings';
import { chinaDate } from '../../../common/cases/age';
import { nextMonth } from './dates';
import type { ChangePlan } from './changePlan';
import { proposeChange } from './changeWork';
import type { WarningDbRow } from './repo';
import type { Work } from './work';
import { ReliefRepo } from './reliefRepo';
import { assigneeOf } from './warningAssignees';

export interface WarningToReceive {
  id: string;
  idNumber: string;
  type: string;
  detail?: string | undefined;
}

/**
 * A monitoring warning from the platform, in the pull page's transaction. A person on the active
 * roster: the warning is opened with its verification deadline (working days, county setting) and
 * the household's case timeline notes it. Anyone else: recorded as not on the roster, nothing applied.
 * Idempotent: the same warning pulled again changes nothing.
 */
export function receiveWarning(work: Work, actor: string, w: WarningToReceive): 'opened' | 'not_on_roster' | 'duplicate' {
  const roster = work.repo.activeRosterOf(w.idNumber);
  // Not on the roster but under 低收入人口 monitoring (monitoringWork.ts): worked the same way.
  const monitoring = roster ? undefined : new ReliefRepo(work.db).activeMonitoringOf(w.idNumber);
  const caseId = roster?.case_id ?? monitoring?.case_id;
  const received = work.now();
  const dueOn = work.cases.withCalendar((c) => c.addWorkingDays(chinaDate(new Date(received)), work.repo.settings().warningWorkingDays));
  const inserted = work.repo.insertWarning({
    id: w.id,
    type: w.type,
    id_number: w.idNumber,
    detail: w.detail ?? null,
    received_at: received,
    due_on: dueOn,
    status: caseId ? 'open' : 'not_on_roster',
    roster_id: roster?.id ?? null,
    monitoring_id: monitoring?.id ?? null,
    assigned_to: null,
    assigned_at: null,
    verification: null,
    outcome: null,
    outcome_reasons: null,
    closed_at: null,
    closed_by: null,
  });
  if (!inserted) return 'duplicate';
  if (caseId) work.event(caseId, 'warningReceived', actor, w.type);
  work.audit(
    actor,
    'warnings.received',
    w.id,
    { type: w.type, onRoster: roster !== undefined, monitored: monitoring !== undefined },
    'warning',
  );
  return caseId ? 'opened' : 'not_on_roster';
}

function workable(work: Work, id: string): WarningDbRow {
  const w = work.repo.warning(id);
  if (!w) throw new JiuzhuError('WARNING_NOT_FOUND');
  if (w.status === 'not_on_roster') throw new JiuzhuError('WARNING_NOT_ON_ROSTER');
  if (w.status === 'closed') throw new JiuzhuError('WARNING_CLOSED');
  return w;
}

/** Only an account that can verify and close a warning takes it (warningAssignees.ts); a warning held by another may be re-assigned. */
export function assignWarning(work: Work, actor: string, id: string, accountId: string): void {
  work.db.transaction(() => {
    workable(work, id);
    assigneeOf(work.db, accountId);
    work.repo.updateWarning(id, { assigned_to: accountId, assigned_at: work.now() });
    work.audit(actor, 'warnings.assign', id, { to: accountId }, 'warning');
  })();
}

export function verifyWarning(work: Work, actor: string, id: string, v: { verifiedOn: string; method: string; findings: string }): void {
  work.db.transaction(() => {
    const w = workable(work, id);
    work.repo.updateWarning(id, {
      status: 'verified',
      verification: JSON.stringify(v),
      ...(w.assigned_to ? {} : { assigned_to: actor, assigned_at: work.now() }),
    });
    const caseId = w.roster_id
      ? work.repo.roster(w.roster_id)?.case_id
      : w.monitoring_id
        ? new ReliefRepo(work.db).monitoring(w.monitoring_id)?.case_id
        : undefined;
    if (caseId) work.event(caseId, 'warningVerified', actor, v.method);
    work.audit(actor, 'warnings.verify', id, {}, 'warning');
  })();
}

/**
 * The outcome of a verified warning. no_change: the benefit continues, the warning is closed.
 * adjust / stop: reasons and legal basis are required, and they are a PROPOSAL (changeWork.ts):
 * the warning is closed with it, the roster and the notice wait for the county's decision (or the
 * head's, where delegated) — all in one transaction.
 */
export function closeWarning(work: Work, actor: string, id: string, input: CloseInput): void {
  const c = closeInputSchema.parse(input);
  work.db.transaction(() => {
    const w = workable(work, id);
    if (w.status !== 'verified') throw new JiuzhuError('WARNING_NOT_VERIFIED');
    if (!w.roster_id && w.monitoring_id) return closeMonitored(work, actor, w, c);
    const roster = work.repo.roster(w.roster_id!);
    if (!roster) throw new JiuzhuError('ROSTER_NOT_FOUND');
    const today = work.today();
    const { row, app } = work.caseAt(roster.case_id);
    const effectiveMonth = c.effectiveMonth ?? nextMonth(today);
    const closed = {
      status: 'closed' as const,
      outcome: c.outcome,
      outcome_reasons: JSON.stringify(c.reasons),
      closed_at: work.now(),
      closed_by: actor,
    };
    const warning = {
      id,
      type: w.type,
      outcome: c.outcome,
      effectiveMonth,
      ...(c.newAmountFen !== undefined ? { newAmountFen: c.newAmountFen } : {}),
    };
    if (c.outcome === 'no_change') {
      work.repo.updateWarning(id, closed);
      work.touch(row, app, 'warningNoChange', actor, c.reasons.join('；').slice(0, 500) || null, {
        warning,
        roster: { status: 'active', amountFen: roster.amount_fen },
      });
      return;
    }
    if (c.reasons.length === 0 || c.legalBasis.length === 0) throw new JiuzhuError('WARNING_REASONS_REQUIRED');
    if (effectiveMonth < today.slice(0, 7)) throw new JiuzhuError('ROSTER_REVIEW_MONTH_PAST', { month: effectiveMonth });
    const written = { effectiveMonth, reasons: c.reasons, legalBasis: c.legalBasis };
    let plan: ChangePlan;
    if (c.outcome === 'adjust') {
      if (c.newAmountFen === undefined) throw new JiuzhuError('WARNING_AMOUNT_REQUIRED');
      plan = { outcome: 'adjust', newAmountFen: c.newAmountFen, ...written };
    } else plan = { outcome: 'stop', ...written };
    work.repo.updateWarning(id, closed);
    proposeChange(work, actor, { roster, row, app, origin: 'warning', originId: id, plan, context: { warning } });
  })();
}

/**
 * A warning worked under 低收入人口 monitoring: there is no benefit to adjust or stop, so only
 * "no change" closes it (with what was found); a household that now needs help applies, or is
 * helped, through a new case.
 */
function closeMonitored(work: Work, actor: string, w: WarningDbRow, c: ReturnType<typeof closeInputSchema.parse>): void {
  if (c.outcome !== 'no_change') throw new JiuzhuError('WARNING_MONITORING_NO_BENEFIT');
  work.repo.updateWarning(w.id, {
    status: 'closed',
    outcome: 'no_change',
    outcome_reasons: JSON.stringify(c.reasons),
    closed_at: work.now(),
    closed_by: actor,
  });
  const m = new ReliefRepo(work.db).monitoring(w.monitoring_id!);
  if (m) work.event(m.case_id, 'warningNoChange', actor, c.reasons.join('；').slice(0, 500) || null);
  work.audit(actor, 'warnings.close', w.id, { outcome: 'no_change', monitored: true }, 'warning');
}
