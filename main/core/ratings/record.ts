import {
  ratingFollowUpBodySchema,
  ratingRecordBodySchema,
  type RatingFollowUpBody,
  type RatingRecordBody,
} from '../../../common/sync/ratings';
import { parseReasons, type FollowUpRow, type RatingRow } from './repo';

/** The `rating.record` body (docs/sync-protocol.md §5.8): the service, its references, the station, the answer — no staff. */
export function ratingBody(r: RatingRow): RatingRecordBody {
  return ratingRecordBodySchema.parse({
    ratingId: r.id,
    service: r.service,
    caseId: r.case_id,
    ref: r.ref_kind && r.ref_id ? { kind: r.ref_kind, id: r.ref_id } : null,
    station: { regionCode: r.station_region, name: r.station_name },
    level: r.level,
    reasons: parseReasons(r),
    comment: r.comment,
    askedAt: r.asked_at,
    ratedAt: r.rated_at,
    scale: 'gb-haochaping-5',
  });
}

/** The `rating.follow-up` body: what the head did about a 差评 (回访 / 整改), without naming the head. */
export function followUpBody(r: RatingRow, f: FollowUpRow): RatingFollowUpBody {
  return ratingFollowUpBodySchema.parse({
    ratingId: r.id,
    caseId: r.case_id,
    action: f.action,
    note: f.note,
    closed: f.closed === 1,
    at: f.at,
  });
}
