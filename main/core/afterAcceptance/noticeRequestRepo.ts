import type { Db } from '../kernel/store/types';

/**
 * The notices after-acceptance steps queue for printing: a row of `notice_request` (migration 0060,
 * read and printed by main/core/documents' print queue), written in the step's transaction.
 */
export class NoticeRequestRepo {
  constructor(private readonly db: Db) {}

  /** A pending request; `caseId` is the case's id, or a combined list's print-queue id; `data` is the document's data as JSON. */
  queue(n: { id: string; caseId: string; kind: string; data: string; at: string; by: string }): void {
    this.db
      .prepare(
        "INSERT INTO notice_request (id, case_id, kind, data, requested_at, requested_by, state) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
      )
      .run(n.id, n.caseId, n.kind, n.data, n.at, n.by);
  }
}
