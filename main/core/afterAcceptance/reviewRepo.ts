import type { ReviewOutcome } from '../../../common/contract/methods/afterAcceptance/reviews';
import type { Db } from '../kernel/store/types';
import type { AuthorizationRow } from '../cases/caseRepo';

export interface ReviewDbRow {
  id: string;
  roster_id: string;
  case_id: string;
  status: 'open' | 'concluded';
  version: number;
  due_on: string;
  started_at: string;
  started_by: string;
  household: string | null;
  findings: string;
  rechecked_at: string | null;
  rechecked_by: string | null;
  outcome: ReviewOutcome | null;
  outcome_detail: string | null;
  notice_id: string | null;
  concluded_at: string | null;
  concluded_by: string | null;
}

export interface ReviewAuthorizationDbRow {
  review_id: string;
  signer_id_number: string;
  signer_name: string;
  role: string;
  signed_at: string;
  signature_attachment_id: string;
  face_attachment_id: string | null;
  face_verdict: string | null;
  face_result: string | null;
  document_hash: string;
  signature_sha256: string;
  recorded_by: string;
}

/** SQL of the review tables (migration 0410). Callers own the transactions. */
export class ReviewRepo {
  constructor(private readonly db: Db) {}

  insert(r: Pick<ReviewDbRow, 'id' | 'roster_id' | 'case_id' | 'due_on' | 'started_at' | 'started_by'>): void {
    this.db
      .prepare(
        "INSERT INTO household_review (id, roster_id, case_id, status, version, due_on, started_at, started_by) VALUES (@id, @roster_id, @case_id, 'open', 1, @due_on, @started_at, @started_by)",
      )
      .run(r);
  }
  get(id: string): ReviewDbRow | undefined {
    return this.db.prepare('SELECT * FROM household_review WHERE id = ?').get(id) as ReviewDbRow | undefined;
  }
  open(rosterId: string): ReviewDbRow | undefined {
    return this.db.prepare("SELECT * FROM household_review WHERE roster_id = ? AND status = 'open'").get(rosterId) as
      ReviewDbRow | undefined;
  }
  /** The open review, else the latest one. */
  current(rosterId: string): ReviewDbRow | undefined {
    return this.db
      .prepare("SELECT * FROM household_review WHERE roster_id = ? ORDER BY status = 'open' DESC, started_at DESC, rowid DESC LIMIT 1")
      .get(rosterId) as ReviewDbRow | undefined;
  }
  /** Bump the version with the columns a step changed. */
  update(id: string, version: number, set: Partial<Omit<ReviewDbRow, 'id' | 'version'>>): void {
    const cols = Object.keys(set).map((k) => `${k} = @${k}`);
    this.db
      .prepare(`UPDATE household_review SET ${[...cols, 'version = @next'].join(', ')} WHERE id = @id`)
      .run({ ...set, id, next: version + 1 });
  }

  putAuthorization(reviewId: string, a: AuthorizationRow & { document_hash: string; signature_sha256: string }): void {
    this.db
      .prepare('DELETE FROM household_review_authorization WHERE review_id = ? AND signer_id_number = ?')
      .run(reviewId, a.signer_id_number);
    this.db
      .prepare(
        `INSERT INTO household_review_authorization (review_id, signer_id_number, signer_name, role, signed_at, signature_attachment_id, face_attachment_id, face_verdict, face_result, document_hash, signature_sha256, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        reviewId,
        a.signer_id_number,
        a.signer_name,
        a.role,
        a.signed_at,
        a.signature_attachment_id,
        a.face_attachment_id,
        a.face_verdict,
        a.face_result,
        a.document_hash,
        a.signature_sha256,
        a.recorded_by,
      );
  }
  authorizations(reviewId: string): ReviewAuthorizationDbRow[] {
    return this.db
      .prepare('SELECT * FROM household_review_authorization WHERE review_id = ? ORDER BY signed_at')
      .all(reviewId) as ReviewAuthorizationDbRow[];
  }

  /** The roster row after a review's outcome. */
  updateRoster(
    id: string,
    set: {
      amount_fen: number;
      status: 'active' | 'stopped';
      stopped_on: string | null;
      next_review_on: string;
      review_basis: string;
      review_months: number;
      phase_out_end: string | null;
      updated_at: string;
    },
  ): void {
    this.db
      .prepare(
        'UPDATE roster SET amount_fen = @amount_fen, status = @status, stopped_on = @stopped_on, next_review_on = @next_review_on, review_basis = @review_basis, review_months = @review_months, phase_out_end = @phase_out_end, updated_at = @updated_at WHERE id = @id',
      )
      .run({ ...set, id });
  }
  /** The enrolled members after a re-check (warnings match any of them) and the household size shown on the roster. */
  replaceRosterMembers(rosterId: string, idNumbers: string[], householdSize: number, updatedAt: string): void {
    this.db.prepare('DELETE FROM roster_member WHERE roster_id = ?').run(rosterId);
    const add = this.db.prepare('INSERT OR IGNORE INTO roster_member (roster_id, id_number) VALUES (?, ?)');
    for (const id of idNumbers) add.run(rosterId, id);
    this.db.prepare('UPDATE roster SET household_size = ?, updated_at = ? WHERE id = ?').run(householdSize, updatedAt, rosterId);
  }
  phaseOutEnd(rosterId: string): string | null {
    return (
      (this.db.prepare('SELECT phase_out_end FROM roster WHERE id = ?').get(rosterId) as { phase_out_end: string | null } | undefined)
        ?.phase_out_end ?? null
    );
  }

  /** The application's JSON and household size on the case row (the search index is the caller's). */
  updateCaseData(caseId: string, data: string, householdSize: number): void {
    this.db.prepare('UPDATE case_file SET data = ?, household_size = ? WHERE id = ?').run(data, householdSize, caseId);
  }
  /** The notice request a step just queued on the case. */
  lastNotice(caseId: string): string | null {
    return (
      (
        this.db.prepare('SELECT id FROM notice_request WHERE case_id = ? ORDER BY rowid DESC LIMIT 1').get(caseId) as
          { id: string } | undefined
      )?.id ?? null
    );
  }
  notice(id: string): { kind: string; state: string } | null {
    return (
      (this.db.prepare('SELECT kind, state FROM notice_request WHERE id = ?').get(id) as { kind: string; state: string } | undefined) ??
      null
    );
  }
}
