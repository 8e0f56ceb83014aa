import { certificationSettingsSchema, type CertificationSettings } from '../../../common/contract/methods/certification';
import type { Db } from '../kernel/store/types';

export interface CertificationRow {
  id: string;
  roster_id: string;
  case_id: string;
  id_number: string;
  name: string;
  method: 'counter' | 'proxy' | 'remote';
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
  /** A remote certification's channel and time (history only, from certification_remote). */
  remote_method?: RemoteReceiptRow['method'] | null;
  remote_at?: string | null;
}

/** A pulled `certification.remote` item, kept once by the platform's id (migration 0810). */
export interface RemoteReceiptRow {
  id: string;
  id_number: string;
  certified_at: string;
  method: 'face' | 'video' | 'other';
  status: 'applied' | 'notApplied';
  /** Not applied: `{ code, message }` of the refusal (JSON). */
  reason: string | null;
  certification_id: string | null;
  received_at: string;
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
    this.db
      .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(SETTINGS_KEY, JSON.stringify(certificationSettingsSchema.parse(s)));
  }

  /** Every enrolment the person belongs to, the active one first, then the latest stopped. */
  rostersOf(idNumber: string): RosterRef[] {
    return this.db
      .prepare(
        `SELECT ${ROSTER_COLS} FROM roster r JOIN roster_member m ON m.roster_id = r.id WHERE m.id_number = ? ORDER BY r.status = 'active' DESC, r.stopped_on DESC`,
      )
      .all(idNumber) as RosterRef[];
  }
  activeRosters(): RosterRef[] {
    return this.db
      .prepare(`SELECT ${ROSTER_COLS} FROM roster r WHERE r.status = 'active' AND r.monthly = 1 ORDER BY r.enrolled_on, r.id`)
      .all() as RosterRef[];
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

  /**
   * The due list in SQL (schedule.ts's nextDue / dueStatus / mustCertify, the same rules), in one
   * statement: the counts and the page, most urgent first. Names are read for the page's rows only.
   */
  dueList(
    q: DueQuery,
    filter: 'due' | 'overdue' | 'all',
    limit: number,
  ): { rows: DueListRow[]; counts: { persons: number; due: number; overdue: number } } {
    const { sql, params } = dueSql(q);
    const where = filter === 'all' ? '' : filter === 'overdue' ? "WHERE status = 'overdue'" : "WHERE status IN ('due', 'overdue')";
    const out = this.db
      .prepare(
        `${sql},
         counts AS (SELECT count(*) AS persons, coalesce(sum(status = 'due'), 0) AS due_count, coalesce(sum(status = 'overdue'), 0) AS overdue_count FROM dated),
         page AS (SELECT * FROM dated ${where} ORDER BY due_on, id_number LIMIT @limit)
         SELECT counts.*, page.*, r.case_id, r.applicant_name, r.applicant_id_number,
                (SELECT p.name FROM case_party p WHERE p.case_id = r.case_id AND p.id_number = page.id_number AND p.role IN ('member', 'applicant') ORDER BY p.role = 'member' DESC LIMIT 1) AS name
         FROM counts LEFT JOIN page LEFT JOIN roster r ON r.id = page.roster_id ORDER BY page.due_on, page.id_number`,
      )
      .all({ ...params, limit }) as Array<
      DueListRow & { persons: number; due_count: number; overdue_count: number; roster_id: string | null }
    >;
    const first = out[0]!;
    return {
      rows: out.filter((r) => r.roster_id !== null),
      counts: { persons: first.persons, due: first.due_count, overdue: first.overdue_count },
    };
  }

  /** Last certified day of each person of a roster (certified outcomes only). */
  lastCertified(rosterId?: string): Map<string, string> {
    const rows = this.db
      .prepare(
        `SELECT roster_id, id_number, max(certified_on) AS on_ FROM certification WHERE outcome = 'certified' ${rosterId ? 'AND roster_id = @rosterId' : ''} GROUP BY roster_id, id_number`,
      )
      .all(rosterId ? { rosterId } : {}) as Array<{ roster_id: string; id_number: string; on_: string }>;
    return new Map(rows.map((r) => [`${r.roster_id}/${r.id_number}`, r.on_]));
  }

  /** The day the roster entry was enrolled. */
  enrolledOn(rosterId: string): string {
    return this.db.prepare('SELECT enrolled_on FROM roster WHERE id = ?').pluck().get(rosterId) as string;
  }

  /** The face photo taken when the person signed the authorization at intake, the roster's case first. */
  enrolledFace(idNumber: string, caseId: string): string | null {
    const row = this.db
      .prepare(
        'SELECT face_attachment_id AS id FROM case_authorization WHERE signer_id_number = ? AND face_attachment_id IS NOT NULL ORDER BY case_id = ? DESC, signed_at DESC LIMIT 1',
      )
      .get(idNumber, caseId) as { id: string } | undefined;
    return row?.id ?? null;
  }

  insert({ remote_method: _m, remote_at: _a, ...r }: CertificationRow): void {
    this.db
      .prepare(
        `INSERT INTO certification (id, roster_id, case_id, id_number, name, method, result, outcome, certified_on, face_attachment_id, reference_source, reference_attachment_id, scores, confirmation, proxy, home_visit, recorded_at, recorded_by)
         VALUES (@id, @roster_id, @case_id, @id_number, @name, @method, @result, @outcome, @certified_on, @face_attachment_id, @reference_source, @reference_attachment_id, @scores, @confirmation, @proxy, @home_visit, @recorded_at, @recorded_by)`,
      )
      .run(r);
  }
  history(idNumber: string): CertificationRow[] {
    return this.db
      .prepare(
        `SELECT c.*, r.method AS remote_method, r.certified_at AS remote_at FROM certification c LEFT JOIN certification_remote r ON r.certification_id = c.id
         WHERE c.id_number = ? ORDER BY c.certified_on DESC, c.recorded_at DESC LIMIT 50`,
      )
      .all(idNumber) as CertificationRow[];
  }

  remoteReceipt(id: string): RemoteReceiptRow | undefined {
    return this.db.prepare('SELECT * FROM certification_remote WHERE id = ?').get(id) as RemoteReceiptRow | undefined;
  }
  insertRemoteReceipt(r: RemoteReceiptRow): void {
    this.db
      .prepare(
        `INSERT INTO certification_remote (id, id_number, certified_at, method, status, reason, certification_id, received_at)
         VALUES (@id, @id_number, @certified_at, @method, @status, @reason, @certification_id, @received_at)`,
      )
      .run(r);
  }
  markRemoteApplied(id: string, certificationId: string): void {
    this.db
      .prepare(
        "UPDATE certification_remote SET status = 'applied', reason = NULL, certification_id = ? WHERE id = ? AND status = 'notApplied'",
      )
      .run(certificationId, id);
  }
  keepRemote(id: string, reason: string): void {
    this.db.prepare("UPDATE certification_remote SET reason = ? WHERE id = ? AND status = 'notApplied'").run(reason, id);
  }
  /** Remote certifications kept as not applied, newest first. */
  remoteKept(limit = 200): RemoteReceiptRow[] {
    return this.db
      .prepare("SELECT * FROM certification_remote WHERE status = 'notApplied' ORDER BY received_at DESC, id LIMIT ?")
      .all(limit) as RemoteReceiptRow[];
  }
}

