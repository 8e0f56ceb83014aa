import type { BlobRef } from '../../../../common/sync/attachments';
import type { Clock, Db } from '../../kernel/store/types';
import { Outbox } from '../outbox/outbox';
import { documentMetaRecord } from '../../../../sync-protocol/records/index';

/** Blob references per document.meta record (the protocol's limit on a record's `blobs`). */
const PER_RECORD = 64;

interface Row {
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

/**
 * Announce to the platform the attachments of this workstation's submitted cases that it has not
 * announced yet — material pages, signatures, face photos (case_attachment) and issued documents
 * (document) — as `document.meta` records, so every counter of the station learns the case's blob
 * references and can fetch the bytes on demand; when a record is acknowledged its blobs are queued
 * for upload like any record's. Drafts and demo cases are never announced (they are never synced),
 * and attachments fetched from the platform are marked announced when they are stored.
 *
 * Runs at the start of each push: a derived change in its own transaction (the attachment rows it
 * reads are already committed with their case), idempotent by the `sync_blob_announced` marks.
 * Returns the number of records enqueued.
 */
export function announceCaseBlobs(db: Db, clock: Clock): number {
  return db.transaction(() => {
    const rows = db
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
      .all() as Row[];
    if (rows.length === 0) return 0;
    const outbox = new Outbox(db, clock);
    const mark = db.prepare('INSERT OR IGNORE INTO sync_blob_announced (attachment_id, record_id, at) VALUES (?, ?, ?)');
    const now = clock.now().toISOString();
    const byCase = new Map<string, Row[]>();
    for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r]);
    let records = 0;
    for (const [caseId, refs] of byCase) {
      for (let i = 0; i < refs.length; i += PER_RECORD) {
        const part = refs.slice(i, i + PER_RECORD);
        const attachments: BlobRef[] = part.map((r) => ({
          sha256: r.sha256,
          kind: r.kind.slice(0, 32),
          role: r.role,
          ref: r.ref.slice(0, 64),
          page: r.page,
          size: r.size,
          contentType: r.mime,
          addedAt: r.added_at,
        }));
        const record = outbox.enqueue(documentMetaRecord(caseId, attachments));
        for (const r of part) mark.run(r.attachment_id, record.id, now);
        records++;
      }
    }
    return records;
  })();
}
