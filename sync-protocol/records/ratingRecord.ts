import { z } from 'zod';
import { RATING_RECORD_KIND, ratingRecordBodySchema, type RatingRecordBody } from '../../common/sync/ratings';
import { caseIdSchema, noBlobsSchema, sameCase } from './fields';

/** `rating.record` (docs/sync-protocol.md §5.9): the applicant's 好差评 of one service; no case for an enquiry that found none; no blobs. */
export const RATING_RECORD = RATING_RECORD_KIND;

export const ratingRecordSchema = z
  .object({ kind: z.literal(RATING_RECORD), caseId: caseIdSchema.optional(), blobs: noBlobsSchema, body: ratingRecordBodySchema })
  .superRefine(sameCase);
export type RatingRecord = z.input<typeof ratingRecordSchema>;

export function ratingRecord(body: RatingRecordBody): RatingRecord {
  return { kind: RATING_RECORD, ...(body.caseId ? { caseId: body.caseId } : {}), body };
}
