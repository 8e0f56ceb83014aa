import type { Migration } from '../migrate';

/**
 * The county's single parameters the platform published (`policy` items: time limits, decision
 * delegation, asset limits, 临时救助 limits): every value kept with its effective day, publisher, the
 * platform's time and the time received; one not applied (a key this version does not know, a value
 * that does not read) kept with the reason (cases/countyPolicy/).
 */
export const m0900countyPolicy: Migration = {
  version: 900,
  name: '0900-county-policy',
  up(db) {
    db.exec(`
      CREATE TABLE county_policy (
        id INTEGER PRIMARY KEY,
        policy_key TEXT NOT NULL,
        value TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        published_by TEXT,
        published_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        refusal TEXT,
        UNIQUE (policy_key, published_at, effective_from, value)
      ) STRICT;
    `);
  },
};
