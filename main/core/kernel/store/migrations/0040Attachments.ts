import type { Migration } from '../migrate';

/** Attachments live inside the encrypted database, split in chunks so they can be streamed. */
export const m0040attachments: Migration = {
  version: 40,
  name: '0040-attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachment (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 BLOB NOT NULL CHECK (length(sha256) = 32),
        chunk_size INTEGER NOT NULL CHECK (chunk_size > 0),
        chunk_count INTEGER NOT NULL CHECK (chunk_count >= 0),
        metadata_stripped INTEGER NOT NULL CHECK (metadata_stripped IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by TEXT
      ) STRICT;
      CREATE INDEX attachment_by_sha ON attachment(sha256);
      CREATE TABLE attachment_chunk (
        attachment_id TEXT NOT NULL REFERENCES attachment(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        data BLOB NOT NULL,
        PRIMARY KEY (attachment_id, seq)
      ) STRICT;
    `);
  },
};
