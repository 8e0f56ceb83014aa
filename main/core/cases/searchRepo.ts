import type { Db } from '../kernel/store/types';
import { CASE_LIST_COLUMNS, type CaseListRow } from './search';

/** The case search's statements (search.ts builds the filter; these run it over the indexes). */
export class CaseSearchRepo {
  constructor(private readonly db: Db) {}

  /** One page of case ids matching `clause`, newest first. */
  pageIds(from: string, clause: string, params: unknown[], limit: number, offset: number): string[] {
    const rows = this.db
      .prepare(`SELECT c.id FROM ${from} ${clause} ORDER BY c.updated_at DESC LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** The list's columns of these cases (never the application JSON). */
  listRows(ids: readonly string[]): CaseListRow[] {
    if (ids.length === 0) return [];
    return this.db
      .prepare(`SELECT ${CASE_LIST_COLUMNS.join(', ')} FROM case_file WHERE id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids) as CaseListRow[];
  }

  count(from: string, clause: string, params: unknown[]): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${from} ${clause}`).get(...params) as { n: number }).n;
  }

  /**
   * The parties of these cases that meet `cond`: by the cases' ids (the primary key), the condition tested
   * on their few parties — `+(…)` keeps the planner from walking a broad prefix's whole index range instead.
   */
  partiesMatching(
    caseIds: readonly string[],
    cond: string,
    params: unknown[],
  ): Array<{ case_id: string; role: string; id_number: string; name: string }> {
    return this.db
      .prepare(
        `SELECT case_id, role, id_number, name FROM case_party WHERE case_id IN (${caseIds.map(() => '?').join(',')}) AND +(${cond})`,
      )
      .all(...caseIds, ...params) as Array<{ case_id: string; role: string; id_number: string; name: string }>;
  }
}
