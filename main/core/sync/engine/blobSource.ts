import { AttachmentStore } from '../../kernel/store/attachments/attachmentStore';
import type { Clock } from '../../kernel/store/types';
import type { BlobSource } from './context';

/** Blobs come from the encrypted attachment store, found by their SHA-256. */
export function attachmentBlobSource(clock: Clock): BlobSource {
  return (db, sha256) => {
    const row = db.prepare('SELECT id, mime FROM attachment WHERE sha256 = ? LIMIT 1').get(Buffer.from(sha256, 'hex')) as
      { id: string; mime: string } | undefined;
    if (!row) return undefined;
    return { bytes: new AttachmentStore(db, clock).get(row.id), contentType: row.mime };
  };
}
