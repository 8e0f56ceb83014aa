import { z } from 'zod';
import { translate } from '../../i18n/translate';
import { COMMENT_MAX, ratedServiceSchema, ratingLevelSchema, ratingProblem, ratingReasonSchema } from '../../ratings/scale';
import { defineMethod } from '../define';

/**
 * 好差评 (issue 17 item 9): after each service the applicant screen asks the applicant to rate it on
 * the national five-level scale; a 差评 is flagged for the station head, who records the follow-up.
 * See main/core/ratings/README.md.
 */

const viewId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);
const id = z.string().min(1).max(64);

/** Which service just ended, and what it was about (core checks that it exists). */
export const ratingAskInputSchema = z.discriminatedUnion('service', [
  z.object({ service: z.literal('intake'), caseId: id }).strict(),
  z.object({ service: z.literal('enquiry'), caseId: id.optional() }).strict(),
  z.object({ service: z.literal('certification'), certificationId: id }).strict(),
  z.object({ service: z.literal('certificate'), noticeRequestId: id }).strict(),
]);
export type RatingAskInput = z.input<typeof ratingAskInputSchema>;

export const ratingsAsk = defineMethod({
  summary: 'A service ended: ask the paired applicant screen for a rating (nothing waits for it). Not paired: nothing is asked or counted.',
  permission: 'person.read',
  input: ratingAskInputSchema,
  output: z.object({ asked: z.boolean(), requestId: z.string().nullable(), expiresAt: z.string().nullable() }),
});

export const ratingSubmitInputSchema = z
  .object({
    viewId,
    level: ratingLevelSchema,
    reasons: z.array(ratingReasonSchema).max(10).default([]),
    comment: z.string().trim().max(COMMENT_MAX).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const problem = ratingProblem(r);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['reasons'],
        message: translate(problem === 'reason_required' ? 'ratings.reasonRequired' : 'ratings.reasonNotOffered'),
      });
  });

export const ratingsSubmit = defineMethod({
  summary: "The applicant's rating from the paired screen, for the rating view it shows; the screen returns to the policy notices.",
  permission: 'public',
  input: ratingSubmitInputSchema,
  output: z.object({ received: z.literal(true) }),
});

export const ratingsDismiss = defineMethod({
  summary: 'The applicant chose 暂不评价, or walked away (the screen timed out): no rating, counted as 未评价.',
  permission: 'public',
  input: z.object({ viewId, why: z.enum(['skipped', 'timeout']) }).strict(),
  output: z.object({ dismissed: z.boolean() }),
});

export const followUpSchema = z.object({
  action: z.enum(['callback', 'rectify']),
  note: z.string(),
  at: z.string(),
  byName: z.string(),
  closed: z.boolean(),
});

export const flaggedRatingSchema = z.object({
  ratingId: z.string(),
  service: ratedServiceSchema,
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  level: ratingLevelSchema,
  reasons: z.array(ratingReasonSchema),
  comment: z.string().nullable(),
  ratedAt: z.string(),
  /** Staff side only: who gave the service (never on the applicant's screen, never synced). */
  servedByName: z.string(),
  status: z.enum(['open', 'done']),
  followUps: z.array(followUpSchema),
});
export type FlaggedRating = z.infer<typeof flaggedRatingSchema>;

export const ratingsFlagged = defineMethod({
  summary: "The 差评 for the station head: open ones first, each with the applicant's reasons and the follow-ups recorded (audited).",
  permission: 'rating.followUp',
  input: z
    .object({ status: z.enum(['open', 'done', 'all']).default('open'), limit: z.number().int().min(1).max(500).default(100) })
    .strict(),
  output: z.object({ rows: z.array(flaggedRatingSchema), open: z.number().int().min(0) }),
});

export const ratingsFollowUp = defineMethod({
  summary: "The head records a 差评's follow-up (回访 or 整改) with a note; `close` ends it. Audited and synced.",
  permission: 'rating.followUp',
  input: z
    .object({
      ratingId: id,
      action: z.enum(['callback', 'rectify']),
      note: z.string().trim().min(1).max(500),
      close: z.boolean().default(false),
    })
    .strict(),
  output: flaggedRatingSchema,
});

export const ratingsMethods = {
  'ratings.ask': ratingsAsk,
  'ratings.submit': ratingsSubmit,
  'ratings.dismiss': ratingsDismiss,
  'ratings.flagged': ratingsFlagged,
  'ratings.followUp': ratingsFollowUp,
} as const;
