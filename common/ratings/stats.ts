import { z } from 'zod';
import { ratedServiceSchema } from './scale';

const count = z.number().int().min(0);

/**
 * 好差评 in the statistics: per service and month of asking, how often the applicant screen asked,
 * each level given, and 未评价 (skipped or timed out; never turned into a level). 满意率 =
 * (非常满意 + 满意 + 基本满意) / rated; null when none was rated.
 */
export const ratingStatsRowSchema = z.object({
  service: ratedServiceSchema,
  month: z.string(),
  asked: count,
  very_satisfied: count,
  satisfied: count,
  basic: count,
  dissatisfied: count,
  very_dissatisfied: count,
  unrated: count,
  satisfaction: z.number().min(0).max(1).nullable(),
});
export const ratingStatsSchema = z.object({ rows: z.array(ratingStatsRowSchema) });
export type RatingStats = z.infer<typeof ratingStatsSchema>;
export type RatingStatsRow = z.infer<typeof ratingStatsRowSchema>;

export const ratedCount = (
  r: Pick<RatingStatsRow, 'very_satisfied' | 'satisfied' | 'basic' | 'dissatisfied' | 'very_dissatisfied'>,
): number => r.very_satisfied + r.satisfied + r.basic + r.dissatisfied + r.very_dissatisfied;
export const satisfactionOf = (
  r: Pick<RatingStatsRow, 'very_satisfied' | 'satisfied' | 'basic' | 'dissatisfied' | 'very_dissatisfied'>,
): number | null => {
  const rated = ratedCount(r);
  return rated ? (r.very_satisfied + r.satisfied + r.basic) / rated : null;
};
