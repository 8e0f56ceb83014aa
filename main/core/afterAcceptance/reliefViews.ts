import type { MonitoringView, ReliefOfCase } from '../../../common/contract/methods/afterAcceptance/relief';
import { mayAdvance } from '../../../common/cases/relief';
import { maskIdNumber } from '../../../common/format/mask';
import { ReliefRepo, type MonitoringDbRow } from './reliefRepo';
import { advanceState } from './reliefWork';
import type { Work } from './work';

/** States in which a 先行救助 may still be recorded (reliefWork.ts). */
const BEFORE_PAPERS = new Set(['submitted', 'needs_supplement', 'accepted', 'investigating']);

export function monitoringView(repo: ReliefRepo, m: MonitoringDbRow): MonitoringView {
  return {
    id: m.id,
    caseId: m.case_id,
    origin: m.origin,
    applicantName: m.applicant_name,
    person: maskIdNumber(m.applicant_id_number),
    members: repo.members(m.id).length,
    reason: m.reason,
    status: m.status,
    startedAt: m.started_at,
    endedAt: m.ended_at,
    endReason: m.end_reason,
  };
}

export function reliefOfCase(work: Work, caseId: string): ReliefOfCase {
  const { row, app } = work.caseAt(caseId);
  const repo = new ReliefRepo(work.db);
  const s = work.cases.settings().relief;
  const payments = repo.payments(caseId);
  const monitoring = repo.monitoringOfCase(caseId);
  const refused = row.state === 'refused' || row.state === 'not_accepted';
  const marginal = app.type === 'marginal' && row.state !== 'draft' && row.state !== 'discarded';
  return {
    payments: payments.map((p) => ({
      id: p.id,
      kind: p.kind,
      amountFen: p.amount_fen,
      form: p.form,
      inKind: p.in_kind,
      payments: p.payments,
      paidOn: p.paid_on,
      paidBy: p.paid_by,
      reason: p.reason,
      recordedAt: p.recorded_at,
    })),
    advance: advanceState(work, caseId),
    advanceLimitYuan: s.advanceLimitYuan,
    advancePapersWorkingDays: s.advancePapersWorkingDays,
    mayAdvance: mayAdvance(app.type, app.subtype) && BEFORE_PAPERS.has(row.state) && !payments.some((p) => p.kind === 'advance'),
    mayMonitor: (refused || marginal) && !monitoring.some((m) => m.status === 'active'),
    monitoring: monitoring.map((m) => monitoringView(repo, m)),
  };
}
