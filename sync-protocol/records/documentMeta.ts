import { z } from 'zod';
import { documentMetaBodySchema, type BlobRef } from '../../common/sync/attachments';
import { blobsAre, blobsSchema, caseIdSchema, sameCase, uniqueBlobs } from './fields';

/**
 * `document.meta` (docs/sync-protocol.md §6.1): the blob references of a submitted case — which
 * stored blob is which page, signature, face photo or document. `blobs` names exactly the hashes
 * the body lists. The platform also needs the case on file for the device's station (a store rule).
 */
export const DOCUMENT_META = 'document.meta';

export const documentMetaRecordSchema = z
  .object({ kind: z.literal(DOCUMENT_META), caseId: caseIdSchema, blobs: blobsSchema.min(1), body: documentMetaBodySchema })
  .superRefine((r, ctx) => {
    sameCase(r, ctx);
    blobsAre(
      r,
      r.body.attachments.map((a) => a.sha256),
      ctx,
    );
  });
export type DocumentMetaRecord = z.input<typeof documentMetaRecordSchema>;

export function documentMetaRecord(caseId: string, attachments: BlobRef[]): DocumentMetaRecord {
  return { kind: DOCUMENT_META, caseId, blobs: uniqueBlobs(attachments.map((a) => a.sha256)), body: { caseId, attachments } };
}
