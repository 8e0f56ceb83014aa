import type { Migration } from '../migrate';

/**
 * The working-day calendar the platform published (a `reference` item of table `working-days`): the
 * latest version only, beside the one shipped in resources/calendar, which it extends and overrides
 * year by year (cases/calendar/).
 */
export const m0860publishedCalendar: Migration = {
  version: 860,
  name: '0860-published-calendar',
  up(db) {
    db.exec(`
      CREATE TABLE published_calendar (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        calendar TEXT NOT NULL,
        published_at TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
