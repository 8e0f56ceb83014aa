import type { Migration } from '../migrate';

/**
 * The audit anchor (docs/sync-protocol.md §5.4, main/core/sync/engine/auditAnchor.ts): the heads
 * of this workstation's audit chain the city platform has anchored (the next bundle shows its
 * chain at the newest one; pruning cuts only at one of them), and the flags the platform raised
 * when the chain no longer matched what it holds.
 */
export const m0590syncAuditAnchor: Migration = {
  version: 590,
  name: '0590-sync-audit-anchor',
  up(db) {
    db.exec(`
      CREATE TABLE sync_audit_anchor (
        seq INTEGER PRIMARY KEY,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        anchored_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sync_audit_flag (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        at INTEGER NOT NULL,
        bundle_seq INTEGER NOT NULL,
        anchored_seq INTEGER NOT NULL,
        head_seq INTEGER,
        received_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
