import type { Migration } from '../migrate';

/**
 * What the platform said about each case (issue 16 item 6; main/core/cases/platformStatus): every
 * pulled `case.status` item kept once by the platform's id, in the encrypted station store — the
 * case's history; its latest by feed position is the case's platform status. A status may come
 * before the case it names (kept all the same, shown once the case is here).
 */
export const m0880casePlatformStatus: Migration = {
  version: 880,
  name: '0880-case-platform-status',
  up(db) {
    db.exec(`
      CREATE TABLE case_platform_status (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        case_no TEXT,
        status TEXT NOT NULL,
        note TEXT,
        platform_at TEXT NOT NULL,
        feed_seq INTEGER NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_platform_status_by_case ON case_platform_status(case_id, feed_seq);
    `);
  },
};
