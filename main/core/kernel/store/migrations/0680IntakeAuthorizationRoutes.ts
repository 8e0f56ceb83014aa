import type { Migration } from '../migrate';

/**
 * The intake's authorization kept whole (issue 15 §10–14): how it was signed (`route`: the pad, or
 * the printed 授权书 signed by hand and scanned — `paper` holds the reason, the scan pages and the
 * printed form), core's face check (`face_check`: its verdict, the client's claim, the photo's
 * hash and size, the card photo matched or unavailable), whether the county required a face of
 * this signer then (`face_required`), and the amendment number when it was added
 * after submission. `case_amendment` numbers what was added to a submitted case, in order.
 */
export const m0680intakeAuthorizationRoutes: Migration = {
  version: 680,
  name: '0680-intake-authorization-routes',
  up(db) {
    db.exec(`
      ALTER TABLE case_authorization ADD COLUMN route TEXT NOT NULL DEFAULT 'pad' CHECK (route IN ('pad', 'paper'));
      ALTER TABLE case_authorization ADD COLUMN paper TEXT;
      ALTER TABLE case_authorization ADD COLUMN face_check TEXT;
      ALTER TABLE case_authorization ADD COLUMN amendment INTEGER;
      ALTER TABLE case_authorization ADD COLUMN face_required INTEGER CHECK (face_required IN (0, 1));

      CREATE TABLE case_amendment (
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        n INTEGER NOT NULL CHECK (n > 0),
        kind TEXT NOT NULL CHECK (kind IN ('material', 'authorization')),
        ref TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        PRIMARY KEY (case_id, n)
      ) STRICT;
    `);
  },
};
