import type { Migration } from '../migrate';

/**
 * Issued documents (the PDF itself is an encrypted attachment; this row is what was issued, for
 * whom, by whom, with which hash), the station's certificate signing keys, and persisted batch
 * print jobs so a batch survives a printer error or a restart without losing its place.
 */
export const m0300documents: Migration = {
  version: 300,
  name: '0300-documents',
  up(db) {
    db.exec(`
      CREATE TABLE document (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        copy TEXT NOT NULL CHECK (copy IN ('applicant', 'public')),
        attachment_id TEXT NOT NULL REFERENCES attachment(id),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        pages INTEGER NOT NULL CHECK (pages > 0),
        data TEXT NOT NULL,
        request_id TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        reprint_of TEXT REFERENCES document(id)
      ) STRICT;
      CREATE INDEX document_by_case ON document(case_id, created_at);
      CREATE INDEX document_by_request ON document(request_id);

      CREATE TABLE signing_key (
        issuer_id TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('certificate')),
        public_key BLOB NOT NULL,
        private_key BLOB,
        source TEXT NOT NULL CHECK (source IN ('local', 'platform')),
        created_at TEXT NOT NULL,
        registered_at TEXT
      ) STRICT;

      CREATE TABLE print_batch (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'error', 'done', 'cancelled')),
        total INTEGER NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE print_batch_item (
        batch_id TEXT NOT NULL REFERENCES print_batch(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        request_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'printed', 'cancelled')),
        document_id TEXT REFERENCES document(id),
        attempts INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (batch_id, seq)
      ) STRICT;
    `);
  },
};
