import type { Migration } from '../migrate';

/**
 * Online applications (issue 16 item 2; main/core/onlineApplications): every pulled
 * `application.online` item is kept once by the platform's application id in the 待受理 queue —
 * the body as filed (applicant, members, papers, signatures; the store is encrypted), the columns the
 * queue lists by, and the case the clerk completed it into at the counter (`case_id`, set once).
 * Its papers' blob references go to sync_remote_blob under the application id (migration 0570).
 */
export const m0840onlineApplications: Migration = {
  version: 840,
  name: '0840-online-applications',
  up(db) {
    db.exec(`
      CREATE TABLE online_application (
        id TEXT PRIMARY KEY,
        submitted_at TEXT NOT NULL,
        submitted_on TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('miniProgram', 'gridWorker')),
        type TEXT NOT NULL,
        applicant_id_number TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        household_size INTEGER NOT NULL,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL,
        case_id TEXT UNIQUE REFERENCES case_file(id),
        linked_at TEXT,
        linked_by TEXT
      ) STRICT;
      CREATE INDEX online_application_by_submission ON online_application(submitted_at);
    `);
  },
};
