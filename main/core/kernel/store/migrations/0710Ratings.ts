import type { Migration } from '../migrate';

/**
 * 好差评 (issue 17 item 9), owned by main/core/ratings. `rating_request`: each time a service ended
 * and the paired applicant screen was asked (the staff side: who served, which screen view asked);
 * its outcome is rated, skipped, timeout, or still pending until it lapses (counted 未评价).
 * `rating`: the applicant's answer, kept with the service (kind, case, reference, station, time)
 * and never with a member of staff. `rating_follow_up`: the head's 回访 / 整改 notes on a 差评.
 */
export const m0710ratings: Migration = {
  version: 710,
  name: '0710-ratings',
  up(db) {
    db.exec(`
      CREATE TABLE rating_request (
        id TEXT PRIMARY KEY,
        service TEXT NOT NULL CHECK (service IN ('intake', 'enquiry', 'certification', 'certificate')),
        case_id TEXT,
        ref_kind TEXT CHECK (ref_kind IN ('case', 'certification', 'document')),
        ref_id TEXT,
        view_id TEXT NOT NULL UNIQUE,
        asked_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        served_by TEXT NOT NULL,
        outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'rated', 'skipped', 'timeout'))
      ) STRICT;
      CREATE INDEX rating_request_by_time ON rating_request(asked_at, service, outcome);

      CREATE TABLE rating (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL UNIQUE REFERENCES rating_request(id),
        service TEXT NOT NULL CHECK (service IN ('intake', 'enquiry', 'certification', 'certificate')),
        case_id TEXT,
        ref_kind TEXT CHECK (ref_kind IN ('case', 'certification', 'document')),
        ref_id TEXT,
        station_region TEXT NOT NULL,
        station_name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied')),
        reasons TEXT NOT NULL,
        comment TEXT,
        asked_at TEXT NOT NULL,
        rated_at TEXT NOT NULL,
        follow_up TEXT CHECK (follow_up IN ('open', 'done'))
      ) STRICT;
      CREATE INDEX rating_follow_up_open ON rating(follow_up, rated_at) WHERE follow_up IS NOT NULL;

      CREATE TABLE rating_follow_up (
        id TEXT PRIMARY KEY,
        rating_id TEXT NOT NULL REFERENCES rating(id),
        action TEXT NOT NULL CHECK (action IN ('callback', 'rectify')),
        note TEXT NOT NULL,
        closed INTEGER NOT NULL CHECK (closed IN (0, 1)),
        at TEXT NOT NULL,
        by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rating_follow_up_by_rating ON rating_follow_up(rating_id, at);
    `);
  },
};
