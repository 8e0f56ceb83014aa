import type { RatedService, RatingLevel, RatingReason } from '../../../common/ratings/scale';
import type { Db } from '../kernel/store/types';

export type RefKind = 'case' | 'certification' | 'document';
export type RequestOutcome = 'pending' | 'rated' | 'skipped' | 'timeout';

export interface RequestRow {
  id: string;
  service: RatedService;
  case_id: string | null;
  ref_kind: RefKind | null;
  ref_id: string | null;
  view_id: string;
  asked_at: string;
  expires_at: string;
  served_by: string;
  outcome: RequestOutcome;
}

export interface RatingRow {
  id: string;
  request_id: string;
  service: RatedService;
  case_id: string | null;
  ref_kind: RefKind | null;
  ref_id: string | null;
  station_region: string;
  station_name: string;
  level: RatingLevel;
  reasons: string;
  comment: string | null;
  asked_at: string;
  rated_at: string;
  follow_up: 'open' | 'done' | null;
}

export interface FollowUpRow {
  id: string;
  rating_id: string;
  action: 'callback' | 'rectify';
  note: string;
  closed: 0 | 1;
  at: string;
  by: string;
}

/** One row of the statistics: a service in a month (China time) of the asking. */
export interface RatingCountRow {
  service: RatedService;
  month: string;
  asked: number;
  very_satisfied: number;
  satisfied: number;
  basic: number;
  dissatisfied: number;
  very_dissatisfied: number;
  unrated: number;
}

export const parseReasons = (r: RatingRow): RatingReason[] => JSON.parse(r.reasons) as RatingReason[];

/** SQL of 好差评 (migration 0710) and the reads of what a rating refers to (cases, certifications, notices). */
export class RatingsRepo {
  constructor(readonly db: Db) {}

  /** A submitted case (drafts are no service yet): its id and whether it is demo data. */
  submittedCase(caseId: string): { id: string; case_no: string | null } | undefined {
    return this.db.prepare('SELECT id, case_no FROM case_file WHERE id = ? AND submitted_at IS NOT NULL').get(caseId) as
      { id: string; case_no: string | null } | undefined;
  }
  certification(id: string): { id: string; case_id: string } | undefined {
    return this.db.prepare('SELECT id, case_id FROM certification WHERE id = ?').get(id) as { id: string; case_id: string } | undefined;
  }
  /** A 救助证明 that was printed: its notice and the document issued for it. */
  printedCertificate(noticeRequestId: string): { case_id: string; document_id: string } | undefined {
    return this.db
      .prepare(
        "SELECT case_id, document_id FROM notice_request WHERE id = ? AND kind = 'certificate' AND state = 'printed' AND document_id IS NOT NULL",
      )
      .get(noticeRequestId) as { case_id: string; document_id: string } | undefined;
  }

  insertRequest(r: RequestRow): void {
    this.db
      .prepare(
        `INSERT INTO rating_request (id, service, case_id, ref_kind, ref_id, view_id, asked_at, expires_at, served_by, outcome)
         VALUES (@id, @service, @case_id, @ref_kind, @ref_id, @view_id, @asked_at, @expires_at, @served_by, @outcome)`,
      )
      .run(r);
  }
  requestByView(viewId: string): RequestRow | undefined {
    return this.db.prepare('SELECT * FROM rating_request WHERE view_id = ?').get(viewId) as RequestRow | undefined;
  }
  /** Questions whose time ran out unanswered (the screen closed, or was replaced) become 未评价. */
  settleLapsed(nowAt: string): number {
    return this.db.prepare("UPDATE rating_request SET outcome = 'timeout' WHERE outcome = 'pending' AND expires_at <= ?").run(nowAt)
      .changes;
  }
  /** Questions still standing (pending): what the sweep waits for. */
  pendingCount(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM rating_request WHERE outcome = 'pending'").get() as { n: number }).n;
  }
  /** Whether `servedBy` asked about a 进度查询 after `sinceAt` (one enquiry visit, one question). */
  askedEnquirySince(servedBy: string, sinceAt: string): boolean {
    return (
      this.db
        .prepare("SELECT 1 FROM rating_request WHERE asked_at > ? AND service = 'enquiry' AND served_by = ? LIMIT 1")
        .get(sinceAt, servedBy) !== undefined
    );
  }
  /** Settle a pending request; false when it was settled already. */
  settle(id: string, outcome: Exclude<RequestOutcome, 'pending'>): boolean {
    return this.db.prepare("UPDATE rating_request SET outcome = ? WHERE id = ? AND outcome = 'pending'").run(outcome, id).changes === 1;
  }

