import type { Migration } from '../migrate';

/**
 * 待遇资格认证 (issue 9 §5): one row per certification of an enrolled person — at the counter (live
 * face photo in the attachment store, scores and thresholds as JSON, the clerk's confirmation of a
 * review) or by proxy (the proxy's identity and the home visit). Owned by main/core/certification.
 */
export const m0420certification: Migration = {
  version: 420,
  name: '0420-certification',
  up(db) {
    db.exec(`
      CREATE TABLE certification (
        id TEXT PRIMARY KEY,
        roster_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        id_number TEXT NOT NULL,
        name TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('counter', 'proxy')),
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
      CREATE INDEX certification_by_person ON certification(id_number, certified_on);
      CREATE INDEX certification_by_case ON certification(case_id);
    `);
  },
};
