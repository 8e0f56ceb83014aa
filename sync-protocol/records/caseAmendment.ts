import { z } from 'zod';
import { caseAmendmentBodySchema, type CaseAmendmentBody } from '../../common/sync/intakeRecords';
import { blobsAre, blobsSchema, caseIdSchema, sameCase, uniqueBlobs } from './fields';

/** `case.amendment` (docs/sync-protocol.md §5.6): a paper added to a submitted case; `blobs` names exactly its pages. */
export const CASE_AMENDMENT = 'case.amendment';

export const caseAmendmentRecordSchema = z
  .object({ kind: z.literal(CASE_AMENDMENT), caseId: caseIdSchema, blobs: blobsSchema.optional(), body: caseAmendmentBodySchema })
  .superRefine((r, ctx) => {
    sameCase(r, ctx);
    blobsAre(
      r,
      r.body.material.pages.map((p) => p.sha256),
      ctx,
    );
  });
export type CaseAmendmentRecord = z.input<typeof caseAmendmentRecordSchema>;

export function caseAmendmentRecord(body: CaseAmendmentBody): CaseAmendmentRecord {
  return { kind: CASE_AMENDMENT, caseId: body.caseId, blobs: uniqueBlobs(body.material.pages.map((p) => p.sha256)), body };
}
