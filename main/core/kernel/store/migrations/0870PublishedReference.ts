import type { Migration } from '../migrate';

/**
 * The county reference data the platform published (`reference` items of tables standards, materials
 * and policy-texts): every version kept with its effective day, publisher and times, so the settings
 * page shows the history and the one in force (cases/reference/).
 */
export const m0870publishedReference: Migration = {
  version: 870,
  name: '0870-published-reference',
  up(db) {
    db.exec(`
      CREATE TABLE published_reference (
        ref_table TEXT NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        published_by TEXT,
        published_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (ref_table, version)
      ) STRICT;
    `);
  },
};
