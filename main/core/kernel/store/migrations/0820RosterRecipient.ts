import type { Migration } from '../migrate';

/**
 * The platform's current recipients pulled (issue 16 item 1a; main/core/rosterImport): every
 * `roster.recipient` item kept once by its head's ID number — applied (the roster row it made
 * through the import's writer) or kept as a conflict with the reason (a member already on this
 * station's roster, or known here under another name), never written over what the station holds.
 */
export const m0820rosterRecipient: Migration = {
  version: 820,
  name: '0820-roster-recipient',
  up(db) {
    db.exec(`
      CREATE TABLE roster_recipient_pulled (
        id_number TEXT PRIMARY KEY,
        feed_seq INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('applied', 'conflict')),
        roster_id TEXT REFERENCES roster(id),
        reason TEXT,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX roster_recipient_pulled_conflicts ON roster_recipient_pulled(status, received_at);
    `);
  },
};