/** The county's schedule and the day, as the due list's SQL takes them. */
export interface DueQuery {
  settings: Pick<CertificationSettings, 'mode' | 'intervalMonths' | 'months' | 'dueWindowDays' | 'who'>;
  today: string;
  adultAge: number;
}

export interface DueListRow {
  roster_id: string;
  id_number: string;
  last_on: string | null;
  due_on: string;
  opens_on: string;
  status: 'overdue' | 'due' | 'later';
  case_id: string;
  applicant_name: string;
  applicant_id_number: string;
  name: string | null;
}

/**
 * CTEs ending in `dated` (roster_id, id_number, last_on, due_on, opens_on, status): every person
 * the county's rule asks to certify on active monthly enrolments. Birth dates as mustCertify takes
 * them: the intake's member facts, else the 18-digit number (not a 9… foreigner number).
 * interval: the same day `intervalMonths` after the base, the 31st of a shorter month its last day
 * (addMonths); fixedMonths: the whole of the first listed month after the base's month, found with
 * a 12-row table of month → months ahead.
 */
function dueSql(q: DueQuery): { sql: string; params: Record<string, unknown> } {
  const s = q.settings;
  const params: Record<string, unknown> = { today: q.today, window: `-${s.dueWindowDays} days`, adultAge: q.adultAge };
  const adults =
    s.who === 'applicant'
      ? 'm.id_number = r.applicant_id_number'
      : `m.id_number = r.applicant_id_number OR birth IS NULL
         OR (CAST(substr(@today, 1, 4) AS INTEGER) - CAST(substr(birth, 1, 4) AS INTEGER) - (substr(@today, 6) < substr(birth, 6))) >= @adultAge`;
  const birth =
    s.who === 'applicant'
      ? 'NULL'
      : `coalesce(
           (SELECT json_extract(p.facts, '$.birthDate') FROM case_party p WHERE p.case_id = r.case_id AND p.id_number = m.id_number AND p.role = 'member' LIMIT 1),
           CASE WHEN length(m.id_number) = 18 AND substr(m.id_number, 1, 1) <> '9' AND m.id_number GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9X]'
                THEN substr(m.id_number, 7, 4) || '-' || substr(m.id_number, 11, 2) || '-' || substr(m.id_number, 13, 2) END)`;
  // Months ahead of the base's month: intervalMonths, or the first listed month after it (fixedMonths).
  const ahead =
    s.mode === 'interval'
      ? null
      : Array.from({ length: 12 }, (_, m0) => {
          for (let i = 1; i <= 12; i++) if (new Set(s.months).has(((m0 + i) % 12) + 1)) return i;
          throw new Error('fixedMonths schedule without months');
        });
  const offsets = ahead ? `, ahead(m0, k) AS (VALUES ${ahead.map((k, i) => `(${i + 1}, ${k})`).join(', ')})` : '';
  // Integer date arithmetic (no date() parsing per row): target month t = year * 12 + month - 1 + k.
  const lastDay = `CASE WHEN tm = 2 THEN 28 + ((ty % 4 = 0 AND ty % 100 <> 0) OR ty % 400 = 0) WHEN tm IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  const target = ahead
    ? `SELECT b.*, (CAST(substr(b.base, 1, 4) AS INTEGER) * 12 + CAST(substr(b.base, 6, 2) AS INTEGER) - 1 + a.k) AS t, 0 AS d FROM based b JOIN ahead a ON a.m0 = CAST(substr(b.base, 6, 2) AS INTEGER)`
    : `SELECT b.*, (CAST(substr(b.base, 1, 4) AS INTEGER) * 12 + CAST(substr(b.base, 6, 2) AS INTEGER) - 1 + @months) AS t, CAST(substr(b.base, 9, 2) AS INTEGER) AS d FROM based b`;
  const dates = ahead
    ? `printf('%04d-%02d-%02d', ty, tm, ${lastDay}) AS due_on, printf('%04d-%02d-01', ty, tm) AS opens_on`
    : `printf('%04d-%02d-%02d', ty, tm, min(d, ${lastDay})) AS due_on, NULL AS opens_on`;
  params.months = s.intervalMonths;
  const sql = `WITH last AS (SELECT roster_id, id_number, max(certified_on) AS on_ FROM certification WHERE outcome = 'certified' GROUP BY roster_id, id_number)${offsets},
    people AS (SELECT r.id AS roster_id, m.id_number, r.enrolled_on, r.applicant_id_number, ${birth} AS birth
               FROM roster r JOIN roster_member m ON m.roster_id = r.id
               WHERE r.status = 'active' AND r.monthly = 1 ${s.who === 'applicant' ? 'AND m.id_number = r.applicant_id_number' : ''}),
    based AS (SELECT p.roster_id, p.id_number, l.on_ AS last_on, coalesce(l.on_, p.enrolled_on) AS base
              FROM people p LEFT JOIN last l ON l.roster_id = p.roster_id AND l.id_number = p.id_number
              WHERE ${adults.replaceAll('m.id_number', 'p.id_number').replaceAll('r.applicant_id_number', 'p.applicant_id_number')}),
    due AS MATERIALIZED (SELECT roster_id, id_number, last_on, ${dates} FROM (SELECT *, t / 12 AS ty, t % 12 + 1 AS tm FROM (${target}))),
    dated AS MATERIALIZED (SELECT roster_id, id_number, last_on, due_on, opens_on,
                  CASE WHEN @today > due_on THEN 'overdue' WHEN @today >= opens_on THEN 'due' ELSE 'later' END AS status
           FROM (SELECT roster_id, id_number, last_on, due_on, coalesce(opens_on, date(due_on, @window)) AS opens_on FROM due))`;
  return { sql, params };
}
