import type { Migration } from '../migrate';

/**
 * 核对 results (issue 16 item 3; main/core/cases/verification): every pulled `verification.report`
 * item is kept once by the platform's id, in the encrypted station store like every case table —
 * applied to its case (the members' items as the report gives them, a later report superseding an
 * earlier one of the same case) or not applied with the reason (a case this station does not hold).
 */
export const m0850caseVerification: Migration = {
  version: 850,
  name: '0850-case-verification',
  up(db) {
    db.exec(`
      CREATE TABLE case_verification (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        report_no TEXT NOT NULL,
        centre TEXT NOT NULL,
        issued_on TEXT NOT NULL,
        body TEXT NOT NULL,
        feed_seq INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('applied', 'notApplied')),
        reason TEXT,
        superseded_by TEXT,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_verification_by_case ON case_verification(case_id, status, issued_on, feed_seq);
    `);
  },
};
