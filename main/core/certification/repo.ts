import { certificationSettingsSchema, type CertificationSettings } from '../../../common/contract/methods/certification';
import type { Db } from '../store/types';

export interface CertificationRow {
  id: string;
  roster_id: string;
  case_id: string;
  id_number: string;
  name: string;
  method: 'counter' | 'proxy';
  result: 'pass' | 'review' | 'fail';
  outcome: 'certified' | 'failed';
  certified_on: string;
  face_attachment_id: string | null;
  reference_source: 'enrolled' | 'card' | 'none' | null;
  reference_attachment_id: string | null;
  scores: string | null;
  confirmation: string | null;
  proxy: string | null;
  home_visit: string | null;
  recorded_at: string;
  recorded_by: string;
}

/** The roster rows this capability reads (owned by afterAcceptance, migration 0400). */
export interface RosterRef {
  id: string;
  case_id: string;
  applicant_id_number: string;
  applicant_name: string;
  enrolled_on: string;
  status: 'active' | 'stopped';
  stopped_on: string | null;
  /** 0: a monitoring entry without a monthly amount (低保边缘 / 刚性支出) — no 资格认证. */
  monthly: 0 | 1;
}

export interface MemberRef {
  roster_id: string;
  id_number: string;
  name: string | null;
  facts: string | null;
}

const SETTINGS_KEY = 'certification.settings';
const ROSTER_COLS = 'r.id, r.case_id, r.applicant_id_number, r.applicant_name, r.enrolled_on, r.status, r.stopped_on, r.monthly';

/** SQL of certification (migration 0420) and the reads it needs from the roster, cases and authorizations. */
export class CertificationRepo {
  constructor(readonly db: Db) {}

  settings(): CertificationSettings {
    const row = this.db.prepare('SELECT value FROM setting WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined;
    const parsed = row ? certificationSettingsSchema.safeParse(JSON.parse(row.value)) : null;
    return parsed?.success ? parsed.data : certificationSettingsSchema.parse({});
  }
  putSettings(s: CertificationSettings): void {
    this.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SETTINGS_KEY, JSON.stringify(certificationSettingsSchema.parse(s)));
  }

  /** Every enrolment the person belongs to, the active one first, then the latest stopped. */
  rostersOf(idNumber: string): RosterRef[] {
    return this.db
      .prepare(`SELECT ${ROSTER_COLS} FROM roster r JOIN roster_member m ON m.roster_id = r.id WHERE m.id_number = ? ORDER BY r.status = 'active' DESC, r.stopped_on DESC`)
      .all(idNumber) as RosterRef[];
  }
  activeRosters(): RosterRef[] {
    return this.db.prepare(`SELECT ${ROSTER_COLS} FROM roster r WHERE r.status = 'active' AND r.monthly = 1 ORDER BY r.enrolled_on, r.id`).all() as RosterRef[];
  }

  /** The members of active enrolments paid monthly (or of one), with the name and facts the intake indexed for the roster's case. */
  members(rosterId?: string): MemberRef[] {
    return this.db
      .prepare(
        `SELECT m.roster_id, m.id_number,
                (SELECT p.name FROM case_party p WHERE p.case_id = r.case_id AND p.id_number = m.id_number AND p.role IN ('member', 'applicant') ORDER BY p.role = 'member' DESC LIMIT 1) AS name,
                (SELECT p.facts FROM case_party p WHERE p.case_id = r.case_id AND p.id_number = m.id_number AND p.role = 'member' LIMIT 1) AS facts
         FROM roster_member m JOIN roster r ON r.id = m.roster_id
         WHERE ${rosterId ? 'r.id = @rosterId' : "r.status = 'active' AND r.monthly = 1"} ORDER BY m.roster_id, m.id_number`,
      )
      .all(rosterId ? { rosterId } : {}) as MemberRef[];
  }

  /** Last certified day of each person of a roster (certified outcomes only). */
  lastCertified(rosterId?: string): Map<string, string> {
    const rows = this.db
      .prepare(`SELECT roster_id, id_number, max(certified_on) AS on_ FROM certification WHERE outcome = 'certified' ${rosterId ? 'AND roster_id = @rosterId' : ''} GROUP BY roster_id, id_number`)
      .all(rosterId ? { rosterId } : {}) as Array<{ roster_id: string; id_number: string; on_: string }>;
    return new Map(rows.map((r) => [`${r.roster_id}/${r.id_number}`, r.on_]));
  }

  /** The face photo taken when the person signed the authorization at intake, the roster's case first. */
  enrolledFace(idNumber: string, caseId: string): string | null {
    const row = this.db
      .prepare('SELECT face_attachment_id AS id FROM case_authorization WHERE signer_id_number = ? AND face_attachment_id IS NOT NULL ORDER BY case_id = ? DESC, signed_at DESC LIMIT 1')
      .get(idNumber, caseId) as { id: string } | undefined;
    return row?.id ?? null;
  }

  insert(r: CertificationRow): void {
    this.db
      .prepare(
        `INSERT INTO certification (id, roster_id, case_id, id_number, name, method, result, outcome, certified_on, face_attachment_id, reference_source, reference_attachment_id, scores, confirmation, proxy, home_visit, recorded_at, recorded_by)
         VALUES (@id, @roster_id, @case_id, @id_number, @name, @method, @result, @outcome, @certified_on, @face_attachment_id, @reference_source, @reference_attachment_id, @scores, @confirmation, @proxy, @home_visit, @recorded_at, @recorded_by)`,
      )
      .run(r);
  }
  history(idNumber: string): CertificationRow[] {
    return this.db.prepare('SELECT * FROM certification WHERE id_number = ? ORDER BY recorded_at DESC LIMIT 50').all(idNumber) as CertificationRow[];
  }
}
