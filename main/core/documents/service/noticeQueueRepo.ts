import type { Db } from '../../kernel/store/types';

/** A `notice_request` row (migration 0060) with its case's number joined (null for a draft or a row that is not a case's). */
export interface NoticeRequestRow {
  id: string;
  case_id: string;
  kind: string;
  data: string;
  requested_at: string;
  requested_by: string;
  state: 'pending' | 'printed' | 'cancelled';
  case_no: string | null;
  document_id: string | null;
}

/** The print queue's statements over `notice_request`; callers own the transaction. */
export class NoticeQueueRepo {
  constructor(private readonly db: Db) {}

  /** Requests in one state, oldest first, optionally of one case and one kind. */
  inState(filter: { state: NoticeRequestRow['state']; caseId: string | null; kind: string | null; limit: number }): NoticeRequestRow[] {
    return this.db
      .prepare(
        `SELECT n.*, c.case_no FROM notice_request n LEFT JOIN case_file c ON c.id = n.case_id
         WHERE n.state = @state AND (@caseId IS NULL OR n.case_id = @caseId) AND (@kind IS NULL OR n.kind = @kind)
         ORDER BY n.requested_at, n.rowid LIMIT @limit`,
      )
      .all(filter) as NoticeRequestRow[];
  }

  get(id: string): NoticeRequestRow | undefined {
    return this.db
      .prepare('SELECT n.*, c.case_no FROM notice_request n LEFT JOIN case_file c ON c.id = n.case_id WHERE n.id = ?')
      .get(id) as NoticeRequestRow | undefined;
  }

  /** A pending request; `data` is the document's data as JSON. */
  insertPending(n: { id: string; caseId: string; kind: string; data: string; at: string; by: string }): void {
    this.db
      .prepare(
        "INSERT INTO notice_request (id, case_id, kind, data, requested_at, requested_by, state) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
      )
      .run(n.id, n.caseId, n.kind, n.data, n.at, n.by);
  }

  /** A pending request printed with this document (a request no longer pending is left as it is). */
  markPrinted(id: string, documentId: string): void {
    this.db.prepare("UPDATE notice_request SET state = 'printed', document_id = ? WHERE id = ? AND state = 'pending'").run(documentId, id);
  }
}
