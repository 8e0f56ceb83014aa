import type { Migration } from '../migrate';

/**
 * The 公示 cycle (main/core/afterAcceptance/README.md, "The 公示 cycle"):
 * - `case_opinion` numbered per case (`round`), `posted` = 1 when the opinion went to 公示 (a
 *   proposal to approve) and 0 for a proposal to refuse, which has no 公示 dates; `ended_on` is
 *   the day its 公示 was closed without objection. Existing opinions were all posted; their round
 *   is their order on the case.
 * - `case_review.opinion_id` / `case_visit.opinion_id`: the disputed opinion a 民主评议 or a
 *   re-investigation visit answers (NULL for a first investigation).
 * - `case_deadline.kind` takes the county limits (acceptance, reopinion, county_decision) as
 *   well; the kind is a lower-case name whose list lives in common/cases/deadlines.ts.
 * SQLite cannot change a NOT NULL or CHECK constraint, so the two tables are rebuilt with their rows.
 */
export const m0630publicityRounds: Migration = {
  version: 630,
  name: '0630-publicity-rounds',
  up(db) {
    db.exec(`
      CREATE TABLE case_opinion_v630 (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        round INTEGER NOT NULL CHECK (round >= 1),
        proposal TEXT NOT NULL CHECK (proposal IN ('approve', 'refuse')),
        amount_fen INTEGER,
        reasons TEXT NOT NULL,
        community TEXT NOT NULL,
        posted INTEGER NOT NULL CHECK (posted IN (0, 1)),
        publicity_from TEXT,
        publicity_to TEXT,
        ended_on TEXT,
        given_at TEXT NOT NULL,
        given_by TEXT NOT NULL,
        CHECK ((posted = 1) = (publicity_from IS NOT NULL AND publicity_to IS NOT NULL)),
        UNIQUE (case_id, round)
      ) STRICT;
      INSERT INTO case_opinion_v630 (id, case_id, round, proposal, amount_fen, reasons, community, posted, publicity_from, publicity_to, ended_on, given_at, given_by)
        SELECT id, case_id, row_number() OVER (PARTITION BY case_id ORDER BY given_at, rowid), proposal, amount_fen, reasons, community, 1, publicity_from, publicity_to, NULL, given_at, given_by
        FROM case_opinion;
      DROP TABLE case_opinion;
      ALTER TABLE case_opinion_v630 RENAME TO case_opinion;
      CREATE INDEX case_opinion_by_case ON case_opinion(case_id, round);
      CREATE INDEX case_opinion_posted ON case_opinion(community, publicity_to) WHERE posted = 1;

      ALTER TABLE case_review ADD COLUMN opinion_id TEXT;
      ALTER TABLE case_visit ADD COLUMN opinion_id TEXT;

      CREATE TABLE case_deadline_v630 (
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40 AND kind NOT GLOB '*[^a-z_]*'),
        from_date TEXT NOT NULL,
        working_days INTEGER NOT NULL,
        due_date TEXT NOT NULL,
        met_at TEXT,
        reason TEXT,
        PRIMARY KEY (case_id, kind)
      ) STRICT;
      INSERT INTO case_deadline_v630 (case_id, kind, from_date, working_days, due_date, met_at, reason)
        SELECT case_id, kind, from_date, working_days, due_date, met_at, reason FROM case_deadline;
      DROP TABLE case_deadline;
      ALTER TABLE case_deadline_v630 RENAME TO case_deadline;
      CREATE INDEX deadline_open ON case_deadline(due_date) WHERE met_at IS NULL;
      CREATE INDEX stats_deadline ON case_deadline(kind, due_date, met_at);
    `);
  },
};
