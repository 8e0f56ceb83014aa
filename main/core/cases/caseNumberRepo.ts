import type { Db } from '../kernel/store/types';

/**
 * The rows behind case numbers (caseNumber.ts): this workstation's counter number (`case_window`,
 * one row) and the running number per year and counter (`case_counter_window`).
 */
export class CaseNumberRepo {
  constructor(private readonly db: Db) {}

  /** The counter number as set, or null before any was set. */
  window(): { counter_no: number; source: 'setup' | 'platform' } | null {
    const r = this.db.prepare('SELECT counter_no, source FROM case_window WHERE id = 1').get() as
      { counter_no: number; source: 'setup' | 'platform' } | undefined;
    return r ?? null;
  }

  setWindow(counterNo: number, source: 'setup' | 'platform', at: string): void {
    this.db
      .prepare(
        `INSERT INTO case_window (id, counter_no, source, set_at) VALUES (1, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET counter_no = excluded.counter_no, source = excluded.source, set_at = excluded.set_at`,
      )
      .run(counterNo, source, at);
  }

  /** Whether a number was ever taken with this counter number. */
  issuedWith(counterNo: number): boolean {
    return this.db.prepare('SELECT 1 FROM case_counter_window WHERE counter_no = ? AND next > 1 LIMIT 1').get(counterNo) !== undefined;
  }

  /** Take the next running number of the year at this counter. */
  take(year: number, counterNo: number): number {
    const row = this.db
      .prepare(
        'INSERT INTO case_counter_window (year, counter_no, next) VALUES (?, ?, 2) ON CONFLICT(year, counter_no) DO UPDATE SET next = next + 1 RETURNING next - 1 AS n',
      )
      .get(year, counterNo) as { n: number };
    return row.n;
  }

  /** The next running number of the year at this counter is at least `next`. */
  raiseTo(year: number, counterNo: number, next: number): void {
    this.db
      .prepare(
        'INSERT INTO case_counter_window (year, counter_no, next) VALUES (?, ?, ?) ON CONFLICT(year, counter_no) DO UPDATE SET next = max(next, excluded.next)',
      )
      .run(year, counterNo, next);
  }
}
