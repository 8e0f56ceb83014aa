import { JiuzhuError } from '../../../common/contract/errors';
import { chinaDate } from '../../../common/cases/age';
import { type MonitoringBody } from '../../../common/sync/relief';
import { Outbox } from '../sync/index';
import { monitoringEntryRecord } from '../../../sync-protocol/records/index';
import { ReliefRepo, type MonitoringDbRow } from './reliefRepo';
import type { Work } from './work';

/**
 * 低收入人口 monitoring (the 低收入人口动态监测 of the national measures; in 重庆 its scope names
 * 低保边缘家庭 and applicants whose application did not pass — shared/research/000_9e63ed75b692288c.txt):
 * the caseworker or the head puts a household under monitoring with a reason, so that
 * the platform's warnings about any of its members can be worked like a roster member's; taking it
 * off is recorded too. Each step is one transaction: the row, the case's timeline line, the
 * `monitoring.entry` record and the audit row.
 */

/** Why a case may be monitored: refused (不予批准 / 不予受理), or a 低保边缘 household. Null: it may not. */
function originOf(state: string, type: string | undefined): MonitoringDbRow['origin'] | null {
  if (state === 'refused' || state === 'not_accepted') return 'refused';
  if (type === 'marginal' && state !== 'draft' && state !== 'discarded') return 'marginal';
  return null;
}

function record(work: Work, m: MonitoringDbRow, idNumbers: string[], action: 'enter' | 'exit', reason: string, at: string): void {
  const body: MonitoringBody = { monitoringId: m.id, caseId: m.case_id, action, origin: m.origin, idNumbers, reason, at };
  new Outbox(work.db, work.deps.clock).enqueue(monitoringEntryRecord(body));
}

export function enterMonitoring(work: Work, actor: string, caseId: string, reason: string): MonitoringDbRow {
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId);
    const origin = originOf(row.state, app.type);
    if (!origin || !app.applicant) throw new JiuzhuError('MONITORING_NOT_ELIGIBLE', { state: work.stateLabel(row.state) });
    const relief = new ReliefRepo(work.db);
    if (relief.activeMonitoringOfCase(caseId)) throw new JiuzhuError('MONITORING_ALREADY');
    const now = work.now();
    const m: MonitoringDbRow = {
      id: work.id(),
      case_id: caseId,
      origin,
      applicant_id_number: app.applicant.idNumber,
      applicant_name: app.applicant.name,
      reason,
      status: 'active',
      started_at: now,
      started_by: actor,
      ended_at: null,
      ended_by: null,
      end_reason: null,
    };
    const idNumbers = [...new Set([app.applicant.idNumber, ...app.members.filter((x) => !x.excluded).map((x) => x.idNumber)])];
    relief.insertMonitoring(m, idNumbers);
    // Warnings received before, kept as not on the roster, can be worked now: their deadline runs from today.
    const dueOn = work.cases.withCalendar((c) => c.addWorkingDays(chinaDate(new Date(now)), work.repo.settings().warningWorkingDays));
    const adopted = relief.adoptWarnings(m.id, idNumbers, dueOn);
    record(work, m, idNumbers, 'enter', reason, now);
    work.event(caseId, 'monitoringEntered', actor, reason.slice(0, 500));
    work.audit(actor, 'monitoring.enter', caseId, { origin, members: idNumbers.length, warnings: adopted });
    return m;
  })();
}

export function exitMonitoring(work: Work, actor: string, monitoringId: string, reason: string): MonitoringDbRow {
  return work.db.transaction(() => {
    const relief = new ReliefRepo(work.db);
    const m = relief.monitoring(monitoringId);
    if (!m) throw new JiuzhuError('MONITORING_NOT_FOUND');
    if (m.status !== 'active') throw new JiuzhuError('MONITORING_ENDED');
    const now = work.now();
    relief.endMonitoring(m.id, { ended_at: now, ended_by: actor, end_reason: reason });
    record(work, m, relief.members(m.id), 'exit', reason, now);
    work.event(m.case_id, 'monitoringEnded', actor, reason.slice(0, 500));
    work.audit(actor, 'monitoring.exit', m.case_id, { monitoring: m.id });
    return relief.monitoring(m.id)!;
  })();
}
