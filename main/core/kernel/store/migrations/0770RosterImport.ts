import type { Migration } from '../migrate';

/**
 * Roster import (issue 16 item 1b; main/core/rosterImport): one report per import of the previous
 * system's roster export (file name, its SHA-256, who and when, the counts, the rows skipped and
 * why), and the households it put on the roster with what the previous system said of them that
 * the roster does not keep (its approval day, the head's last 资格认证, the sheet row).
 */
export const m0770rosterImport: Migration = {
  version: 770,
  name: '0770-roster-import',
  up(db) {
    db.exec(`
      CREATE TABLE roster_import (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        totals TEXT NOT NULL,
        errors TEXT NOT NULL
      ) STRICT;
      CREATE INDEX roster_import_by_hash ON roster_import(sha256);

      CREATE TABLE roster_import_household (
        import_id TEXT NOT NULL REFERENCES roster_import(id),
        roster_id TEXT NOT NULL UNIQUE REFERENCES roster(id),
        case_id TEXT NOT NULL REFERENCES case_file(id),
        sheet TEXT NOT NULL,
        row INTEGER NOT NULL,
        approved_on TEXT,
        last_certified_on TEXT,
        PRIMARY KEY (import_id, roster_id)
      ) STRICT;
    `);
  },
};
