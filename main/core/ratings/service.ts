import { JiuzhuError } from '../../../common/contract/errors';
import type { FlaggedRating, RatingAskInput } from '../../../common/contract/methods/ratings';
import { newGeneratedId } from '../../../common/ids/generatedId';
import { isBadLevel, type RatedService, type RatingLevel, type RatingReason } from '../../../common/ratings/scale';
import type { AuditLog } from '../kernel/audit/auditLog';
import type { Clock, Db } from '../kernel/store/types';
import { Outbox } from '../sync/index';
import { ratingFollowUpRecord, ratingRecord } from '../../../sync-protocol/records/index';
import { followUpBody, ratingBody } from './record';
import { parseReasons, RatingsRepo, type RefKind, type RequestRow } from './repo';

/** How long a rating question stands on the applicant screen before it lapses (未评价). */
export const RATING_TTL_MS = 3 * 60_000;
/** The screen goes back to the notices after this long without a touch (the applicant walked away). */
export const RATING_IDLE_SECONDS = 60;

/**
 * One 进度查询 visit, one question: lookups by the same member of staff within this time of an
 * enquiry question are the same visit and ask nothing more (the question's own standing time).
 */
export const ENQUIRY_VISIT_MS = RATING_TTL_MS;

/** The service a question is about, once core has found it. */
export interface ServiceRef {
  service: RatedService;
  caseId: string | null;
  ref: { kind: RefKind; id: string } | null;
}

export interface RatingAnswer {
  level: RatingLevel;
  reasons: RatingReason[];
  comment?: string | undefined;
}

/**
 * 好差评 (main/core/ratings/README.md): the service a question is about, the answer kept with the
 * service and queued for the platform, a 差评 flagged for the head and its follow-up. One transaction
 * per action; every action audited with ids and codes only.
 */
export class RatingsService {
  private readonly repo: RatingsRepo;
  private readonly outbox: Outbox;

