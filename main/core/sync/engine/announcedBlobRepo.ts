import type { BlobRef } from '../../../../common/sync/attachments';
import type { Db } from '../../kernel/store/types';

/** Attachments of submitted cases and whether they were announced to the platform (sync_blob_announced). */

export interface UnannouncedAttachment {
  attachment_id: string;
  case_id: string;
  role: BlobRef['role'];
  ref: string;
  page: number;
  added_at: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
}

/** Attachments and issued documents of submitted, non-demo cases not announced yet, by case. */
export function unannouncedAttachments(db: Db): UnannouncedAttachment[] {
  return db
    .prepare(
      `SELECT l.attachment_id, l.case_id, l.role, l.ref, l.page, l.added_at, a.kind, a.mime, a.size, lower(hex(a.sha256)) AS sha256
         FROM case_attachment l JOIN attachment a ON a.id = l.attachment_id JOIN case_file c ON c.id = l.case_id
        WHERE c.state <> 'draft' AND c.demo = 0 AND NOT EXISTS (SELECT 1 FROM sync_blob_announced s WHERE s.attachment_id = l.attachment_id)
       UNION ALL
       SELECT d.attachment_id, d.case_id, 'document', d.kind, 0, d.created_at, a.kind, a.mime, a.size, lower(hex(a.sha256))
         FROM document d JOIN attachment a ON a.id = d.attachment_id JOIN case_file c ON c.id = d.case_id
        WHERE c.state <> 'draft' AND c.demo = 0 AND NOT EXISTS (SELECT 1 FROM sync_blob_announced s WHERE s.attachment_id = d.attachment_id)
       ORDER BY 2, 3, 4, 5`,
    )
    .all() as UnannouncedAttachment[];
}

/** A marker of announced attachments (prepared once); `recordId` null for bytes fetched from the platform. */
export function announcedMarker(db: Db): (attachmentId: string, recordId: string | null, at: string) => void {
  const mark = db.prepare('INSERT OR IGNORE INTO sync_blob_announced (attachment_id, record_id, at) VALUES (?, ?, ?)');
  return (attachmentId, recordId, at) => void mark.run(attachmentId, recordId, at);
}
