import type { CaseState } from '../../../common/cases/stateMachine';
import type { Db } from '../kernel/store/types';

/** A kept online application (migration 0840). */
export interface OnlineApplicationRow {
  id: string;
  submitted_at: string;
  submitted_on: string;
  source: 'miniProgram' | 'gridWorker';
  type: string;
  applicant_id_number: string;
  applicant_name: string;
  household_size: number;
  /** The `application.online` body as pulled (JSON). */
  body: string;
  received_at: string;
  case_id: string | null;
  linked_at: string | null;
  linked_by: string | null;
}

/** A queue row with the state of the case it became (null before the counter started it). */
export type QueueRow = OnlineApplicationRow & { case_state: CaseState | null };

/** SQL of the 待受理 queue. */
export class OnlineApplicationRepo {
  constructor(private readonly db: Db) {}

  get(id: string): OnlineApplicationRow | undefined {
    return this.db.prepare('SELECT * FROM online_application WHERE id = ?').get(id) as OnlineApplicationRow | undefined;
  }

  /** Keep a pulled application once: false when its id is already here. */
  insert(row: Omit<OnlineApplicationRow, 'case_id' | 'linked_at' | 'linked_by'>): boolean {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO online_application (id, submitted_at, submitted_on, source, type, applicant_id_number, applicant_name, household_size, body, received_at)
           VALUES (@id, @submitted_at, @submitted_on, @source, @type, @applicant_id_number, @applicant_name, @household_size, @body, @received_at)`,
        )
        .run(row).changes === 1
    );
  }

  /** Link the case the counter made of it; only once (a second link is refused by returning false). */
  link(id: string, caseId: string, at: string, by: string): boolean {
    return (
      this.db
        .prepare('UPDATE online_application SET case_id = ?, linked_at = ?, linked_by = ? WHERE id = ? AND case_id IS NULL')
        .run(caseId, at, by, id).changes === 1
    );
  }

  /**
   * The queue, oldest submission first: `waiting` — not yet completed at the counter, or completed
   * into a case still a draft or waiting for the acceptance decision; `all` — every one.
   */
  list(show: 'waiting' | 'all', limit = 500): QueueRow[] {
    const where = show === 'waiting' ? "WHERE c.id IS NULL OR c.state IN ('draft', 'submitted')" : '';
    return this.db
      .prepare(
        `SELECT o.*, c.state AS case_state FROM online_application o LEFT JOIN case_file c ON c.id = o.case_id ${where} ORDER BY o.submitted_at, o.id LIMIT ?`,
      )
      .all(limit) as QueueRow[];
  }

  one(id: string): QueueRow | undefined {
    return this.db
      .prepare('SELECT o.*, c.state AS case_state FROM online_application o LEFT JOIN case_file c ON c.id = o.case_id WHERE o.id = ?')
      .get(id) as QueueRow | undefined;
  }

  /** The application's blobs already fetched into the attachment store, by SHA-256 (their references are under the application id). */
  storedBlobs(id: string): Map<string, string> {
    const rows = this.db
      .prepare("SELECT sha256, attachment_id FROM sync_remote_blob WHERE case_id = ? AND state = 'stored' AND attachment_id IS NOT NULL")
      .all(id) as Array<{ sha256: string; attachment_id: string }>;
    return new Map(rows.map((r) => [r.sha256, r.attachment_id]));
  }
}