  constructor(private readonly deps: { db: Db; clock: Clock; audit: AuditLog; station: { name: string; regionCode: string } }) {
    this.repo = new RatingsRepo(deps.db);
    this.outbox = new Outbox(deps.db, deps.clock);
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  /** What the service was about, checked against the store (RATING_SERVICE_NOT_FOUND otherwise). */
  resolve(input: RatingAskInput): ServiceRef {
    const missing = () => new JiuzhuError('RATING_SERVICE_NOT_FOUND');
    switch (input.service) {
      case 'intake':
      case 'enquiry': {
        if (!input.caseId) return { service: input.service, caseId: null, ref: null };
        const c = this.repo.submittedCase(input.caseId);
        if (!c) throw missing();
        return { service: input.service, caseId: c.id, ref: { kind: 'case', id: c.id } };
      }
      case 'certification': {
        const c = this.repo.certification(input.certificationId);
        if (!c) throw missing();
        return { service: 'certification', caseId: c.case_id, ref: { kind: 'certification', id: c.id } };
      }
      case 'certificate': {
        const n = this.repo.printedCertificate(input.noticeRequestId);
        if (!n) throw missing();
        return { service: 'certificate', caseId: n.case_id, ref: { kind: 'document', id: n.document_id } };
      }
    }
  }

  /** Whether this service is worth a question now: an enquiry asks once per visit (ENQUIRY_VISIT_MS). */
  shouldAsk(actor: string, s: ServiceRef, at: Date): boolean {
    return s.service !== 'enquiry' || !this.repo.askedEnquirySince(actor, new Date(at.getTime() - ENQUIRY_VISIT_MS).toISOString());
  }

  /** Questions whose time ran out unanswered are settled as 未评价 now; how many still stand. */
  sweep(): { settled: number; pending: number } {
    const settled = this.repo.settleLapsed(this.now().toISOString());
    return { settled, pending: this.repo.pendingCount() };
  }

  /** The screen was asked (view `viewId`): the staff side keeps who served. */
  asked(actor: string, s: ServiceRef, viewId: string, askedAt: Date, expiresAt: Date): RequestRow {
    const row: RequestRow = {
      id: newGeneratedId('ratingask'),
      service: s.service,
      case_id: s.caseId,
      ref_kind: s.ref?.kind ?? null,
      ref_id: s.ref?.id ?? null,
      view_id: viewId,
      asked_at: askedAt.toISOString(),
      expires_at: expiresAt.toISOString(),
      served_by: actor,
      outcome: 'pending',
    };
    this.deps.db.transaction(() => {
      this.repo.settleLapsed(askedAt.toISOString());
      this.repo.insertRequest(row);
      this.deps.audit.append({
        actor,
        action: 'ratings.ask',
        targetType: 'rating',
        targetId: row.id,
        details: { service: s.service, ...(s.caseId ? { caseId: s.caseId } : {}) },
      });
    })();
    return row;
  }

  /** The request a screen view asks for, while it stands; RATING_VIEW_STALE once answered, dismissed or lapsed. */
  standing(viewId: string): RequestRow {
    const q = this.repo.requestByView(viewId);
    if (!q || q.outcome !== 'pending') throw new JiuzhuError('RATING_VIEW_STALE');
    if (Date.parse(q.expires_at) <= this.now().getTime()) {
      this.repo.settle(q.id, 'timeout');
      throw new JiuzhuError('RATING_VIEW_STALE');
    }
    return q;
  }

  /** The applicant's answer: kept with the service, queued for the platform, a 差评 flagged for the head. One transaction. */
  rate(q: RequestRow, answer: RatingAnswer): string {
    const id = newGeneratedId('rating');
    const at = this.now().toISOString();
    this.deps.db.transaction(() => {
      if (!this.repo.settle(q.id, 'rated')) throw new JiuzhuError('RATING_VIEW_STALE');
      const row = {
        id,
        request_id: q.id,
        service: q.service,
        case_id: q.case_id,
        ref_kind: q.ref_kind,
        ref_id: q.ref_id,
        station_region: this.deps.station.regionCode,
        station_name: this.deps.station.name,
        level: answer.level,
        reasons: JSON.stringify([...new Set(answer.reasons)]),
        comment: answer.comment?.trim() || null,
        asked_at: q.asked_at,
        rated_at: at,
        follow_up: isBadLevel(answer.level) ? ('open' as const) : null,
      };
      this.repo.insertRating(row);
      this.outbox.enqueue(ratingRecord(ratingBody(row)));
      this.deps.audit.append({
        actor: 'anonymous',
        action: 'ratings.submit',
        targetType: 'rating',
        targetId: id,
        details: { service: q.service, level: answer.level, flagged: row.follow_up !== null },
      });
    })();
    return id;
  }

  /** 暂不评价, or the screen timed out: no rating; the question counts as 未评价. */
  dismiss(q: RequestRow, why: 'skipped' | 'timeout'): boolean {
    return this.deps.db.transaction(() => {
      const done = this.repo.settle(q.id, why);
      if (done)
        this.deps.audit.append({
          actor: 'anonymous',
          action: 'ratings.dismiss',
          targetType: 'rating',
          targetId: q.id,
          details: { service: q.service, why },
        });
      return done;
    })();
  }

  /** The 差评 for the head, with their follow-ups (the view is audited). */
  flagged(actor: string, status: 'open' | 'done' | 'all', limit: number): { rows: FlaggedRating[]; open: number } {
    const rows = this.rows(status, limit);
    this.deps.audit.append({
      actor,
      action: 'ratings.flagged',
      targetType: 'rating',
      targetId: null,
      details: { status, results: rows.length },
    });
    return { open: this.repo.openCount(), rows };
  }

  private rows(status: 'open' | 'done' | 'all', limit: number, ratingId?: string): FlaggedRating[] {
    const rows = this.repo.flagged(status, limit, ratingId);
    const followUps = this.repo.followUps(rows.map((r) => r.id));
    return rows.map((r) => ({
      ratingId: r.id,
      service: r.service,
      caseId: r.case_id,
      caseNo: r.case_no,
      level: r.level,
      reasons: parseReasons(r),
      comment: r.comment,
      ratedAt: r.rated_at,
      servedByName: r.served_by_name ?? r.served_by,
      status: r.follow_up ?? 'open',
      followUps: followUps
        .filter((f) => f.rating_id === r.id)
        .map((f) => ({ action: f.action, note: f.note, at: f.at, byName: f.by_name ?? f.by, closed: f.closed === 1 })),
    }));
  }

  /** The head's 回访 / 整改 note on a 差评 (`close` ends it): kept, synced, audited. One transaction. */
  followUp(actor: string, input: { ratingId: string; action: 'callback' | 'rectify'; note: string; close: boolean }): FlaggedRating {
    this.deps.db.transaction(() => {
      const r = this.repo.rating(input.ratingId);
      if (!r || r.follow_up === null) throw new JiuzhuError('RATING_NOT_FLAGGED');
      if (r.follow_up === 'done') throw new JiuzhuError('RATING_FOLLOW_UP_DONE');
      const f = {
        id: newGeneratedId('followup'),
        rating_id: r.id,
        action: input.action,
        note: input.note.trim(),
        closed: (input.close ? 1 : 0) as 0 | 1,
        at: this.now().toISOString(),
        by: actor,
      };
      this.repo.insertFollowUp(f);
      if (input.close) this.repo.setFollowUp(r.id, 'done');
      this.outbox.enqueue(ratingFollowUpRecord(followUpBody(r, f)));
      this.deps.audit.append({
        actor,
        action: 'ratings.follow_up',
        targetType: 'rating',
        targetId: r.id,
        details: { action: input.action, closed: input.close },
      });
    })();
    return this.rows('all', 1, input.ratingId)[0]!;
  }
}
