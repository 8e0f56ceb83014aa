import type { Db } from '../../kernel/store/types';

/** A pulled `verification.report` item as kept (migration 0850). */
export interface VerificationRow {
  id: string;
  case_id: string;
  report_no: string;
  centre: string;
  issued_on: string;
  /** The report body as the platform sent it (members and items), JSON. */
  body: string;
  feed_seq: number;
  status: 'applied' | 'notApplied';
  /** Not applied: `{ code, message }` of the reason (JSON). */
  reason: string | null;
  superseded_by: string | null;
  received_at: string;
}

/** SQL of the case's 核对 reports (table case_verification, in the encrypted station store). */
export class VerificationRepo {
  constructor(private readonly db: Db) {}

  get(id: string): VerificationRow | undefined {
    return this.db.prepare('SELECT * FROM case_verification WHERE id = ?').get(id) as VerificationRow | undefined;
  }

  insert(r: VerificationRow): void {
    this.db
      .prepare(
        `INSERT INTO case_verification (id, case_id, report_no, centre, issued_on, body, feed_seq, status, reason, superseded_by, received_at)
         VALUES (@id, @case_id, @report_no, @centre, @issued_on, @body, @feed_seq, @status, @reason, @superseded_by, @received_at)`,
      )
      .run(r);
  }

  /** Mark every applied report of the case but the latest (by issue day, then feed order) superseded by the latest. */
  settle(caseId: string): void {
    const latest = this.current(caseId);
    if (!latest) return;
    this.db
      .prepare("UPDATE case_verification SET superseded_by = ? WHERE case_id = ? AND status = 'applied' AND id <> ?")
      .run(latest.id, caseId, latest.id);
    this.db.prepare('UPDATE case_verification SET superseded_by = NULL WHERE id = ?').run(latest.id);
  }

  /** The case's current report: the latest applied one. */
  current(caseId: string): VerificationRow | undefined {
    return this.db
      .prepare("SELECT * FROM case_verification WHERE case_id = ? AND status = 'applied' ORDER BY issued_on DESC, feed_seq DESC LIMIT 1")
      .get(caseId) as VerificationRow | undefined;
  }

  /** The case's earlier reports, newest first. */
  superseded(caseId: string): VerificationRow[] {
    return this.db
      .prepare(
        "SELECT * FROM case_verification WHERE case_id = ? AND status = 'applied' AND superseded_by IS NOT NULL ORDER BY issued_on DESC, feed_seq DESC",
      )
      .all(caseId) as VerificationRow[];
  }

  /** The case's reports kept as not applied (the case was not here when they came), oldest first. */
  keptFor(caseId: string): VerificationRow[] {
    return this.db
      .prepare("SELECT * FROM case_verification WHERE case_id = ? AND status = 'notApplied' ORDER BY feed_seq")
      .all(caseId) as VerificationRow[];
  }

  markApplied(id: string): void {
    this.db.prepare("UPDATE case_verification SET status = 'applied', reason = NULL WHERE id = ?").run(id);
  }

  /** Reports kept as not applied, newest first. */
  notApplied(limit = 200): VerificationRow[] {
    return this.db
      .prepare("SELECT * FROM case_verification WHERE status = 'notApplied' ORDER BY received_at DESC, id LIMIT ?")
      .all(limit) as VerificationRow[];
  }
}
