import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { JiuzhuError, type ErrorCode } from '../../../common/contract/errors';
import type { Application } from '../../../common/cases/application';
import { translate } from '../../../common/i18n/translate';
import type { CaseState } from '../../../common/cases/stateMachine';
import type { AssistanceType } from '../../../common/cases/types';
import type { AuditLog } from '../kernel/audit/auditLog';
import type { CaseRow } from '../cases/caseRepo';
import type { CaseService } from '../cases/caseService';
import { base, type NoticeContext } from '../cases/notices';
import { Outbox } from '../sync/index';
import { caseUpsertRecord } from '../../../sync-protocol/records/index';
import type { Clock } from '../kernel/store/types';
import type { LinkedBenefitEntry } from './benefits';
import { NoticeRequestRepo } from './noticeRequestRepo';
import { AfterAcceptanceRepo } from './repo';

export const PLATFORM_ACTOR = 'platform';

export interface WorkDeps {
  cases: CaseService;
  audit: AuditLog;
  clock: Clock;
  benefits: LinkedBenefitEntry[];
}

export type NoticeKind =
  | 'visit-form'
  | 'publicity'
  | 'opinion-notice'
  | 'approval'
  | 'relief-approval'
  | 'monitoring-approval'
  | 'refusal'
  | 'termination'
  | 'phase-out';

/**
 * What every after-acceptance step shares: the case service (its state machine step, calendar,
 * settings), this folder's tables, and the helpers that keep a change, its timeline event, its
 * outbox record, its notice request and its audit row in the caller's one transaction.
 */
export class Work {
  readonly repo: AfterAcceptanceRepo;
  readonly notices: NoticeRequestRepo;
  private readonly outbox: Outbox;

  constructor(readonly deps: WorkDeps) {
    this.repo = new AfterAcceptanceRepo(deps.cases.db);
    this.notices = new NoticeRequestRepo(deps.cases.db);
    this.outbox = new Outbox(deps.cases.db, deps.clock);
  }

  get cases(): CaseService {
    return this.deps.cases;
  }
  get db() {
    return this.deps.cases.db;
  }
  today(): string {
    return this.cases.today();
  }
  now(): string {
    return this.cases.now();
  }
  id(): string {
    return randomUUID();
  }

  /** The case at the version the user saw (CASE_STALE otherwise). */
  caseAt(caseId: string, version?: number): { row: CaseRow; app: Application } {
    const row = this.cases.mustGet(caseId);
    if (version !== undefined && row.version !== version) throw new JiuzhuError('CASE_STALE');
    return { row, app: this.cases.application(row) };
  }

  noticeContext(row: CaseRow, app: Application): NoticeContext {
    return this.cases.noticeContext(row, app, this.cases.settings());
  }

  noticeBase(row: CaseRow, app: Application) {
    return base(this.noticeContext(row, app));
  }

  /** Queue a notice whose data is valid against its document schema (CASE_NOTICE_INVALID otherwise). */
  notice<S extends z.ZodType>(
    caseId: string,
    kind: NoticeKind,
    schema: S,
    data: Record<string, unknown>,
    actor: string,
    extra: Record<string, unknown> = {},
  ): z.output<S> {
    const r = schema.safeParse(data);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new JiuzhuError('CASE_NOTICE_INVALID', { path: issue.path.join('.') || '(通知书)', detail: issue.message });
    }
    const stored = { ...(r.data as Record<string, unknown>), ...extra };
    this.notices.queue({ id: this.id(), caseId, kind, data: JSON.stringify(stored), at: this.now(), by: actor });
    return r.data;
  }

  /**
   * A record on a case that does not change its state (a second visit, a warning's outcome):
   * version + 1, timeline event, case.upsert (so the platform sees it) and the audit row.
   */
  touch(
    row: CaseRow,
    app: Application,
    action: string,
    actor: string,
    note: string | null,
    extra: Record<string, unknown>,
    blobs: string[] = [],
  ): void {
    const now = this.now();
    const version = row.version + 1;
    this.cases.repo.setVersion(row.id, version, now, actor);
    this.cases.repo.appendEvent(row.id, { at: now, actor_id: actor, action, from_state: null, to_state: null, note });
    this.outbox.enqueue(
      caseUpsertRecord({
        caseId: row.id,
        caseNo: row.case_no,
        baseVersion: row.version,
        state: row.state,
        action,
        at: now,
        app,
        content: 'reference',
        extra,
        blobs,
      }),
    );
    this.audit(actor, `aftercare.${action.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, row.id, { version });
  }

  /** A timeline line only (nothing about the case changes, e.g. a warning received). */
  event(caseId: string, action: string, actor: string, note: string | null): void {
    this.cases.repo.appendEvent(caseId, { at: this.now(), actor_id: actor, action, from_state: null, to_state: null, note });
  }

  audit(
    actor: string,
    action: string,
    targetId: string | null,
    details: Record<string, string | number | boolean> = {},
    targetType = 'case',
  ): void {
    this.deps.audit.append({ actor, action, targetType, targetId, details });
  }

  stateLabel(state: CaseState): string {
    return translate(`cases.states.${state}`);
  }

  typeLabel(type: AssistanceType): string {
    return translate(`cases.types.${type}`);
  }

  /** The zh-CN message of an error code, for refusals that are recorded rather than thrown. */
  message(code: ErrorCode, params: Record<string, string> = {}): string {
    return translate(`errors.${code}`, params);
  }

  redress() {
    const r = this.cases.settings().notice.redress;
    if (!r) throw new JiuzhuError('DECISION_REDRESS_MISSING');
    return r;
  }
}
