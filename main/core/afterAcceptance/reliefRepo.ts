import type { Db } from '../kernel/store/types';

/** One 临时救助 payment: the station's 先行救助 (`advance`) or a decision's grant (`grant`). */
export interface ReliefDbRow {
  id: string;
  case_id: string;
  kind: 'advance' | 'grant';
  decision_id: string | null;
  amount_fen: number;
  form: 'cash' | 'in_kind' | 'transfer';
  in_kind: string | null;
  payments: number;
  paid_on: string | null;
  paid_by: string | null;
  reason: string | null;
  recorded_at: string;
  recorded_by: string;
}

/** A household under 低收入人口 monitoring (migration 0700). */
export interface MonitoringDbRow {
  id: string;
  case_id: string;
  origin: 'refused' | 'marginal';
  applicant_id_number: string;
  applicant_name: string;
  reason: string;
  status: 'active' | 'ended';
  started_at: string;
  started_by: string;
  ended_at: string | null;
  ended_by: string | null;
  end_reason: string | null;
}

/** SQL of 临时救助 payments and 低收入人口 monitoring (migration 0700). Callers own the transactions. */
export class ReliefRepo {
  constructor(private readonly db: Db) {}

  insertPayment(r: ReliefDbRow): void {
    this.db
      .prepare(
        'INSERT INTO relief_payment (id, case_id, kind, decision_id, amount_fen, form, in_kind, payments, paid_on, paid_by, reason, recorded_at, recorded_by) VALUES (@id, @case_id, @kind, @decision_id, @amount_fen, @form, @in_kind, @payments, @paid_on, @paid_by, @reason, @recorded_at, @recorded_by)',
      )
      .run(r);
  }
  payments(caseId: string): ReliefDbRow[] {
    return this.db.prepare('SELECT * FROM relief_payment WHERE case_id = ? ORDER BY recorded_at').all(caseId) as ReliefDbRow[];
  }
  advanceOf(caseId: string): ReliefDbRow | undefined {
    return this.db.prepare("SELECT * FROM relief_payment WHERE case_id = ? AND kind = 'advance'").get(caseId) as ReliefDbRow | undefined;
  }

  insertMonitoring(r: MonitoringDbRow, idNumbers: string[]): void {
    this.db
      .prepare(
        'INSERT INTO income_monitoring (id, case_id, origin, applicant_id_number, applicant_name, reason, status, started_at, started_by, ended_at, ended_by, end_reason) VALUES (@id, @case_id, @origin, @applicant_id_number, @applicant_name, @reason, @status, @started_at, @started_by, @ended_at, @ended_by, @end_reason)',
      )
      .run(r);
    const add = this.db.prepare('INSERT OR IGNORE INTO income_monitoring_member (monitoring_id, id_number) VALUES (?, ?)');
    for (const n of idNumbers) add.run(r.id, n);
  }
  monitoring(id: string): MonitoringDbRow | undefined {
    return this.db.prepare('SELECT * FROM income_monitoring WHERE id = ?').get(id) as MonitoringDbRow | undefined;
  }
  monitoringOfCase(caseId: string): MonitoringDbRow[] {
    return this.db.prepare('SELECT * FROM income_monitoring WHERE case_id = ? ORDER BY started_at').all(caseId) as MonitoringDbRow[];
  }
  activeMonitoringOfCase(caseId: string): MonitoringDbRow | undefined {
    return this.db.prepare("SELECT * FROM income_monitoring WHERE case_id = ? AND status = 'active'").get(caseId) as
      MonitoringDbRow | undefined;
  }
  /** The active monitoring a person belongs to, if any. */
  activeMonitoringOf(idNumber: string): MonitoringDbRow | undefined {
    return this.db
      .prepare(
        "SELECT i.* FROM income_monitoring i JOIN income_monitoring_member m ON m.monitoring_id = i.id WHERE m.id_number = ? AND i.status = 'active' LIMIT 1",
      )
      .get(idNumber) as MonitoringDbRow | undefined;
  }
  members(id: string): string[] {
    return (
      this.db.prepare('SELECT id_number FROM income_monitoring_member WHERE monitoring_id = ? ORDER BY rowid').all(id) as Array<{
        id_number: string;
      }>
    ).map((r) => r.id_number);
  }
  monitoringList(activeOnly: boolean, limit: number): MonitoringDbRow[] {
    return this.db
      .prepare(`SELECT * FROM income_monitoring ${activeOnly ? "WHERE status = 'active'" : ''} ORDER BY status, started_at DESC LIMIT ?`)
      .all(limit) as MonitoringDbRow[];
  }
  endMonitoring(id: string, set: { ended_at: string; ended_by: string; end_reason: string }): void {
    this.db
      .prepare(
        "UPDATE income_monitoring SET status = 'ended', ended_at = @ended_at, ended_by = @ended_by, end_reason = @end_reason WHERE id = @id",
      )
      .run({ ...set, id });
  }
  /** Warnings kept as not on the roster for these people: they can be worked under the monitoring now. */
  adoptWarnings(monitoringId: string, idNumbers: string[], dueOn: string): number {
    if (idNumbers.length === 0) return 0;
    const marks = idNumbers.map(() => '?').join(', ');
    return this.db
      .prepare(
        `UPDATE warning SET status = 'open', monitoring_id = ?, due_on = ? WHERE status = 'not_on_roster' AND id_number IN (${marks})`,
      )
      .run(monitoringId, dueOn, ...idNumbers).changes;
  }
}
