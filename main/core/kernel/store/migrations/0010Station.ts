import type { Migration } from '../migrate';

/** The station this database belongs to (one row) and free-form settings. */
export const m0010station: Migration = {
  version: 10,
  name: '0010-station',
  up(db) {
    db.exec(`
      CREATE TABLE station (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        station_id TEXT NOT NULL,
        name TEXT NOT NULL,
        region_code TEXT NOT NULL CHECK (length(region_code) = 6),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
