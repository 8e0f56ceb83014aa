import type { Migration } from '../migrate';

/**
 * Blobs on demand (main/core/sync/engine/download.ts): the blob references of station cases taken
 * at other counters (pulled `attachments` items) with their download state, the ciphertext of a
 * download cut mid-way (so it resumes from its offset), and which local attachments were announced
 * to the platform with a document.meta record.
 */
export const m0570syncRemoteBlobs: Migration = {
  version: 570,
  name: '0570-sync-remote-blobs',
  up(db) {
    db.exec(`
      CREATE TABLE sync_remote_blob (
        case_id TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        role TEXT NOT NULL,
        ref TEXT NOT NULL,
        page INTEGER NOT NULL,
        kind TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        pulled_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'remote' CHECK (state IN ('remote', 'stored', 'failed')),
        attachment_id TEXT,
        error TEXT,
        PRIMARY KEY (case_id, sha256, role, ref, page)
      ) STRICT;
      CREATE INDEX sync_remote_blob_sha ON sync_remote_blob(sha256);
      CREATE TABLE sync_download_chunk (
        sha256 TEXT NOT NULL,
        offset INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (sha256, offset)
      ) STRICT;
      CREATE TABLE sync_blob_announced (
        attachment_id TEXT PRIMARY KEY,
        record_id TEXT,
        at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
