import type { BlobRef } from '../../../../common/sync/attachments';
import type { Clock, Db } from '../../kernel/store/types';
import { Outbox } from '../outbox/outbox';
import { documentMetaRecord } from '../../../../sync-protocol/records/index';
import { announcedMarker, unannouncedAttachments, type UnannouncedAttachment } from './announcedBlobRepo';

/** Blob references per document.meta record (the protocol's limit on a record's `blobs`). */
const PER_RECORD = 64;

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
    const rows = unannouncedAttachments(db);
    if (rows.length === 0) return 0;
    const outbox = new Outbox(db, clock);
    const mark = announcedMarker(db);
    const now = clock.now().toISOString();
    const byCase = new Map<string, UnannouncedAttachment[]>();
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
        for (const r of part) mark(r.attachment_id, record.id, now);
        records++;
      }
    }
    return records;
  })();
}
