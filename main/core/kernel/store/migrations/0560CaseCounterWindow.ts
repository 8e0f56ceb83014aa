import type { Migration } from '../migrate';

/**
 * Station-unique case numbers (main/core/cases/caseNumber.ts): this workstation's counter number
 * (窗口号; set at setup/admin settings before registration, assigned by the platform at
 * registration) and one sequence per year and counter number.
 */
export const m0560caseCounterWindow: Migration = {
  version: 560,
  name: '0560-case-counter-window',
  up(db) {
    db.exec(`
      CREATE TABLE case_window (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        counter_no INTEGER NOT NULL CHECK (counter_no BETWEEN 1 AND 99),
        source TEXT NOT NULL CHECK (source IN ('setup', 'platform')),
        set_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE case_counter_window (
        year INTEGER NOT NULL,
        counter_no INTEGER NOT NULL,
        next INTEGER NOT NULL,
        PRIMARY KEY (year, counter_no)
      ) STRICT;
    `);
  },
};
