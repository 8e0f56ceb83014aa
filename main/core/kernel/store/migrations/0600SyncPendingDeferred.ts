import type { Migration } from '../migrate';

/**
 * Sync (main/core/sync/engine): a registration the platform holds `pending` until its admin
 * confirms the replacement of this machine's earlier device, a run that stopped for that reason
 * (outcome `pending`, not a failure), and blobs whose upload the platform deferred (its upload
 * quota): `retry_at` is when the engine tries again. SQLite cannot change a CHECK constraint, so
 * the two tables are rebuilt with their rows.
 */
export const m0600syncPendingDeferred: Migration = {
  version: 600,
  name: '0600-sync-pending-deferred',
  up(db) {
    db.exec(`
      CREATE TABLE sync_registration_v600 (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL, station_id TEXT NOT NULL, region_code TEXT NOT NULL,
        platform_url TEXT NOT NULL, platform_id TEXT NOT NULL,
        platform_signing_key TEXT NOT NULL, platform_encryption_key TEXT NOT NULL,
        platform_fingerprint TEXT NOT NULL, tls_spki_pins TEXT NOT NULL DEFAULT '[]',
        limits TEXT NOT NULL, registered_at TEXT NOT NULL,
        last_bundle_seq INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'unknown', 'pending'))
      ) STRICT;
      INSERT INTO sync_registration_v600 (id, device_id, station_id, region_code, platform_url, platform_id, platform_signing_key,
          platform_encryption_key, platform_fingerprint, tls_spki_pins, limits, registered_at, last_bundle_seq, status)
        SELECT id, device_id, station_id, region_code, platform_url, platform_id, platform_signing_key,
          platform_encryption_key, platform_fingerprint, tls_spki_pins, limits, registered_at, last_bundle_seq, status
        FROM sync_registration;
      DROP TABLE sync_registration;
      ALTER TABLE sync_registration_v600 RENAME TO sync_registration;

      CREATE TABLE sync_run_v600 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        trigger TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
        outcome TEXT NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'ok', 'partial', 'failed', 'cancelled', 'pending')),
        summary TEXT NOT NULL DEFAULT '{}', error_code TEXT, error_message TEXT
      ) STRICT;
      INSERT INTO sync_run_v600 (id, trigger, started_at, finished_at, outcome, summary, error_code, error_message)
        SELECT id, trigger, started_at, finished_at, outcome, summary, error_code, error_message FROM sync_run;
      DROP TABLE sync_run;
      ALTER TABLE sync_run_v600 RENAME TO sync_run;

      ALTER TABLE sync_blob ADD COLUMN retry_at TEXT;
    `);
  },
};
