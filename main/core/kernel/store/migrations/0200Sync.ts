import type { Migration } from '../migrate';

/**
 * Sync state (main/core/sync/engine): this device's keys and registration with the platform
 * pins, the pull cursor and other small values, the one in-flight bundle (its exact bytes), the
 * blob queue with tus upload URLs, run history, the platform's version of conflicting records,
 * the clerk's resolutions, and pulled items no handler claimed. All of it is in the encrypted
 * store, so a restart resumes where it stopped.
 */
export const m0200sync: Migration = {
  version: 200,
  name: '0200-sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_keys (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        signing_public TEXT NOT NULL, signing_private TEXT NOT NULL,
        encryption_public TEXT NOT NULL, encryption_private TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sync_registration (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL, station_id TEXT NOT NULL, region_code TEXT NOT NULL,
        platform_url TEXT NOT NULL, platform_id TEXT NOT NULL,
        platform_signing_key TEXT NOT NULL, platform_encryption_key TEXT NOT NULL,
        platform_fingerprint TEXT NOT NULL, tls_spki_pins TEXT NOT NULL DEFAULT '[]',
        limits TEXT NOT NULL, registered_at TEXT NOT NULL,
        last_bundle_seq INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'unknown'))
      ) STRICT;
      CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE sync_inflight (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        bundle_id TEXT NOT NULL, bundle_seq INTEGER NOT NULL, bytes BLOB NOT NULL,
        record_ids TEXT NOT NULL, created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sync_blob (
        sha256 TEXT PRIMARY KEY,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'stored', 'failed')),
        priority INTEGER NOT NULL DEFAULT 0,
        known_missing INTEGER NOT NULL DEFAULT 0,
        upload_url TEXT,
        bytes_sent INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        queued_at TEXT NOT NULL, done_at TEXT
      ) STRICT;
      CREATE INDEX sync_blob_by_state ON sync_blob(state, priority, queued_at);
      CREATE TABLE sync_run (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        trigger TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
        outcome TEXT NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'ok', 'partial', 'failed', 'cancelled')),
        summary TEXT NOT NULL DEFAULT '{}', error_code TEXT, error_message TEXT
      ) STRICT;
      CREATE TABLE sync_conflict (
        record_id TEXT PRIMARY KEY, server_version INTEGER NOT NULL, server_body TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sync_resolution (
        record_id TEXT PRIMARY KEY, action TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL, new_record_id TEXT
      ) STRICT;
      CREATE TABLE pulled_item (
        kind TEXT NOT NULL, item_key TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 0,
        feed_seq INTEGER NOT NULL, body TEXT NOT NULL, pulled_at TEXT NOT NULL,
        PRIMARY KEY (kind, item_key)
      ) STRICT;
    `);
  },
};
