import type { Db } from '../kernel/store/types';

export type ChangeStatus = 'proposed' | 'approved' | 'refused';
export interface ChangeDbRow {
  id: string;
  roster_id: string;
  case_id: string;
  origin: 'review' | 'warning';
  origin_id: string;
  outcome: 'adjust' | 'phase_out' | 'stop';
  /** JSON of the ChangePlan (changePlan.ts). */
  plan: string;
  previous_amount_fen: number;
  status: ChangeStatus;
  proposed_at: string;
  proposed_by: string;
  decision_id: string | null;
  decision_source: 'platform' | 'local' | null;
  decision_reasons: string | null;
  decided_on: string | null;
  decided_at: string | null;
  decided_by: string | null;
  notice_id: string | null;
}
export interface RefusalDbRow {
  decision_id: string;
  kind: 'decision' | 'change-decision';
  case_id: string;
  code: string;
  message: string;
  received_at: string;
  record_id: string;
}
export interface RefusalListRow extends RefusalDbRow {
  case_no: string | null;
  record_state: string | null;
}

/** SQL of the benefit-change proposals and of the decisions sent back to the platform (migration 0650). Callers own the transactions. */
export class ChangeRepo {
  constructor(private readonly db: Db) {}

  insert(
    r: Omit<
      ChangeDbRow,
      'status' | 'decision_id' | 'decision_source' | 'decision_reasons' | 'decided_on' | 'decided_at' | 'decided_by' | 'notice_id'
    >,
  ): void {
    this.db
      .prepare(
        `INSERT INTO benefit_change (id, roster_id, case_id, origin, origin_id, outcome, plan, previous_amount_fen, status, proposed_at, proposed_by)
         VALUES (@id, @roster_id, @case_id, @origin, @origin_id, @outcome, @plan, @previous_amount_fen, 'proposed', @proposed_at, @proposed_by)`,
      )
      .run(r);
  }
  get(id: string): ChangeDbRow | undefined {
    return this.db.prepare('SELECT * FROM benefit_change WHERE id = ?').get(id) as ChangeDbRow | undefined;
  }
  byDecision(decisionId: string): ChangeDbRow | undefined {
    return this.db.prepare('SELECT * FROM benefit_change WHERE decision_id = ?').get(decisionId) as ChangeDbRow | undefined;
  }
  openOf(rosterId: string): ChangeDbRow | undefined {
    return this.db.prepare("SELECT * FROM benefit_change WHERE roster_id = ? AND status = 'proposed'").get(rosterId) as
      ChangeDbRow | undefined;
  }
  ofOrigin(origin: 'review' | 'warning', originId: string): ChangeDbRow | undefined {
    return this.db
      .prepare('SELECT * FROM benefit_change WHERE origin = ? AND origin_id = ? ORDER BY proposed_at DESC LIMIT 1')
      .get(origin, originId) as ChangeDbRow | undefined;
  }
  ofCase(caseId: string): ChangeDbRow[] {
    return this.db.prepare('SELECT * FROM benefit_change WHERE case_id = ? ORDER BY proposed_at').all(caseId) as ChangeDbRow[];
  }
  /** Open proposals first (oldest first), then the latest decided ones. */
  list(limit: number): ChangeDbRow[] {
    return this.db
      .prepare(
        "SELECT * FROM benefit_change ORDER BY status <> 'proposed', CASE WHEN status = 'proposed' THEN proposed_at END, decided_at DESC LIMIT ?",
      )
      .all(limit) as ChangeDbRow[];
  }
  decide(
    id: string,
    set: {
      status: 'approved' | 'refused';
      decision_id: string;
      decision_source: 'platform' | 'local';
      decision_reasons: string;
      decided_on: string;
      decided_at: string;
      decided_by: string;
      notice_id: string | null;
    },
  ): void {
    const changed = this.db
      .prepare(
        `UPDATE benefit_change SET status = @status, decision_id = @decision_id, decision_source = @decision_source, decision_reasons = @decision_reasons,
           decided_on = @decided_on, decided_at = @decided_at, decided_by = @decided_by, notice_id = @notice_id WHERE id = @id AND status = 'proposed'`,
      )
      .run({ ...set, id }).changes;
    if (changed !== 1) throw new Error(`benefit_change ${id} was not open`);
  }

  insertRefusal(r: RefusalDbRow): void {
    this.db
      .prepare(
        'INSERT INTO decision_refusal (decision_id, kind, case_id, code, message, received_at, record_id) VALUES (@decision_id, @kind, @case_id, @code, @message, @received_at, @record_id)',
      )
      .run(r);
  }
  hasRefusal(decisionId: string): boolean {
    return this.db.prepare('SELECT 1 FROM decision_refusal WHERE decision_id = ?').get(decisionId) !== undefined;
  }
  /** Refusals with the case number (when the station holds the case) and the state of the record that carries each to the platform. */
  refusals(filter: { caseId?: string; limit: number }): RefusalListRow[] {
    return this.db
      .prepare(
        `SELECT r.*, c.case_no AS case_no, o.state AS record_state FROM decision_refusal r
         LEFT JOIN case_file c ON c.id = r.case_id LEFT JOIN outbox o ON o.id = r.record_id
         WHERE (@caseId IS NULL OR r.case_id = @caseId) ORDER BY r.received_at DESC LIMIT @limit`,
      )
      .all({ caseId: filter.caseId ?? null, limit: filter.limit }) as RefusalListRow[];
  }
}
