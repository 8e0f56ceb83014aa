import type { Migration } from '../migrate';

/**
 * Append-only, hash-chained audit log. Triggers refuse UPDATE and DELETE through SQL; pruning
 * (audit/prune.ts) is the one controlled path and leaves an anchor so the chain still verifies.
 */
/** Shared with audit/prune.ts, which drops and recreates them inside its one transaction. */
export const AUDIT_TRIGGERS_SQL = `
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'AUDIT_IMMUTABLE'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'AUDIT_IMMUTABLE'); END;`;

export const m0030audit: Migration = {
  version: 30,
  name: '0030-audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        workstation TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
        hash BLOB NOT NULL CHECK (length(hash) = 32)
      ) STRICT;
      CREATE INDEX audit_by_at ON audit_log(at);
      CREATE INDEX audit_by_actor ON audit_log(actor, at);
      CREATE INDEX audit_by_action ON audit_log(action, at);
      CREATE INDEX audit_by_target ON audit_log(target_id, at);
      ${AUDIT_TRIGGERS_SQL}
      CREATE TABLE audit_anchor (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        seq INTEGER NOT NULL,
        hash BLOB NOT NULL CHECK (length(hash) = 32)
      ) STRICT;
    `);
  },
};
