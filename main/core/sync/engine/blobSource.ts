import { AttachmentStore } from '../../kernel/store/attachments/attachmentStore';
import type { Clock } from '../../kernel/store/types';
import type { BlobSource } from './context';
import { localAttachmentBySha } from './remoteBlobRepo';

/** Blobs come from the encrypted attachment store, found by their SHA-256. */
export function attachmentBlobSource(clock: Clock): BlobSource {
  return (db, sha256) => {
    const row = localAttachmentBySha(db, sha256);
    if (!row) return undefined;
    return { bytes: new AttachmentStore(db, clock).get(row.id), contentType: row.mime };
  };
}
