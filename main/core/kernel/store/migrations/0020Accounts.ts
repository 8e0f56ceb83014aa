import type { Migration } from '../migrate';

/** Staff accounts and their roles. Passwords live nowhere in the DB: a password opens a key slot. */
export const m0020accounts: Migration = {
  version: 20,
  name: '0020-accounts',
  up(db) {
    db.exec(`
      CREATE TABLE account (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE account_role (
        account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'caseworker', 'head', 'print', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX account_role_by_role ON account_role(role);
    `);
  },
};
