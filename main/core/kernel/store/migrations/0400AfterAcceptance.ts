import type { Migration } from '../migrate';

/**
 * After acceptance (issue 9): home visits, the initial opinion with its 公示, objections and
 * 民主评议, decisions as received (applied or refused with a reason), the roster of enrolled
 * households with their members (for warnings), and monitoring warnings.
 */
export const m0400afterAcceptance: Migration = {
  version: 400,
  name: '0400-after-acceptance',
  up(db) {
    db.exec(`
      CREATE TABLE case_visit (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        visited_on TEXT NOT NULL,
        staff TEXT NOT NULL,
        family_present TEXT NOT NULL,
        housing TEXT NOT NULL,
        assets TEXT NOT NULL,
        living_conditions TEXT NOT NULL,
        findings TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_visit_by_case ON case_visit(case_id);

      CREATE TABLE case_opinion (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        proposal TEXT NOT NULL CHECK (proposal IN ('approve', 'refuse')),
        amount_fen INTEGER,
        reasons TEXT NOT NULL,
        community TEXT NOT NULL,
        publicity_from TEXT NOT NULL,
        publicity_to TEXT NOT NULL,
        given_at TEXT NOT NULL,
        given_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_opinion_by_case ON case_opinion(case_id);

      CREATE TABLE case_objection (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        opinion_id TEXT NOT NULL,
        objector TEXT NOT NULL,
        content TEXT NOT NULL,
        received_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_review (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('review', 'reinvestigate')),
        held_on TEXT NOT NULL,
        participants TEXT NOT NULL,
        outcome TEXT NOT NULL,
        summary TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_decision (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('platform', 'local')),
        outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'refused')),
        amount_fen INTEGER,
        start_month TEXT,
        reasons TEXT NOT NULL,
        legal_basis TEXT NOT NULL,
        linked_benefits TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL CHECK (status IN ('applied', 'refused')),
        refusal_code TEXT,
        refusal TEXT,
        received_at TEXT NOT NULL,
        decided_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_decision_by_case ON case_decision(case_id);

      CREATE TABLE roster (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL UNIQUE,
        applicant_id_number TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        category TEXT NOT NULL,
        household_size INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        since_month TEXT NOT NULL,
        enrolled_on TEXT NOT NULL,
        review_basis TEXT NOT NULL,
        review_months INTEGER NOT NULL,
        next_review_on TEXT NOT NULL,
        linked_benefits TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL CHECK (status IN ('active', 'stopped')),
        stopped_on TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX roster_review ON roster(next_review_on) WHERE status = 'active';

      CREATE TABLE roster_member (
        roster_id TEXT NOT NULL REFERENCES roster(id) ON DELETE CASCADE,
        id_number TEXT NOT NULL,
        PRIMARY KEY (roster_id, id_number)
      ) STRICT;
      CREATE INDEX roster_member_by_id ON roster_member(id_number);

      CREATE TABLE warning (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        id_number TEXT NOT NULL,
        detail TEXT,
        received_at TEXT NOT NULL,
        due_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'verified', 'closed', 'not_on_roster')),
        roster_id TEXT,
        assigned_to TEXT,
        assigned_at TEXT,
        verification TEXT,
        outcome TEXT CHECK (outcome IN ('no_change', 'adjust', 'stop')),
        outcome_reasons TEXT,
        closed_at TEXT,
        closed_by TEXT
      ) STRICT;
      CREATE INDEX warning_by_status ON warning(status, due_on);
    `);
  },
};
