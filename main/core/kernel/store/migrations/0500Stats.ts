import type { Migration } from '../migrate';

/**
 * Statistics (main/core/stats): covering indexes so the statistics page aggregates 100,000 cases
 * from index pages instead of reading every case row (each carries its application JSON).
 * - cases by submission date with state, type, creator and acceptance date;
 * - the decision events (approve/refuse) by time, with their case;
 * - deadlines by kind and due date with when they were met;
 * - the export's keyset pages: cases newest first, the roster in its list order, and a case's
 *   acceptance date by id (read without touching the row's overflow pages).
 */
export const m0500stats: Migration = {
  version: 500,
  name: '0500-stats',
  up(db) {
    db.exec(`
      CREATE INDEX stats_case_submitted ON case_file(submitted_at, state, type, created_by, accepted_on);
      CREATE INDEX stats_decision_event ON case_event(at, to_state, case_id) WHERE to_state IN ('approved', 'refused');
      CREATE INDEX stats_deadline ON case_deadline(kind, due_date, met_at);
      CREATE INDEX stats_case_page ON case_file(updated_at, id);
      CREATE INDEX stats_case_accepted ON case_file(id, accepted_on);
      CREATE INDEX stats_roster_page ON roster(status, next_review_on, id);
    `);
  },
};
