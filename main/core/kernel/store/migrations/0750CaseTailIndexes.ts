import type { Migration } from '../migrate';

/**
 * Indexes for the tails a clerk types (cases/search.ts, kind `tail`): the running number of a case
 * number, and the last 4 characters of every party's ID number — the expressions exactly as the
 * search writes them, so SQLite uses the indexes. Without them each such search read every case row
 * (or every party), 6–8 s on a 100k-case station.
 */
export const m0750caseTailIndexes: Migration = {
  version: 750,
  name: '0750-case-tail-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX case_no_seq ON case_file(CAST(substr(case_no, length(rtrim(case_no, '0123456789')) + 1) AS INTEGER)) WHERE case_no IS NOT NULL;
      CREATE INDEX party_id_last4 ON case_party(substr(id_number, -4));
    `);
  },
};