  insertRating(r: RatingRow): void {
    this.db
      .prepare(
        `INSERT INTO rating (id, request_id, service, case_id, ref_kind, ref_id, station_region, station_name, level, reasons, comment, asked_at, rated_at, follow_up)
         VALUES (@id, @request_id, @service, @case_id, @ref_kind, @ref_id, @station_region, @station_name, @level, @reasons, @comment, @asked_at, @rated_at, @follow_up)`,
      )
      .run(r);
  }
  rating(id: string): RatingRow | undefined {
    return this.db.prepare('SELECT * FROM rating WHERE id = ?').get(id) as RatingRow | undefined;
  }

  /** The 差评, open ones first then newest, with the case number and who served (staff side). */
  flagged(
    status: 'open' | 'done' | 'all',
    limit: number,
    ratingId?: string,
  ): Array<RatingRow & { case_no: string | null; served_by: string; served_by_name: string | null }> {
    return this.db
      .prepare(
        `SELECT r.*, c.case_no, q.served_by, a.display_name AS served_by_name
         FROM rating r JOIN rating_request q ON q.id = r.request_id
         LEFT JOIN case_file c ON c.id = r.case_id LEFT JOIN account a ON a.id = q.served_by
         WHERE r.follow_up IS NOT NULL ${status === 'all' ? '' : 'AND r.follow_up = @status'} ${ratingId ? 'AND r.id = @ratingId' : ''}
         ORDER BY r.follow_up = 'open' DESC, r.rated_at DESC LIMIT @limit`,
      )
      .all({ status, limit, ...(ratingId ? { ratingId } : {}) }) as Array<
      RatingRow & { case_no: string | null; served_by: string; served_by_name: string | null }
    >;
  }
  openCount(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM rating WHERE follow_up = 'open'").get() as { n: number }).n;
  }
  followUps(ratingIds: string[]): Array<FollowUpRow & { by_name: string | null }> {
    if (ratingIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT f.*, a.display_name AS by_name FROM rating_follow_up f LEFT JOIN account a ON a.id = f.by WHERE f.rating_id IN (SELECT value FROM json_each(?)) ORDER BY f.at, f.rowid`,
      )
      .all(JSON.stringify(ratingIds)) as Array<FollowUpRow & { by_name: string | null }>;
  }
  insertFollowUp(f: FollowUpRow): void {
    this.db
      .prepare(
        'INSERT INTO rating_follow_up (id, rating_id, action, note, closed, at, by) VALUES (@id, @rating_id, @action, @note, @closed, @at, @by)',
      )
      .run(f);
  }
  setFollowUp(ratingId: string, status: 'open' | 'done'): void {
    this.db.prepare('UPDATE rating SET follow_up = ? WHERE id = ?').run(status, ratingId);
  }

  /**
   * Per service and month of asking (China time) in [fromAt, toAt): how often the screen asked, each
   * level given, and 未评价 — skipped or timed out (`settleLapsed`). A question still standing is in `asked` only.
   */
  counts(fromAt: string, toAt: string): RatingCountRow[] {
    return this.db
      .prepare(
        `SELECT q.service, substr(datetime(q.asked_at, '+8 hours'), 1, 7) AS month, count(*) AS asked,
                sum(r.level = 'very_satisfied') AS very_satisfied, sum(r.level = 'satisfied') AS satisfied, sum(r.level = 'basic') AS basic,
                sum(r.level = 'dissatisfied') AS dissatisfied, sum(r.level = 'very_dissatisfied') AS very_dissatisfied,
                sum(q.outcome IN ('skipped', 'timeout')) AS unrated
         FROM rating_request q LEFT JOIN rating r ON r.request_id = q.id
         WHERE q.asked_at >= @fromAt AND q.asked_at < @toAt
         GROUP BY 1, 2 ORDER BY 2, 1`,
      )
      .all({ fromAt, toAt })
      .map((r) => {
        const row = r as Record<string, unknown>;
        const n = (k: string) => Number(row[k] ?? 0);
        return {
          service: row['service'],
          month: row['month'],
          asked: n('asked'),
          very_satisfied: n('very_satisfied'),
          satisfied: n('satisfied'),
          basic: n('basic'),
          dissatisfied: n('dissatisfied'),
          very_dissatisfied: n('very_dissatisfied'),
          unrated: n('unrated'),
        } as RatingCountRow;
      });
  }
}
