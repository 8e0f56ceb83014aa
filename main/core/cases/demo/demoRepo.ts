import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../kernel/store/types';

/** A synthetic case's row as the demo seed writes it in bulk (submitted by the counter, version 2, marked demo). */
export interface DemoCaseRow {
  id: string;
  caseNo: string;
  state: string;
  type: string | null;
  subtype: string | null;
  applicantIdNumber: string;
  applicantName: string;
  householdSize: number;
  data: string;
  at: string;
  actor: string;
  acceptedOn: string | null;
}

/** The bulk statements of the demo seed (seed.ts), prepared once per seeding. */
export class DemoCaseRepo {
  private readonly insertCase: BetterSqlite3.Statement<unknown[]>;
  private readonly insertParty: BetterSqlite3.Statement<unknown[]>;

  constructor(db: Db) {
    this.insertCase = db.prepare(
      `INSERT INTO case_file (id, case_no, state, type, subtype, channel, applicant_id_number, applicant_name, household_size, related_party, version, draft_rev, data, created_at, created_by, updated_at, updated_by, submitted_at, accepted_on, demo)
     VALUES (?, ?, ?, ?, ?, 'counter', ?, ?, ?, 0, 2, 1, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    this.insertParty = db.prepare(
      'INSERT OR IGNORE INTO case_party (case_id, role, id_number, name, initials, phone, relationship, facts) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
    );
  }

  addCase(c: DemoCaseRow): void {
    this.insertCase.run(
      c.id,
      c.caseNo,
      c.state,
      c.type,
      c.subtype,
      c.applicantIdNumber,
      c.applicantName,
      c.householdSize,
      c.data,
      c.at,
      c.actor,
      c.at,
      c.actor,
      c.at,
      c.acceptedOn,
    );
  }

  addParty(
    caseId: string,
    p: { role: string; idNumber: string; name: string; initials: string; phone: string | null; relationship: string },
  ): void {
    this.insertParty.run(caseId, p.role, p.idNumber, p.name, p.initials, p.phone, p.relationship);
  }
}
