import type { Db } from '../store/types';

export type VisitEvidenceRole = 'photo' | 'staff-signature' | 'family-signature';

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

  /** Photo and signature counts per visit of a case. */
  countsOfCase(caseId: string): Map<string, { photos: number; signatures: number }> {
    const rows = this.db
      .prepare("SELECT visit_id, sum(role = 'photo') AS photos, sum(role <> 'photo') AS signatures FROM case_visit_evidence WHERE case_id = ? GROUP BY visit_id")
      .all(caseId) as Array<{ visit_id: string; photos: number; signatures: number }>;
    return new Map(rows.map((r) => [r.visit_id, { photos: r.photos, signatures: r.signatures }]));
  }

  /**
   * The blobs a case.upsert references. CaseService.step and Work.touch write the record of the
   * visit without blobs; this sets them on that very record (same case, same base version, made
   * in this transaction and not yet sent).
   */
  referenceBlobs(caseId: string, baseVersion: number, blobs: string[]): void {
    if (!this.db.inTransaction) throw new Error('referenceBlobs must run inside the transaction of the change it records');
    const n = this.db
      .prepare(
        "UPDATE outbox SET blobs = ? WHERE seq = (SELECT max(seq) FROM outbox WHERE case_id = ? AND kind = 'case.upsert' AND base_version = ? AND state = 'queued')",
      )
      .run(JSON.stringify(blobs), caseId, baseVersion).changes;
    if (n !== 1) throw new Error('the visit has no outbox record to reference its blobs');
  }
}
