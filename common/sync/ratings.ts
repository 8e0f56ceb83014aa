import { z } from 'zod';
import { ratedServiceSchema, ratingLevelSchema, ratingProblem, ratingReasonSchema, COMMENT_MAX } from '../ratings/scale';

/**
 * 好差评 on the sync wire (docs/sync-protocol.md §5.8): the applicant's rating of one service
 * (`rating.record`) and the station head's follow-up of a 差评 (`rating.follow-up`). Neither names
 * a member of staff: the rating is the service's, never the clerk's.
 */

const at = z.string().min(1).max(40);
const id = z.string().min(1).max(64);

export const ratingRecordBodySchema = z
  .object({
    ratingId: id,
    service: ratedServiceSchema,
    /** The case the service was about; null for an enquiry that found none. */
    caseId: id.nullable(),
    /** What was done: the case (受理, 进度查询), the certification, or the printed certificate's document. */
    ref: z.object({ kind: z.enum(['case', 'certification', 'document']), id }).nullable(),
    station: z.object({ regionCode: z.string().regex(/^\d{6}$/), name: z.string().max(60) }),
    level: ratingLevelSchema,
    reasons: z.array(ratingReasonSchema).max(10),
    comment: z.string().max(COMMENT_MAX).nullable(),
    askedAt: at,
    ratedAt: at,
    /** The national five-level scale. */
    scale: z.literal('gb-haochaping-5'),
  })
  .strict()
  .superRefine((b, ctx) => {
    const problem = ratingProblem(b);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['reasons'],
        message: problem === 'reason_required' ? 'a 差评 has a reason or a comment' : 'a reason not offered at this level',
      });
    if (b.ref?.kind === 'case' && b.ref.id !== b.caseId)
      ctx.addIssue({ code: 'custom', path: ['ref'], message: 'a case reference is the record’s case' });
  });
export type RatingRecordBody = z.infer<typeof ratingRecordBodySchema>;

export const ratingFollowUpBodySchema = z
  .object({
    ratingId: id,
    caseId: id.nullable(),
    action: z.enum(['callback', 'rectify']),
    note: z.string().min(1).max(500),
    /** The head closed the 差评 with this step. */
    closed: z.boolean(),
    at,
  })
  .strict();
export type RatingFollowUpBody = z.infer<typeof ratingFollowUpBodySchema>;

export const RATING_RECORD_KIND = 'rating.record';
export const RATING_FOLLOW_UP_KIND = 'rating.follow-up';
