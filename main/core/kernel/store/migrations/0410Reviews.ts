import type { Migration } from '../migrate';

/**
 * The periodic review of enrolled households (定期核查, issue 9 §4): one row per review (the
 * household as re-checked, the outcome), the re-signed authorizations of that review (bound to the
 * review's statement hash, images in the encrypted attachment store), and the roster's phase-out
 * end month (渐退).
 */
export const m0410reviews: Migration = {
  version: 410,
  name: '0410-reviews',
  up(db) {
    db.exec(`
      CREATE TABLE household_review (
        id TEXT PRIMARY KEY,
        roster_id TEXT NOT NULL REFERENCES roster(id),
        case_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'concluded')),
        version INTEGER NOT NULL,
        due_on TEXT NOT NULL,
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL,
        household TEXT,
        findings TEXT NOT NULL DEFAULT '',
        rechecked_at TEXT,
        rechecked_by TEXT,
        outcome TEXT CHECK (outcome IN ('continue', 'adjust', 'phase_out', 'stop')),
        outcome_detail TEXT,
        notice_id TEXT,
        concluded_at TEXT,
        concluded_by TEXT
      ) STRICT;
      CREATE INDEX household_review_by_roster ON household_review(roster_id, started_at);
      CREATE UNIQUE INDEX household_review_one_open ON household_review(roster_id) WHERE status = 'open';

      CREATE TABLE household_review_authorization (
        review_id TEXT NOT NULL REFERENCES household_review(id),
        signer_id_number TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        role TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        signature_attachment_id TEXT NOT NULL,
        face_attachment_id TEXT,
        face_verdict TEXT,
        face_result TEXT,
        document_hash TEXT NOT NULL,
        signature_sha256 TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        PRIMARY KEY (review_id, signer_id_number)
      ) STRICT;

      ALTER TABLE roster ADD COLUMN phase_out_end TEXT;
    `);
  },
};
