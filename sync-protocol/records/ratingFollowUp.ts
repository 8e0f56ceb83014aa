import { z } from 'zod';
import { RATING_FOLLOW_UP_KIND, ratingFollowUpBodySchema, type RatingFollowUpBody } from '../../common/sync/ratings';
import { caseIdSchema, noBlobsSchema, sameCase } from './fields';

/** `rating.follow-up` (docs/sync-protocol.md §5.9): the station head's 回访 / 整改 of a 差评; no blobs. */
export const RATING_FOLLOW_UP = RATING_FOLLOW_UP_KIND;

export const ratingFollowUpRecordSchema = z
  .object({ kind: z.literal(RATING_FOLLOW_UP), caseId: caseIdSchema.optional(), blobs: noBlobsSchema, body: ratingFollowUpBodySchema })
  .superRefine(sameCase);
export type RatingFollowUpRecord = z.input<typeof ratingFollowUpRecordSchema>;

export function ratingFollowUpRecord(body: RatingFollowUpBody): RatingFollowUpRecord {
  return { kind: RATING_FOLLOW_UP, ...(body.caseId ? { caseId: body.caseId } : {}), body };
}
