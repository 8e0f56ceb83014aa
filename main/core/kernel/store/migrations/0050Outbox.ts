import type { Migration } from '../migrate';

/**
 * The transactional outbox: every change that must reach the city platform writes its record
 * here in the same transaction as the change itself, so sync never misses one and never sends
 * one twice. `seq` is the per-device monotonic sequence of the sync protocol.
 */
export const m0050outbox: Migration = {
  version: 50,
  name: '0050-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        case_id TEXT,
        base_version INTEGER,
        blobs TEXT NOT NULL DEFAULT '[]',
        made_at TEXT NOT NULL,
        body TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'acknowledged', 'rejected', 'conflict')),
        bundle_id TEXT,
        answered_at TEXT,
        reason TEXT
      ) STRICT;
      CREATE INDEX outbox_by_state ON outbox(state, seq);
      CREATE INDEX outbox_by_case ON outbox(case_id, seq);
    `);
  },
};
