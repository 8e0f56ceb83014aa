import type { Db } from '../../kernel/store/types';

/** A pulled `case.status` item as kept (migration 0880). */
export interface PlatformStatusRow {
  id: string;
  case_id: string;
  case_no: string | null;
  status: string;
  note: string | null;
  /** The platform's time of the change (ISO). */
  platform_at: string;
  feed_seq: number;
  received_at: string;
}

/** A case's latest status with what this station holds of the case (the sync centre's list). */
export interface LatestStatusRow extends PlatformStatusRow {
  held_case_no: string | null;
  applicant_name: string | null;
  held: 0 | 1;
}

/** The latest status of each case: the row of the case's highest feed position. */
const LATEST = `
  SELECT s.* FROM case_platform_status s
  WHERE s.feed_seq = (SELECT max(feed_seq) FROM case_platform_status o WHERE o.case_id = s.case_id)`;

/** SQL of what the platform said about each case (table case_platform_status, in the encrypted station store). */
export class PlatformStatusRepo {
  constructor(private readonly db: Db) {}

  /** Keep a status once by the platform's id; answers whether it was new. */
  insert(r: PlatformStatusRow): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO case_platform_status (id, case_id, case_no, status, note, platform_at, feed_seq, received_at)
           VALUES (@id, @case_id, @case_no, @status, @note, @platform_at, @feed_seq, @received_at) ON CONFLICT (id) DO NOTHING`,
        )
        .run(r).changes === 1
    );
  }

  /** Whether this station holds the case. */
  holdsCase(caseId: string): boolean {
    return this.db.prepare('SELECT 1 FROM case_file WHERE id = ?').get(caseId) !== undefined;
  }

  /** The case's statuses, newest (highest feed position) first: the first is the case's current one. */
  history(caseId: string): PlatformStatusRow[] {
    return this.db
      .prepare('SELECT * FROM case_platform_status WHERE case_id = ? ORDER BY feed_seq DESC')
      .all(caseId) as PlatformStatusRow[];
  }

  /**
   * Each case's latest status, the most recent change first, with the case's number and applicant as
   * held here: `statuses` keeps those at one of the given statuses, `exclude` those not at any of them.
   */
  latest(filter: { statuses?: readonly string[]; exclude?: readonly string[] }, limit: number): { rows: LatestStatusRow[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.statuses) {
      where.push(`l.status IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(filter.statuses));
    }
    if (filter.exclude) {
      where.push(`l.status NOT IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(filter.exclude));
    }
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db
      .prepare(`SELECT count(*) FROM (${LATEST}) l ${cond}`)
      .pluck()
      .get(...params) as number;
    const rows = this.db
      .prepare(
        `SELECT l.*, c.case_no AS held_case_no, c.applicant_name, (c.id IS NOT NULL) AS held
         FROM (${LATEST}) l LEFT JOIN case_file c ON c.id = l.case_id ${cond}
         ORDER BY l.feed_seq DESC LIMIT ?`,
      )
      .all(...params, limit) as LatestStatusRow[];
    return { rows, total };
  }
}
