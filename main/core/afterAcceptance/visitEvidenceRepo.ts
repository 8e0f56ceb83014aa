import type { Db } from '../kernel/store/types';

export type VisitEvidenceRole = 'photo' | 'staff-signature' | 'family-signature';

/** What the case page lists of one visit's evidence (the bytes are read one by one, audited). */
export interface VisitEvidenceList {
  photoIds: string[];
  signers: Array<{ name: string; role: 'staff' | 'family'; attachmentId: string }>;
}

export interface VisitEvidenceRow {
  attachment_id: string;
  visit_id: string;
  case_id: string;
  role: VisitEvidenceRole;
  seq: number;
  signer: string | null;
  signed_at: string | null;
  document_hash: string | null;
  signature_sha256: string | null;
  source: string | null;
  sha256: string;
  added_at: string;
  added_by: string;
}

/** SQL of `case_visit_evidence` (migration 0430). Callers own the transactions. */
export class VisitEvidenceRepo {
  constructor(private readonly db: Db) {}

  insert(r: VisitEvidenceRow): void {
    this.db
      .prepare(
        `INSERT INTO case_visit_evidence (attachment_id, visit_id, case_id, role, seq, signer, signed_at, document_hash, signature_sha256, source, sha256, added_at, added_by)
         VALUES (@attachment_id, @visit_id, @case_id, @role, @seq, @signer, @signed_at, @document_hash, @signature_sha256, @source, @sha256, @added_at, @added_by)`,
      )
      .run(r);
  }

  ofVisit(visitId: string): VisitEvidenceRow[] {
    return this.db.prepare('SELECT * FROM case_visit_evidence WHERE visit_id = ? ORDER BY role, seq').all(visitId) as VisitEvidenceRow[];
  }

  /**
   * Per visit of a case: its photo pages in the order taken, and its signers (staff first, then
   * family, in the order the names were given — the seq storeVisitEvidence wrote).
   */
  evidenceOfCase(caseId: string): Map<string, VisitEvidenceList> {
    const rows = this.db
      .prepare(
        "SELECT visit_id, attachment_id, role, signer FROM case_visit_evidence WHERE case_id = ? ORDER BY visit_id, role = 'photo' DESC, seq",
      )
      .all(caseId) as Array<Pick<VisitEvidenceRow, 'visit_id' | 'attachment_id' | 'role' | 'signer'>>;
    const out = new Map<string, VisitEvidenceList>();
    for (const r of rows) {
      let v = out.get(r.visit_id);
      if (!v) out.set(r.visit_id, (v = { photoIds: [], signers: [] }));
      if (r.role === 'photo') v.photoIds.push(r.attachment_id);
      else v.signers.push({ name: r.signer ?? '', role: r.role === 'staff-signature' ? 'staff' : 'family', attachmentId: r.attachment_id });
    }
    return out;
  }

  /** Whether this attachment is a photo or signature of a visit of this case. */
  belongsToCase(caseId: string, attachmentId: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM case_visit_evidence WHERE case_id = ? AND attachment_id = ?').get(caseId, attachmentId) !== undefined
    );
  }
}
