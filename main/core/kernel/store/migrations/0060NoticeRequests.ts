import type { Migration } from '../migrate';

/**
 * Notices the law requires, owed to an applicant: a workflow step (受理, 补正, 不予受理, a decision …)
 * writes one row in its own transaction with the document kind and its typed data; the documents
 * capability renders, stores and prints it, and links the issued document here.
 */
export const m0060noticeRequests: Migration = {
  version: 60,
  name: '0060-notice-requests',
  up(db) {
    db.exec(`
      CREATE TABLE notice_request (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'printed', 'cancelled')),
        document_id TEXT
      ) STRICT;
      CREATE INDEX notice_request_pending ON notice_request(state, requested_at);
      CREATE INDEX notice_request_by_case ON notice_request(case_id);
    `);
  },
};
