import type { Db } from '../kernel/store/types';

/** A `roster.imported` the platform refused and nobody resolved: the outbox row with the platform's answer. */
export interface RefusedImportRow {
  id: string;
  case_id: string;
  body: string;
  reason: string | null;
  /** The wire error's `{code, details}` as JSON (migration 0890); null for answers kept before it. */
  answer_error: string | null;
  answered_at: string | null;
  case_no: string | null;
}

/**
 * SQL of settling a refused `roster.imported` (README.md, "A refused import"): the refused records
 * (outbox rows without a sync_resolution), and the adoption of the platform's values on the roster
 * row and the imported decision (the record's resolution goes to sync's sync_resolution). The caller owns the
 * transaction.
 */
export class RefusedImportRepo {
  constructor(private readonly db: Db) {}

  /** Every refused, unresolved `roster.imported`, oldest first (demo cases never sync). */
  refused(): RefusedImportRow[] {
    return this.db
      .prepare(
        `SELECT o.id, o.case_id, o.body, o.reason, o.answer_error, o.answered_at, f.case_no FROM outbox o
         LEFT JOIN case_file f ON f.id = o.case_id
         WHERE o.kind = 'roster.imported' AND o.state = 'rejected'
           AND NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.record_id = o.id)
         ORDER BY o.seq`,
      )
      .all() as RefusedImportRow[];
  }

  /** The platform's values on the imported household's roster row. */
  adoptOnRoster(
    caseId: string,
    v: { category: string; amount_fen: number; monthly: number; since_month: string; next_review_on: string; updated_at: string },
  ): number {
    return this.db
      .prepare(
        `UPDATE roster SET category = @category, amount_fen = @amount_fen, monthly = @monthly, since_month = @since_month,
         next_review_on = @next_review_on, updated_at = @updated_at WHERE case_id = @case_id AND status = 'active'`,
      )
      .run({ ...v, case_id: caseId }).changes;
  }

  activeRosterOfCase(caseId: string): string | undefined {
    return this.db.prepare("SELECT id FROM roster WHERE case_id = ? AND status = 'active'").pluck().get(caseId) as string | undefined;
  }

  /** The imported decision (`import:<caseId>`) with the platform's amount and first month. */
  adoptOnDecision(caseId: string, v: { amount_fen: number | null; start_month: string }): number {
    return this.db
      .prepare('UPDATE case_decision SET amount_fen = @amount_fen, start_month = @start_month WHERE id = @id')
      .run({ ...v, id: `import:${caseId}` }).changes;
  }
}
