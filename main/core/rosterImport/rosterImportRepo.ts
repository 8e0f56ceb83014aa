import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../kernel/store/types';

type Statement = BetterSqlite3.Statement<unknown[]>;

export interface ImportReportRow {
  id: string;
  file_name: string;
  sha256: string;
  imported_at: string;
  imported_by: string;
  totals: string;
  errors: string;
}

/** SQL of the roster import (migration 0770) and the reads its checks need from the roster and persons. */
export class RosterImportRepo {
  private readonly cache = new Map<string, Statement>();
  constructor(readonly db: Db) {}

  /** Prepared once per connection: confirm runs these once per household or member. */
  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** Every ID number on an active roster row of the station. */
  activeRosterMembers(): Set<string> {
    const rows = this.db
      .prepare("SELECT m.id_number FROM roster_member m JOIN roster r ON r.id = m.roster_id WHERE r.status = 'active'")
      .pluck()
      .all() as string[];
    return new Set(rows);
  }

  /** The names the station already has for these ID numbers (person records). */
  personNames(ids: readonly string[]): Map<string, string> {
    const get = this.stmt('SELECT name FROM person WHERE id_number = ?').pluck();
    const out = new Map<string, string>();
    for (const id of ids) {
      const name = get.get(id) as string | undefined;
      if (name !== undefined) out.set(id, name);
    }
    return out;
  }

  /** A person the station does not know yet; one it knows (from a card read or an earlier case) keeps its record. */
  addPerson(p: { id_number: string; name: string; sex: string; birth_date: string; address: string | null; updated_at: string }): void {
    this.stmt(
      "INSERT OR IGNORE INTO person (id_number, name, sex, birth_date, nation_code, address, phone, card_valid_until, source, updated_at) VALUES (@id_number, @name, @sex, @birth_date, NULL, @address, NULL, NULL, 'typed', @updated_at)",
    ).run(p);
  }

  linkHousehold(l: {
    import_id: string;
    roster_id: string;
    case_id: string;
    sheet: string;
    row: number;
    approved_on: string | null;
    last_certified_on: string | null;
  }): void {
    this.stmt(
      'INSERT INTO roster_import_household (import_id, roster_id, case_id, sheet, row, approved_on, last_certified_on) VALUES (@import_id, @roster_id, @case_id, @sheet, @row, @approved_on, @last_certified_on)',
    ).run(l);
  }

  insertReport(r: ImportReportRow): void {
    this.db
      .prepare(
        'INSERT INTO roster_import (id, file_name, sha256, imported_at, imported_by, totals, errors) VALUES (@id, @file_name, @sha256, @imported_at, @imported_by, @totals, @errors)',
      )
      .run(r);
  }

  lastImportOf(sha256: string): { id: string; imported_at: string } | undefined {
    return this.db.prepare('SELECT id, imported_at FROM roster_import WHERE sha256 = ? ORDER BY imported_at DESC LIMIT 1').get(sha256) as
      { id: string; imported_at: string } | undefined;
  }

  reports(): Array<Omit<ImportReportRow, 'errors'>> {
    return this.db
      .prepare('SELECT id, file_name, sha256, imported_at, imported_by, totals FROM roster_import ORDER BY imported_at DESC LIMIT 200')
      .all() as Array<Omit<ImportReportRow, 'errors'>>;
  }

  report(id: string): ImportReportRow | undefined {
    return this.db.prepare('SELECT * FROM roster_import WHERE id = ?').get(id) as ImportReportRow | undefined;
  }
}
