import { z } from 'zod';
import { ratedServiceSchema } from './scale';

/**
 * What the applicant screen shows to ask for a rating (a view kind of common/contract/methods/applicant.ts):
 * the service just given and until when the question stands. Nothing personal and no staff name;
 * core keeps which request this view answers (main/core/ratings/README.md).
 */
export const applicantRatingViewSchema = z
  .object({
    kind: z.literal('rating'),
    service: ratedServiceSchema,
    /** After this the question lapses (未评价) and the screen returns to the policy notices. */
    expiresAt: z.string().max(40),
    /** The screen returns to the notices after this many seconds without a touch. */
    idleSeconds: z.number().int().min(10).max(600),
  })
  .strict();
export type ApplicantRatingView = z.output<typeof applicantRatingViewSchema>;
