import { z } from 'zod';
import { authorizationBlobs, caseAuthorizationBodySchema, type CaseAuthorizationBody } from '../../common/sync/intakeRecords';
import { blobsAre, blobsSchema, caseIdSchema, sameCase } from './fields';

/**
 * `case.authorization` (docs/sync-protocol.md §5.6): one signer's 授权书 signed after the case was
 * submitted (those of the draft travel in the submit's `case.upsert`). `blobs` names exactly the
 * signature or scan pages, the face photo and the card photo.
 */
export const CASE_AUTHORIZATION = 'case.authorization';

export const caseAuthorizationRecordSchema = z
  .object({ kind: z.literal(CASE_AUTHORIZATION), caseId: caseIdSchema, blobs: blobsSchema.optional(), body: caseAuthorizationBodySchema })
  .superRefine((r, ctx) => {
    sameCase(r, ctx);
    blobsAre(r, authorizationBlobs(r.body), ctx);
  });
export type CaseAuthorizationRecord = z.input<typeof caseAuthorizationRecordSchema>;

export function caseAuthorizationRecord(body: CaseAuthorizationBody): CaseAuthorizationRecord {
  return { kind: CASE_AUTHORIZATION, caseId: body.caseId, blobs: authorizationBlobs(body), body };
}
