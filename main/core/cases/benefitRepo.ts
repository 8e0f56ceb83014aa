import type { Db } from '../kernel/store/types';

export interface BenefitDbRow {
  decision_id: string;
  source: 'platform' | 'local';
  approved_amount_fen: number;
  start_month: string;
  decided_on: string;
  amount_fen: number | null;
  status: 'active' | 'stopped' | null;
  stopped_on: string | null;
}

/**
 * The benefit a case was approved for: its applied approval (审核确认, afterAcceptance's
 * `case_decision`) and the roster row it enrolled, if any. Read-only here; the after-acceptance
 * capability writes both.
 */
export class BenefitRepo {
  constructor(private readonly db: Db) {}

  ofCase(caseId: string): BenefitDbRow | undefined {
    return this.db
      .prepare(
        `SELECT d.id AS decision_id, d.source, d.amount_fen AS approved_amount_fen, d.start_month, coalesce(r.enrolled_on, substr(d.received_at, 1, 10)) AS decided_on,
                r.amount_fen, r.status, r.stopped_on
         FROM case_decision d LEFT JOIN roster r ON r.case_id = d.case_id
         WHERE d.case_id = ? AND d.status = 'applied' AND d.outcome = 'approved' AND d.amount_fen IS NOT NULL AND d.start_month IS NOT NULL
         ORDER BY d.received_at DESC LIMIT 1`,
      )
      .get(caseId) as BenefitDbRow | undefined;
  }
}
