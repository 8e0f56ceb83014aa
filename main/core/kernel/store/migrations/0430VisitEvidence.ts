import type { Migration } from '../migrate';

/**
 * What a home visit keeps beside its record (issue 9): the photos of the living conditions and the
 * signatures of each staff member who went and each family member present. The bytes are encrypted
 * attachments; a row here says which visit they belong to and, for a signature, who signed, when,
 * the SHA-256 of the statement signed (document_hash) and of the PNG as received — as
 * case_authorization does for the intake. `sha256` is the stored attachment's hash: the blob the
 * case's outbox record references.
 */
export const m0430visitEvidence: Migration = {
  version: 430,
  name: '0430-visit-evidence',
  up(db) {
    db.exec(`
      CREATE TABLE case_visit_evidence (
        attachment_id TEXT PRIMARY KEY REFERENCES attachment(id),
        visit_id TEXT NOT NULL REFERENCES case_visit(id) ON DELETE CASCADE,
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('photo', 'staff-signature', 'family-signature')),
        seq INTEGER NOT NULL,
        signer TEXT,
        signed_at TEXT,
        document_hash TEXT,
        signature_sha256 TEXT,
        source TEXT,
        sha256 TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL,
        CHECK ((role = 'photo') = (signer IS NULL))
      ) STRICT;
      CREATE INDEX case_visit_evidence_by_visit ON case_visit_evidence(visit_id, role, seq);
      CREATE INDEX case_visit_evidence_by_case ON case_visit_evidence(case_id);
    `);
  },
};
