/** Rows of the `document` table: what was issued; the PDF is an encrypted attachment. */
import type { DocumentKind } from '../../../../common/documents/index';
import type { DocumentSummary } from '../../../../common/contract/methods/documents/documents';
import type { Db } from '../../kernel/store/types';

export interface DocumentRow extends DocumentSummary {
  attachmentId: string;
  /** The document's input as JSON (images as {"$base64"}), kept so a 补打 renders the same words. */
  data: string;
}

interface Raw {
  id: string;
  case_id: string;
  kind: string;
  copy: string;
  attachment_id: string;
  sha256: string;
  pages: number;
  data: string;
  request_id: string | null;
  created_at: string;
  created_by: string;
  reprint_of: string | null;
  reprint_reason: string | null;
  reprint_note: string | null;
}

const toRow = (r: Raw): DocumentRow => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind as DocumentKind,
  copy: r.copy as DocumentRow['copy'],
  attachmentId: r.attachment_id,
  sha256: r.sha256,
  pages: r.pages,
  data: r.data,
  requestId: r.request_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  reprintOf: r.reprint_of,
  reprintReason: r.reprint_reason as DocumentRow['reprintReason'],
  reprintNote: r.reprint_note,
});

export const summaryOf = ({ attachmentId: _a, data: _d, ...summary }: DocumentRow): DocumentSummary => summary;

export class DocumentRepo {
  constructor(private readonly db: Db) {}

  insert(row: DocumentRow): void {
    this.db
      .prepare(
        `INSERT INTO document (id, case_id, kind, copy, attachment_id, sha256, pages, data, request_id, created_at, created_by, reprint_of, reprint_reason, reprint_note)
         VALUES (@id, @caseId, @kind, @copy, @attachmentId, @sha256, @pages, @data, @requestId, @createdAt, @createdBy, @reprintOf, @reprintReason, @reprintNote)`,
      )
      .run(row);
  }

  get(id: string): DocumentRow | null {
    const r = this.db.prepare('SELECT * FROM document WHERE id = ?').get(id) as Raw | undefined;
    return r ? toRow(r) : null;
  }

  byCase(caseId: string): DocumentRow[] {
    return (this.db.prepare('SELECT * FROM document WHERE case_id = ? ORDER BY created_at DESC, rowid DESC').all(caseId) as Raw[]).map(
      toRow,
    );
  }

  /** Originals of a kind issued so far (the next certificate's serial number counts them). */
  countOriginals(kind: DocumentKind): number {
    return this.db.prepare('SELECT count(*) FROM document WHERE kind = ? AND reprint_of IS NULL').pluck().get(kind) as number;
  }

  /** The stored data of the original certificate with this number (data.certificateId), if issued here. */
  certificateData(certificateId: string): Record<string, unknown> | null {
    const data = this.db
      .prepare(
        "SELECT data FROM document WHERE kind = 'certificate' AND reprint_of IS NULL AND json_extract(data, '$.certificateId') = ? ORDER BY created_at LIMIT 1",
      )
      .pluck()
      .get(certificateId) as string | undefined;
    return data ? (JSON.parse(data) as Record<string, unknown>) : null;
  }

  /** The original (not a 补打) document issued for a notice request. */
  forRequest(requestId: string): DocumentRow | null {
    const r = this.db
      .prepare('SELECT * FROM document WHERE request_id = ? AND reprint_of IS NULL ORDER BY created_at LIMIT 1')
      .get(requestId) as Raw | undefined;
    return r ? toRow(r) : null;
  }
}
