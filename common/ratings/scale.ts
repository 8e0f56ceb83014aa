import { z } from 'zod';

/**
 * The national 政务服务"好差评" scale (《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》,
 * 国办发〔2019〕51号): five levels, best first. The last two are 差评, which the applicant is asked
 * to explain and the station head follows up (main/core/ratings/README.md).
 */
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'] as const;
export const ratingLevelSchema = z.enum(RATING_LEVELS);
export type RatingLevel = z.infer<typeof ratingLevelSchema>;

/** 不满意 and 非常不满意. */
export const BAD_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'very_dissatisfied'];
export const isBadLevel = (level: RatingLevel): boolean => BAD_LEVELS.includes(level);

/** The services after which the applicant screen asks: 受理, 进度查询, 资格认证, 证明. */
export const RATED_SERVICES = ['intake', 'enquiry', 'certification', 'certificate'] as const;
export const ratedServiceSchema = z.enum(RATED_SERVICES);
export type RatedService = z.infer<typeof ratedServiceSchema>;

/**
 * The short list of reasons offered at each level (the counter's indicators: efficiency, how well
 * it was explained, attitude, what was asked for). Codes travel; words come from the catalog
 * (`ratings.reasons.<code>`).
 */
const GOOD = ['fast', 'clear', 'friendly', 'simple'] as const;
const MIXED = ['waited', 'unclear', 'many_papers', 'other'] as const;
const BAD = ['waited', 'attitude', 'unclear', 'many_papers', 'come_again', 'other'] as const;
export const RATING_REASONS = [
  'fast',
  'clear',
  'friendly',
  'simple',
  'waited',
  'attitude',
  'unclear',
  'many_papers',
  'come_again',
  'other',
] as const;
export const ratingReasonSchema = z.enum(RATING_REASONS);
export type RatingReason = z.infer<typeof ratingReasonSchema>;

export const REASONS_BY_LEVEL: Readonly<Record<RatingLevel, readonly RatingReason[]>> = {
  very_satisfied: GOOD,
  satisfied: GOOD,
  basic: MIXED,
  dissatisfied: BAD,
  very_dissatisfied: BAD,
};

export const COMMENT_MAX = 200;

/** What the applicant may give: reasons offered at that level only; a 差评 has at least one reason or a comment. */
export function ratingProblem(r: {
  level: RatingLevel;
  reasons: readonly RatingReason[];
  comment?: string | null | undefined;
}): 'reason_not_offered' | 'reason_required' | null {
  if (r.reasons.some((x) => !REASONS_BY_LEVEL[r.level].includes(x))) return 'reason_not_offered';
  if (isBadLevel(r.level) && r.reasons.length === 0 && !(r.comment ?? '').trim()) return 'reason_required';
  return null;
}
