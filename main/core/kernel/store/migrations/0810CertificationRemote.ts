import type { Migration } from '../migrate';

/**
 * 资格认证 made elsewhere (issue 16 item 4; main/core/certification): a certification may now be
 * `remote` (the table is rebuilt for its CHECK, rows kept as they were), and every pulled
 * `certification.remote` item is kept once by the platform's id — applied (with the certification
 * row it made) or not applied with the reason (a person not on this station's roster).
 */
export const m0810certificationRemote: Migration = {
  version: 810,
  name: '0810-certification-remote',
  up(db) {
    db.exec(`
      CREATE TABLE certification_0810 (
        id TEXT PRIMARY KEY,
        roster_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        id_number TEXT NOT NULL,
        name TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('counter', 'proxy', 'remote')),
        result TEXT NOT NULL CHECK (result IN ('pass', 'review', 'fail')),
        outcome TEXT NOT NULL CHECK (outcome IN ('certified', 'failed')),
        certified_on TEXT NOT NULL,
        face_attachment_id TEXT REFERENCES attachment(id),
        reference_source TEXT CHECK (reference_source IN ('enrolled', 'card', 'none')),
        reference_attachment_id TEXT REFERENCES attachment(id),
        scores TEXT,
        confirmation TEXT,
        proxy TEXT,
        home_visit TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      INSERT INTO certification_0810 SELECT * FROM certification;
      DROP TABLE certification;
      ALTER TABLE certification_0810 RENAME TO certification;
      CREATE INDEX certification_by_person ON certification(id_number, certified_on);
      CREATE INDEX certification_by_case ON certification(case_id);

      CREATE TABLE certification_remote (
        id TEXT PRIMARY KEY,
        id_number TEXT NOT NULL,
        certified_at TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('face', 'video', 'other')),
        status TEXT NOT NULL CHECK (status IN ('applied', 'notApplied')),
        reason TEXT,
        certification_id TEXT UNIQUE REFERENCES certification(id),
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX certification_remote_by_status ON certification_remote(status, received_at);
    `);
  },
};
