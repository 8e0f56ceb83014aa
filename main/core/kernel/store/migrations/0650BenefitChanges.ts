import type { Migration } from '../migrate';

/**
 * Who decides a change to a benefit (issue 15 §1–2): a review's or a warning's 调整 / 渐退 / 终止
 * is a proposal (`benefit_change`) until the county (pulled `change-decision`) or, where
 * delegated, the station head decides it; a decision from the platform that cannot be applied is
 * kept in `decision_refusal` with the `decision.refusal` record that tells the platform so.
 */
export const m0650benefitChanges: Migration = {
  version: 650,
  name: '0650-benefit-changes',
  up(db) {
    db.exec(`
      CREATE TABLE benefit_change (
        id TEXT PRIMARY KEY,
        roster_id TEXT NOT NULL REFERENCES roster(id),
        case_id TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('review', 'warning')),
        origin_id TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('adjust', 'phase_out', 'stop')),
        plan TEXT NOT NULL,
        previous_amount_fen INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'refused')),
        proposed_at TEXT NOT NULL,
        proposed_by TEXT NOT NULL,
        decision_id TEXT UNIQUE,
        decision_source TEXT CHECK (decision_source IN ('platform', 'local')),
        decision_reasons TEXT,
        decided_on TEXT,
        decided_at TEXT,
        decided_by TEXT,
        notice_id TEXT
      ) STRICT;
      CREATE INDEX benefit_change_by_case ON benefit_change(case_id, proposed_at);
      CREATE UNIQUE INDEX benefit_change_one_open ON benefit_change(roster_id) WHERE status = 'proposed';

      CREATE TABLE decision_refusal (
        decision_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('decision', 'change-decision')),
        case_id TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        received_at TEXT NOT NULL,
        record_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decision_refusal_by_case ON decision_refusal(case_id);
    `);
  },
};
