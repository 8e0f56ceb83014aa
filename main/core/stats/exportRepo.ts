import { caseFilterWhere, type CaseFilters } from '../cases/search';
import type { Db } from '../kernel/store/types';

/** The case list's filters as the export receives them (the contract's cases export request). */
export type CaseListFilter = CaseFilters;

export interface CaseExportRow {
  id: string;
  case_no: string | null;
  state: string;
  type: string | null;
  applicant_name: string | null;
  applicant_id_number: string | null;
  phone: string | null;
  address: string | null;
  household_size: number;
  submitted_at: string | null;
  accepted_on: string | null;
  updated_at: string;
  created_by: string;
  next_due: string | null;
}

export interface RosterExportRow {
  id: string;
  applicant_name: string;
  applicant_id_number: string;
  category: string;
  household_size: number;
  amount_fen: number;
  since_month: string;
  enrolled_on: string;
  next_review_on: string;
  status: 'active' | 'stopped';
}

export interface WarningExportRow {
  id: string;
  type: string;
  id_number: string;
  applicant_name: string | null;
  received_at: string;
  due_on: string;
  status: string;
  assigned_to: string | null;
  outcome: string | null;
  closed: number;
}

/**
 * The export's reads: keyset pages (never one long-running iterator, so other calls on the same
 * connection can run between pages) of only the columns a sheet shows.
 */
export class ExportRepo {
  constructor(private readonly db: Db) {}

  countCases(f: CaseListFilter): number {
    const { clause, params } = caseFilterWhere(f);
    return (this.db.prepare(`SELECT count(*) AS n FROM case_file c ${clause}`).get(...params) as { n: number }).n;
  }

  /** Newest first, as the case list; `after` is the last row of the previous page. */
  casePage(f: CaseListFilter, after: { updated_at: string; id: string } | null, limit: number): CaseExportRow[] {
    const { clause, params } = caseFilterWhere(f);
    // caseFilterWhere always yields a WHERE (discarded cases are left out unless states are named).
    const keyset = after ? ' AND (c.updated_at, c.id) < (?, ?)' : '';
    return this.db
      .prepare(
        `SELECT c.id, c.case_no, c.state, c.type, c.applicant_name, c.applicant_id_number,
           json_extract(c.data, '$.applicant.phone') AS phone, json_extract(c.data, '$.applicant.address') AS address,
           c.household_size, c.submitted_at, c.accepted_on, c.updated_at, c.created_by,
           (SELECT min(d.due_date) FROM case_deadline d WHERE d.case_id = c.id AND d.met_at IS NULL) AS next_due
         FROM case_file c ${clause}${keyset} ORDER BY c.updated_at DESC, c.id DESC LIMIT ?`,
      )
      .all(...params, ...(after ? [after.updated_at, after.id] : []), limit) as CaseExportRow[];
  }

  private rosterWhere(filter: 'all' | 'due' | 'overdue', dueBy: string): { clause: string; params: unknown[] } {
    return filter === 'all' ? { clause: '1', params: [] } : { clause: "status = 'active' AND next_review_on <= ?", params: [dueBy] };
  }

  countRoster(filter: 'all' | 'due' | 'overdue', dueBy: string): number {
    const w = this.rosterWhere(filter, dueBy);
    return (this.db.prepare(`SELECT count(*) AS n FROM roster WHERE ${w.clause}`).get(...w.params) as { n: number }).n;
  }

  /** In the roster page's order: active first, next review soonest first. */
  rosterPage(filter: 'all' | 'due' | 'overdue', dueBy: string, after: RosterExportRow | null, limit: number): RosterExportRow[] {
    const w = this.rosterWhere(filter, dueBy);
    const keyset = after ? ' AND (status, next_review_on, id) > (?, ?, ?)' : '';
    return this.db
      .prepare(
        `SELECT id, applicant_name, applicant_id_number, category, household_size, amount_fen, since_month, enrolled_on, next_review_on, status
         FROM roster WHERE ${w.clause}${keyset} ORDER BY status, next_review_on, id LIMIT ?`,
      )
      .all(...w.params, ...(after ? [after.status, after.next_review_on, after.id] : []), limit) as RosterExportRow[];
  }

  countWarnings(status: string | undefined): number {
    return (
      this.db.prepare(`SELECT count(*) AS n FROM warning WHERE ${status ? 'status = ?' : '1'}`).get(...(status ? [status] : [])) as {
        n: number;
      }
    ).n;
  }

  /** In the warnings page's order: unfinished first, deadline soonest first. */
  warningPage(status: string | undefined, after: WarningExportRow | null, limit: number): WarningExportRow[] {
    const keyset = after ? " AND (w.status = 'closed', w.due_on, w.id) > (?, ?, ?)" : '';
    return this.db
      .prepare(
        `SELECT w.id, w.type, w.id_number, r.applicant_name, w.received_at, w.due_on, w.status, w.assigned_to, w.outcome, w.status = 'closed' AS closed
         FROM warning w LEFT JOIN roster r ON r.id = w.roster_id
         WHERE ${status ? 'w.status = ?' : '1'}${keyset} ORDER BY w.status = 'closed', w.due_on, w.id LIMIT ?`,
      )
      .all(...(status ? [status] : []), ...(after ? [after.closed, after.due_on, after.id] : []), limit) as WarningExportRow[];
  }
}
