import { satisfactionOf, type RatingStats } from '../../../common/ratings/stats';
import type { Db } from '../kernel/store/types';
import { RatingsRepo } from './repo';

/** The statistics' 好差评 table for a period of asking (UTC instants [fromAt, toAt)). */
export function ratingStats(db: Db, p: { fromAt: string; toAt: string }): RatingStats {
  return { rows: new RatingsRepo(db).counts(p.fromAt, p.toAt).map((r) => ({ ...r, satisfaction: satisfactionOf(r) })) };
}
