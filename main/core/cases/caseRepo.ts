import type { CaseState } from '../../../common/cases/stateMachine';
import type { DeadlineKind } from '../../../common/cases/deadlines';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../kernel/store/types';
import { nextCaseNo, raiseCaseCounter } from './caseNumber';

/** One row of case_file. `data` is the application JSON (common/cases/application.ts). */
export interface CaseRow {
  id: string;
  case_no: string | null;
  state: CaseState;
  type: string | null;
  subtype: string | null;
  channel: 'counter' | 'proxy' | 'online';
  applicant_id_number: string | null;
  applicant_name: string | null;
  household_size: number;
  related_party: 0 | 1;
  version: number;
  draft_rev: number;
  data: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  submitted_at: string | null;
  accepted_on: string | null;
  demo: 0 | 1;
}

export interface PartyRow {
  role: 'applicant' | 'member' | 'supporter' | 'agent';
  id_number: string;
  name: string;
  initials: string;
  phone: string | null;
  relationship: string | null;
  facts: string | null;
}

export interface EventRow {
  seq: number;
  at: string;
  actor_id: string;
  action: string;
  from_state: CaseState | null;
  to_state: CaseState | null;
  note: string | null;
}

export interface DeadlineRow {
  kind: DeadlineKind;
  from_date: string;
  working_days: number;
  due_date: string;
  met_at: string | null;
  reason: string | null;
}

export interface AttachmentLinkRow {
  attachment_id: string;
  role: 'material' | 'signature' | 'face';
  ref: string;
  page: number;
  added_at: string;
  mime: string;
  size: number;
}

export interface AuthorizationRow {
  id: string;
  signer_id_number: string;
  signer_name: string;
  role: 'member' | 'supporter';
  signed_at: string;
  signature_attachment_id: string;
  face_attachment_id: string | null;
  face_verdict: string | null;
  recorded_by: string;
  /** SHA-256 of the statement signed (the authorization's text), when the pad was bound to it. */
  document_hash: string | null;
  /** SHA-256 of the stored signature PNG. */
  signature_sha256: string | null;
  /** JSON: the face check's match, liveness and quality scores, and a manual capture's reason. */
  face_result: string | null;
  /** The pad, or the printed 授权书 signed by hand and scanned (migration 0680). */
  route?: 'pad' | 'paper';
  /** JSON (paper route): reason, note, scan attachment ids, the printed form's request and hash. */
  paper?: string | null;
  /** JSON: core's face check (verdict, claim, scores, thresholds, photo hash and size, card photo). */
  face_check?: string | null;
  /** Added after submission: its number among the case's amendments. */
  amendment?: number | null;
  /** 1 when the county required a face of this signer when it was recorded. */
  face_required?: 0 | 1 | null;
}

export type CaseColumns = Omit<CaseRow, 'id' | 'created_at' | 'created_by' | 'case_no' | 'submitted_at' | 'accepted_on' | 'demo'>;

/**
 * SQL of the case tables, one named method per statement (reads and writes); callers own the
 * transaction. Statements are prepared once per connection.
 */
export class CaseRepository {
  private readonly cache = new Map<string, BetterSqlite3.Statement<unknown[]>>();
  constructor(readonly db: Db) {}

