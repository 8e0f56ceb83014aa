import { DEADLINE_KINDS, type DeadlineKind } from '../../../common/cases/deadlines';

/** The deadline kinds as an SQL list (constants of the code, never input). */
const KINDS_SQL = DEADLINE_KINDS.map((k) => `'${k}'`).join(', ');
import type { Db } from '../kernel/store/types';
import { ratingStats } from '../ratings/stats';

/** A period as UTC instants: [fromAt, toAt) — China dates turned into the instants they begin. */
export interface Instants {
  fromAt: string;
  toAt: string;
}

/** The China (UTC+8) day `date` begins at, as the ISO instant the store writes. */
export const chinaDayStart = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();

const OPEN_FROM = '0000';
const OPEN_TO = '9999';

/** Inclusive China dates → half-open instants; an absent end is open. */
export function instantsOf(from: string | null, to: string | null): Instants {
  const next = to ? new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString() : OPEN_TO;
  return { fromAt: from ? chinaDayStart(from) : OPEN_FROM, toAt: next };
}

export interface DeadlineCounts {
  kind: DeadlineKind;
  total: number;
  met_on_time: number;
  met_late: number;
  overdue_open: number;
  pending: number;
}

/** A decision's acceptance date and the China date it was taken, with how many cases share both. */
export interface DecisionPair {
  accepted_on: string | null;
  decided_on: string;
  outcome: 'approved' | 'refused';
  n: number;
}

/**
 * The statistics' SQL: every figure is a GROUP BY over a covering index (migration 0500), so the
 * page never reads a case row with its application JSON. Submission time, decision time and met_at
 * are UTC instants; China dates are `date(x, '+8 hours')`. The case counts name their index: the
 * planner would otherwise pick case_by_state / case_by_creator and read every case row for its date.
 */
export class StatsRepo {
  constructor(private readonly db: Db) {}

  private submitted(by: string, p: Instants): Array<{ key: string | null; n: number }> {
    return this.db
      .prepare(
        `SELECT ${by} AS key, count(*) AS n FROM case_file INDEXED BY stats_case_submitted WHERE submitted_at >= ? AND submitted_at < ? GROUP BY 1 ORDER BY 1`,
      )
      .all(p.fromAt, p.toAt) as Array<{ key: string | null; n: number }>;
  }

  byType(p: Instants) {
    return this.submitted('type', p);
  }
  byState(p: Instants) {
    return this.submitted('state', p);
  }
  byMonth(p: Instants) {
    return this.submitted("substr(datetime(submitted_at, '+8 hours'), 1, 7)", p);
  }
  byStaff(p: Instants): Array<{ key: string; n: number; name: string | null }> {
    return this.db
      .prepare(
        `SELECT s.key, s.n, a.display_name AS name FROM (SELECT created_by AS key, count(*) AS n FROM case_file INDEXED BY stats_case_submitted WHERE submitted_at >= ? AND submitted_at < ? GROUP BY 1) s
         LEFT JOIN account a ON a.id = s.key ORDER BY s.n DESC, s.key`,
      )
      .all(p.fromAt, p.toAt) as Array<{ key: string; n: number; name: string | null }>;
  }

  /** Decisions taken in the period, grouped by (acceptance date, decision date, outcome). */
  decisionPairs(p: Instants): DecisionPair[] {
    return this.db
      .prepare(
        `SELECT c.accepted_on, date(e.at, '+8 hours') AS decided_on, e.to_state AS outcome, count(*) AS n
         FROM case_event e JOIN case_file c ON c.id = e.case_id
         WHERE e.to_state IN ('approved', 'refused') AND e.at >= ? AND e.at < ?
         GROUP BY 1, 2, 3`,
      )
      .all(p.fromAt, p.toAt) as DecisionPair[];
  }

  /** Deadlines (national and the county's own) due in the period (China dates, inclusive), per kind. */
  deadlines(from: string | null, to: string | null, today: string): DeadlineCounts[] {
    return this.db
      .prepare(
        `SELECT kind, count(*) AS total,
           coalesce(sum(met_at IS NOT NULL AND date(met_at, '+8 hours') <= due_date), 0) AS met_on_time,
           coalesce(sum(met_at IS NOT NULL AND date(met_at, '+8 hours') > due_date), 0) AS met_late,
           coalesce(sum(met_at IS NULL AND due_date < @today), 0) AS overdue_open,
           coalesce(sum(met_at IS NULL AND due_date >= @today), 0) AS pending
         FROM case_deadline WHERE kind IN (${KINDS_SQL}) AND due_date >= @from AND due_date <= @to GROUP BY kind`,
      )
      .all({ from: from ?? OPEN_FROM, to: to ?? OPEN_TO, today }) as DeadlineCounts[];
  }

  /** The roster today: reviews due by `soon` (overdue included, as on the roster page), overdue before `today`. */
  roster(today: string, soon: string): { active: number; due: number; overdue: number; stopped: number; amount_fen: number } {
    return this.db
      .prepare(
        `SELECT coalesce(sum(status = 'active'), 0) AS active,
           coalesce(sum(status = 'active' AND next_review_on <= @soon), 0) AS due,
           coalesce(sum(status = 'active' AND next_review_on < @today), 0) AS overdue,
           coalesce(sum(status = 'stopped'), 0) AS stopped,
           coalesce(sum(CASE WHEN status = 'active' AND monthly = 1 THEN amount_fen END), 0) AS amount_fen
         FROM roster`,
      )
      .get({ today, soon }) as { active: number; due: number; overdue: number; stopped: number; amount_fen: number };
  }

  /** Active roster households per category: how many, how many without a monthly amount (monitoring), and the monthly total. */
  rosterByCategory(): Array<{ category: string; active: number; monitoring_only: number; amount_fen: number }> {
    return this.db
      .prepare(
        `SELECT category, count(*) AS active, coalesce(sum(monthly = 0), 0) AS monitoring_only, coalesce(sum(CASE WHEN monthly = 1 THEN amount_fen END), 0) AS amount_fen
         FROM roster WHERE status = 'active' GROUP BY category ORDER BY category`,
      )
      .all() as Array<{ category: string; active: number; monitoring_only: number; amount_fen: number }>;
  }

  /** 临时救助 paid in the period (recorded then): 先行救助 and grants, how many and how much. */
  reliefPayments(p: Instants): Array<{ kind: 'advance' | 'grant'; n: number; amount_fen: number }> {
    return this.db
      .prepare(
        'SELECT kind, count(*) AS n, coalesce(sum(amount_fen), 0) AS amount_fen FROM relief_payment WHERE recorded_at >= ? AND recorded_at < ? GROUP BY kind',
      )
      .all(p.fromAt, p.toAt) as Array<{ kind: 'advance' | 'grant'; n: number; amount_fen: number }>;
  }

  /** Households under 低收入人口 monitoring now. */
  monitoringActive(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM income_monitoring WHERE status = 'active'").get() as { n: number }).n;
  }

  /** 好差评 per service and month asked in the period (main/core/ratings). */
  ratings(p: Instants) {
    return ratingStats(this.db, p);
  }

  accountNames(): Map<string, string> {
    return new Map(
      (this.db.prepare('SELECT id, display_name FROM account').all() as Array<{ id: string; display_name: string }>).map((r) => [
        r.id,
        r.display_name,
      ]),
    );
  }
}
