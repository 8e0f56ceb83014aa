import type { Migration } from '../migrate';

/**
 * Assistance that is not monthly, and 低收入人口 monitoring (issue 15 §8–9):
 * - `roster.monthly`: 0 for a 低保边缘 / 刚性支出 household on the monitoring roster without a monthly
 *   amount (the county pays none), 1 otherwise;
 * - `relief_payment`: 临时救助 — the station's 先行救助 (`advance`, who paid what, when and how) and
 *   the grant of the decision (`grant`: total, form, instalments);
 * - `income_monitoring` (+ `income_monitoring_member`): a refused applicant's or a 低保边缘
 *   household's 低收入人口 monitoring, with who put it there, why, and its end;
 * - `warning.monitoring_id`: the monitoring a warning is worked under (instead of a roster row).
 */
export const m0700reliefMonitoring: Migration = {
  version: 700,
  name: '0700-relief-monitoring',
  up(db) {
    db.exec(`
      ALTER TABLE roster ADD COLUMN monthly INTEGER NOT NULL DEFAULT 1 CHECK (monthly IN (0, 1));

      CREATE TABLE relief_payment (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('advance', 'grant')),
        decision_id TEXT,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        form TEXT NOT NULL CHECK (form IN ('cash', 'in_kind', 'transfer')),
        in_kind TEXT,
        payments INTEGER NOT NULL DEFAULT 1 CHECK (payments BETWEEN 1 AND 12),
        paid_on TEXT,
        paid_by TEXT,
        reason TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX relief_payment_by_case ON relief_payment(case_id, recorded_at);
      CREATE UNIQUE INDEX relief_one_advance ON relief_payment(case_id) WHERE kind = 'advance';

      CREATE TABLE income_monitoring (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        origin TEXT NOT NULL CHECK (origin IN ('refused', 'marginal')),
        applicant_id_number TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL,
        ended_at TEXT,
        ended_by TEXT,
        end_reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX income_monitoring_one_active ON income_monitoring(case_id) WHERE status = 'active';

      CREATE TABLE income_monitoring_member (
        monitoring_id TEXT NOT NULL REFERENCES income_monitoring(id) ON DELETE CASCADE,
        id_number TEXT NOT NULL,
        PRIMARY KEY (monitoring_id, id_number)
      ) STRICT;
      CREATE INDEX income_monitoring_member_by_id ON income_monitoring_member(id_number);

      ALTER TABLE warning ADD COLUMN monitoring_id TEXT;
    `);
  },
};