  private stmt(sql: string): BetterSqlite3.Statement<unknown[]> {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare<unknown[]>(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  get(id: string): CaseRow | null {
    return (this.stmt('SELECT * FROM case_file WHERE id = ?').get(id) as CaseRow | undefined) ?? null;
  }

  byCaseNo(caseNo: string): CaseRow | null {
    return (this.stmt('SELECT * FROM case_file WHERE case_no = ?').get(caseNo) as CaseRow | undefined) ?? null;
  }

  insert(row: Omit<CaseRow, 'case_no' | 'submitted_at' | 'accepted_on'>): void {
    this.stmt(
      `INSERT INTO case_file (id, state, type, subtype, channel, applicant_id_number, applicant_name, household_size, related_party, version, draft_rev, data, created_at, created_by, updated_at, updated_by, demo)
       VALUES (@id, @state, @type, @subtype, @channel, @applicant_id_number, @applicant_name, @household_size, @related_party, @version, @draft_rev, @data, @created_at, @created_by, @updated_at, @updated_by, @demo)`,
    ).run(row);
  }

  update(id: string, cols: CaseColumns): void {
    this.stmt(
      `UPDATE case_file SET state = @state, type = @type, subtype = @subtype, channel = @channel, applicant_id_number = @applicant_id_number, applicant_name = @applicant_name,
       household_size = @household_size, related_party = @related_party, version = @version, draft_rev = @draft_rev, data = @data, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id`,
    ).run({ ...cols, id });
  }

  /** A record on the case that changes neither its state nor its household (LegalPath.record): the version goes up by one. */
  setVersion(id: string, version: number, at: string, by: string): void {
    this.stmt('UPDATE case_file SET version = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(version, at, by, id);
  }

  setSubmitted(id: string, caseNo: string, at: string): void {
    this.stmt('UPDATE case_file SET case_no = coalesce(case_no, ?), submitted_at = ? WHERE id = ?').run(caseNo, at, id);
  }

  setAcceptedOn(id: string, date: string): void {
    this.stmt('UPDATE case_file SET accepted_on = ? WHERE id = ?').run(date, id);
  }

  /** A pulled case's number and submission time, each kept once known (main/core/cases/pullCases.ts). */
  setPulledNumber(id: string, caseNo: string | null, submittedAt: string | null): void {
    this.stmt('UPDATE case_file SET case_no = coalesce(case_no, ?), submitted_at = coalesce(submitted_at, ?) WHERE id = ?').run(
      caseNo,
      submittedAt,
      id,
    );
  }

  /** After pulling a case number: this counter's next number of that year is above it if this counter issued it (caseNumber.ts). */
  raiseCaseCounter(caseNo: string): void {
    raiseCaseCounter(this.db, caseNo);
  }

  /** The next case number of the year at this counter: <region>-<year>-<counter 2>-<n 5> (caseNumber.ts). */
  nextCaseNo(regionCode: string, year: number): string {
    return nextCaseNo(this.db, regionCode, year);
  }

  replaceParties(caseId: string, parties: PartyRow[]): void {
    this.stmt('DELETE FROM case_party WHERE case_id = ?').run(caseId);
    const ins = this.stmt(
      'INSERT OR IGNORE INTO case_party (case_id, role, id_number, name, initials, phone, relationship, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const p of parties) ins.run(caseId, p.role, p.id_number, p.name, p.initials, p.phone, p.relationship, p.facts);
  }

  parties(caseId: string): PartyRow[] {
    return this.stmt('SELECT role, id_number, name, initials, phone, relationship, facts FROM case_party WHERE case_id = ?').all(
      caseId,
    ) as PartyRow[];
  }

  replaceMoney(
    caseId: string,
    income: Array<{ member: string; category: string; counted: boolean; fen: number }>,
    assets: Array<{ kind: string; fen: number; exempt: boolean }>,
  ): void {
    this.stmt('DELETE FROM case_income WHERE case_id = ?').run(caseId);
    this.stmt('DELETE FROM case_asset WHERE case_id = ?').run(caseId);
    const inc = this.stmt(
      'INSERT INTO case_income (case_id, line, member_id_number, category, counted, monthly_fen) VALUES (?, ?, ?, ?, ?, ?)',
    );
    income.forEach((i, line) => inc.run(caseId, line, i.member, i.category, i.counted ? 1 : 0, i.fen));
    const ast = this.stmt('INSERT INTO case_asset (case_id, line, kind, value_fen, exempt) VALUES (?, ?, ?, ?, ?)');
    assets.forEach((a, line) => ast.run(caseId, line, a.kind, a.fen, a.exempt ? 1 : 0));
  }

  upsertPerson(p: {
    id_number: string;
    name: string;
    sex: string;
    birth_date: string;
    nation_code: string | null;
    address: string | null;
    phone: string | null;
    card_valid_until: string | null;
    source: string;
    updated_at: string;
  }): void {
    this.stmt(
      `INSERT INTO person (id_number, name, sex, birth_date, nation_code, address, phone, card_valid_until, source, updated_at)
       VALUES (@id_number, @name, @sex, @birth_date, @nation_code, @address, @phone, @card_valid_until, @source, @updated_at)
       ON CONFLICT(id_number) DO UPDATE SET name = excluded.name, sex = excluded.sex, birth_date = excluded.birth_date,
         nation_code = coalesce(excluded.nation_code, nation_code), address = coalesce(excluded.address, address), phone = coalesce(excluded.phone, phone),
         card_valid_until = coalesce(excluded.card_valid_until, card_valid_until),
         source = CASE WHEN excluded.source = 'card' THEN 'card' ELSE source END, updated_at = excluded.updated_at`,
    ).run(p);
  }

  appendEvent(caseId: string, e: Omit<EventRow, 'seq'>): number {
    const { n } = this.stmt('SELECT coalesce(max(seq), 0) + 1 AS n FROM case_event WHERE case_id = ?').get(caseId) as { n: number };
    this.stmt(
      'INSERT INTO case_event (case_id, seq, at, actor_id, action, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(caseId, n, e.at, e.actor_id, e.action, e.from_state, e.to_state, e.note);
    return n;
  }

  events(caseId: string): EventRow[] {
    return this.stmt('SELECT seq, at, actor_id, action, from_state, to_state, note FROM case_event WHERE case_id = ? ORDER BY seq').all(
      caseId,
    ) as EventRow[];
  }

  lastEventAt(caseId: string): string | null {
    return (this.stmt('SELECT max(at) AS at FROM case_event WHERE case_id = ?').get(caseId) as { at: string | null }).at ?? null;
  }

  setDeadline(caseId: string, d: Omit<DeadlineRow, 'met_at'>): void {
    this.stmt(
      `INSERT INTO case_deadline (case_id, kind, from_date, working_days, due_date, reason) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(case_id, kind) DO UPDATE SET from_date = excluded.from_date, working_days = excluded.working_days, due_date = excluded.due_date, reason = excluded.reason, met_at = NULL`,
    ).run(caseId, d.kind, d.from_date, d.working_days, d.due_date, d.reason);
  }

  meetDeadline(caseId: string, kind: DeadlineKind, at: string): void {
    this.stmt('UPDATE case_deadline SET met_at = ? WHERE case_id = ? AND kind = ? AND met_at IS NULL').run(at, caseId, kind);
  }

  /** Close every running deadline (the case left the path: withdrawn, decided). */
  meetAllDeadlines(caseId: string, at: string): void {
    this.stmt('UPDATE case_deadline SET met_at = ? WHERE case_id = ? AND met_at IS NULL').run(at, caseId);
  }

  deadlines(caseId: string): DeadlineRow[] {
    return this.stmt(
      'SELECT kind, from_date, working_days, due_date, met_at, reason FROM case_deadline WHERE case_id = ? ORDER BY due_date',
    ).all(caseId) as DeadlineRow[];
  }

  /** The soonest running deadline of each of these cases, in one query (a list page's rows). */
  nextOpenDeadlines(caseIds: readonly string[]): Map<string, DeadlineRow> {
    const out = new Map<string, DeadlineRow>();
    if (caseIds.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT case_id, kind, from_date, working_days, due_date, met_at, reason FROM case_deadline WHERE met_at IS NULL AND case_id IN (${caseIds.map(() => '?').join(',')}) ORDER BY due_date`,
      )
      .all(...caseIds) as Array<DeadlineRow & { case_id: string }>;
    for (const { case_id, ...d } of rows) if (!out.has(case_id)) out.set(case_id, d);
    return out;
  }

  /** Running deadlines due on or before `until`, soonest first, with their case. */
  openDeadlinesUntil(until: string, limit: number): Array<DeadlineRow & { case_id: string }> {
    return this.stmt(
      'SELECT case_id, kind, from_date, working_days, due_date, met_at, reason FROM case_deadline WHERE met_at IS NULL AND due_date <= ? ORDER BY due_date LIMIT ?',
    ).all(until, limit) as Array<DeadlineRow & { case_id: string }>;
  }

  linkAttachment(
    caseId: string,
    a: { attachmentId: string; role: 'material' | 'signature' | 'face'; ref: string; page: number; at: string; by: string },
  ): void {
    this.stmt('INSERT INTO case_attachment (attachment_id, case_id, role, ref, page, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      a.attachmentId,
      caseId,
      a.role,
      a.ref,
      a.page,
      a.at,
      a.by,
    );
  }

  attachments(caseId: string): AttachmentLinkRow[] {
    return this.stmt(
      'SELECT l.attachment_id, l.role, l.ref, l.page, l.added_at, a.mime, a.size FROM case_attachment l JOIN attachment a ON a.id = l.attachment_id WHERE l.case_id = ? ORDER BY l.role, l.ref, l.page',
    ).all(caseId) as AttachmentLinkRow[];
  }

  hasAttachment(caseId: string, attachmentId: string): boolean {
    return this.stmt('SELECT 1 FROM case_attachment WHERE case_id = ? AND attachment_id = ?').get(caseId, attachmentId) !== undefined;
  }

  putAuthorization(caseId: string, a: AuthorizationRow): void {
    this.stmt('DELETE FROM case_authorization WHERE case_id = ? AND signer_id_number = ?').run(caseId, a.signer_id_number);
    this.stmt(
      `INSERT INTO case_authorization (id, case_id, signer_id_number, signer_name, role, signed_at, signature_attachment_id, face_attachment_id, face_verdict, recorded_by, document_hash, signature_sha256, face_result, route, paper, face_check, amendment, face_required)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.id,
      caseId,
      a.signer_id_number,
      a.signer_name,
      a.role,
      a.signed_at,
      a.signature_attachment_id,
      a.face_attachment_id,
      a.face_verdict,
      a.recorded_by,
      a.document_hash,
      a.signature_sha256,
      a.face_result,
      a.route ?? 'pad',
      a.paper ?? null,
      a.face_check ?? null,
      a.amendment ?? null,
      a.face_required ?? null,
    );
  }

  authorizations(caseId: string): AuthorizationRow[] {
    return this.stmt(
      'SELECT id, signer_id_number, signer_name, role, signed_at, signature_attachment_id, face_attachment_id, face_verdict, recorded_by, document_hash, signature_sha256, face_result, route, paper, face_check, amendment, face_required FROM case_authorization WHERE case_id = ? ORDER BY signed_at',
    ).all(caseId) as AuthorizationRow[];
  }

  /** The next amendment number of a submitted case, and its row (in the caller's transaction). */
  addAmendment(caseId: string, a: { kind: 'material' | 'authorization'; ref: string; at: string; by: string }): number {
    const { n } = this.stmt('SELECT coalesce(max(n), 0) + 1 AS n FROM case_amendment WHERE case_id = ?').get(caseId) as { n: number };
    this.stmt('INSERT INTO case_amendment (case_id, n, kind, ref, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(
      caseId,
      n,
      a.kind,
      a.ref,
      a.at,
      a.by,
    );
    return n;
  }

  /** A notice request of this case (the printed authorization form of the paper route). */
  noticeRequest(id: string, caseId: string): { id: string; kind: string; data: string } | null {
    return (
      (this.stmt('SELECT id, kind, data FROM notice_request WHERE id = ? AND case_id = ?').get(id, caseId) as
        { id: string; kind: string; data: string } | undefined) ?? null
    );
  }

  /** SHA-256 (lower-case hex) of the document issued for a notice request (the original, not a 补打), or null. */
  issuedSha256(requestId: string): string | null {
    const r = this.stmt('SELECT sha256 AS sha FROM document WHERE request_id = ? AND reprint_of IS NULL ORDER BY created_at LIMIT 1').get(
      requestId,
    ) as { sha: string } | undefined;
    return r?.sha ?? null;
  }

  insertAuthorizationForm(n: { id: string; caseId: string; data: string; at: string; by: string }): void {
    this.stmt(
      "INSERT INTO notice_request (id, case_id, kind, data, requested_at, requested_by) VALUES (?, ?, 'authorization', ?, ?, ?)",
    ).run(n.id, n.caseId, n.data, n.at, n.by);
  }

  insertNotice(n: {
    id: string;
    caseId: string;
    kind: 'acceptance' | 'supplement' | 'rejection';
    data: string;
    at: string;
    by: string;
  }): void {
    this.stmt('INSERT INTO notice_request (id, case_id, kind, data, requested_at, requested_by) VALUES (?, ?, ?, ?, ?, ?)').run(
      n.id,
      n.caseId,
      n.kind,
      n.data,
      n.at,
      n.by,
    );
  }

  notices(caseId: string): Array<{ id: string; kind: string; state: string; requested_at: string }> {
    return this.stmt('SELECT id, kind, state, requested_at FROM notice_request WHERE case_id = ? ORDER BY requested_at').all(
      caseId,
    ) as Array<{ id: string; kind: string; state: string; requested_at: string }>;
  }

  /** Cases (other than `exceptId`) in which any of these ID numbers is the applicant or a member. */
  casesOf(idNumbers: string[], exceptId: string | null): Array<{ case_id: string; id_number: string; role: string }> {
    if (idNumbers.length === 0) return [];
    const marks = idNumbers.map(() => '?').join(',');
    return this.db
      .prepare(
        `SELECT case_id, id_number, role FROM case_party WHERE id_number IN (${marks}) AND role IN ('applicant', 'member')${exceptId ? ' AND case_id <> ?' : ''}`,
      )
      .all(...idNumbers, ...(exceptId ? [exceptId] : [])) as Array<{ case_id: string; id_number: string; role: string }>;
  }

  /** Every case a person appears in, in any role. */
  casesOfPerson(idNumber: string): Array<{ case_id: string; role: PartyRow['role'] }> {
    return this.stmt('SELECT case_id, role FROM case_party WHERE id_number = ?').all(idNumber) as Array<{
      case_id: string;
      role: PartyRow['role'];
    }>;
  }

  draftsOf(accountId: string): CaseRow[] {
    return this.stmt("SELECT * FROM case_file WHERE created_by = ? AND state = 'draft' ORDER BY updated_at DESC LIMIT 50").all(
      accountId,
    ) as CaseRow[];
  }

  /** Every case of the station, drafts and demo cases included. */
  count(): number {
    return (this.stmt('SELECT count(*) AS n FROM case_file').get() as { n: number }).n;
  }

  /**
   * The base versions of this case's outbox records the platform has not taken yet: queued, in
   * flight, or quarantined (rejected, conflict) and not resolved.
   */
  unsentBaseVersions(caseId: string): number[] {
    const rows = this.stmt(
      `SELECT coalesce(o.base_version, 0) AS base FROM outbox o
       WHERE o.case_id = ? AND (o.state IN ('queued', 'sent') OR (o.state IN ('rejected', 'conflict') AND NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.record_id = o.id)))`,
    ).all(caseId) as Array<{ base: number }>;
    return rows.map((r) => r.base);
  }

  countNonDemo(): number {
    return (this.stmt('SELECT count(*) AS n FROM case_file WHERE demo = 0').get() as { n: number }).n;
  }

  accountNames(): Map<string, string> {
    return new Map(
      (this.stmt('SELECT id, display_name FROM account').all() as Array<{ id: string; display_name: string }>).map((r) => [
        r.id,
        r.display_name,
      ]),
    );
  }
}
