import { randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../common/contract/errors';
import type { Application } from '../../../common/cases/application';
import { deadlinesOnAcceptance, extendedDecision, refusalNoticeDeadline } from '../../../common/cases/deadlines';
import { materialsFor, missingMaterials } from '../../../common/cases/materials';
import { requiredSigners } from '../../../common/cases/signers';
import { transition, type CaseAction, type CaseState } from '../../../common/cases/stateMachine';
import { translate } from '../../../common/i18n/translate';
import { maskName } from '../../../common/format/mask';
import { caseUpsertRecord, type CaseStep } from '../../../sync-protocol/records/index';
import type { Outbox } from '../sync/index';
import type { CaseContext } from './caseContext';
import type { CaseRow } from './caseRepo';
import { followCountyDeadlines } from './countyDeadlines';
import { acceptanceNotice, rejectionNotice, supplementNotice } from './notices';

export type Decision =
  | { kind: 'accept' }
  | { kind: 'supplement'; missing: Array<{ item: string; note?: string | undefined }>; dueBy?: string | undefined }
  | { kind: 'reject'; reasons: string[]; legalBasis: string[] };

/** Audit actions are lower-case dotted names: requestSupplement → cases.request_supplement. */
const auditAction = (action: string) => `cases.${action.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

/** The day a county limit started by `action` counts from: an online application's acceptance limit from its online submission. */
const countsFrom = (action: CaseAction, app: Application, today: string): string =>
  action === 'submit' && app.channel.kind === 'online' && app.channel.submittedOn && app.channel.submittedOn < today
    ? app.channel.submittedOn
    : today;

/** Actions with their own method (intake.submit, intake.discard, cases.decide) are not taken through `act`. */
const OWN_METHOD: ReadonlySet<CaseAction> = new Set(['submit', 'discard', 'accept', 'requestSupplement', 'refuseAcceptance']);

export const stateLabel = (s: CaseState) => translate(`cases.states.${s}`);
export const actionLabel = (a: string) => translate(`cases.actions.${a}` as 'cases.actions.submit');

/**
 * The legal path (common/cases/stateMachine.ts) from submission on: every step is ONE transaction
 * holding the row (version + 1), its timeline event, its deadlines, its `case.upsert` outbox record,
 * its notice request where the law owes one, and its audit row.
 */
export class LegalPath {
  constructor(
    private readonly ctx: CaseContext,
    private readonly outbox: Outbox,
  ) {}

  /** The one place the cases capability makes a `case.upsert` record (the base version is the row's before the step). */
  private enqueueUpsert(step: CaseStep): void {
    this.outbox.enqueue(caseUpsertRecord(step));
  }

  /**
   * A record on the case that changes neither its state nor its household data, in the caller's
   * transaction: version + 1, the timeline event, and a `case.upsert` of the reference form so the
   * platform sees it. Returns the new version; the caller audits.
   */
  record(
    row: CaseRow,
    app: Application,
    action: string,
    actor: string,
    note: string | null,
    extra: Record<string, unknown>,
    blobs: string[] = [],
  ): number {
    const { ctx } = this;
    const now = ctx.now();
    const version = row.version + 1;
    ctx.repo.setVersion(row.id, version, now, actor);
    ctx.repo.appendEvent(row.id, { at: now, actor_id: actor, action, from_state: null, to_state: null, note });
    this.enqueueUpsert({
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
    });
    return version;
  }

  /**
   * One step of the legal path on a row already read in this transaction: the state machine
   * decides, the version goes up by one, the timeline gets the event, the outbox the record.
   */
  step(
    row: CaseRow,
    action: CaseAction,
    actor: string,
    note: string | null,
    app: Application,
    extra: Record<string, unknown> = {},
    blobs: string[] = [],
  ): CaseRow {
    const { ctx } = this;
    const t = transition(row.state, action);
    if (!t.ok) throw new JiuzhuError('CASE_ILLEGAL_TRANSITION', { from: stateLabel(row.state), action: actionLabel(action) });
    const now = ctx.now();
    const version = row.version + 1;
    ctx.repo.update(row.id, { ...ctx.columns(app, { state: t.to, version, draft_rev: row.draft_rev }, actor) });
    ctx.repo.appendEvent(row.id, { at: now, actor_id: actor, action, from_state: row.state, to_state: t.to, note });
    followCountyDeadlines(ctx.county, ctx.repo, row.id, action, countsFrom(action, app, ctx.today()), now);
    const updated = ctx.mustGet(row.id);
    this.enqueueUpsert({
      caseId: row.id,
      caseNo: updated.case_no,
      baseVersion: row.version,
      state: t.to,
      action,
      at: now,
      app,
      content: 'household',
      extra,
      blobs,
    });
    ctx.audit.append({
      actor,
      action: auditAction(action),
      targetType: 'case',
      targetId: row.id,
      details: { from: row.state, to: t.to, version },
    });
    return updated;
  }

  private checkVersion(row: CaseRow, version: number): void {
    if (row.version !== version) throw new JiuzhuError('CASE_STALE');
  }

  decide(actor: string, caseId: string, version: number, decision: Decision): CaseRow {
    const { ctx } = this;
    const settings = ctx.county.settings();
    const checklist = ctx.county.checklist(settings);
    return ctx.db.transaction(() => {
      const row = ctx.mustGet(caseId);
      this.checkVersion(row, version);
      const app = ctx.application(row);
      const notices = ctx.noticeContext(row, app, settings);
      const today = ctx.today();
      const now = ctx.now();
      let action: CaseAction;
      let notice: { kind: 'acceptance' | 'supplement' | 'rejection'; data: unknown };
      if (decision.kind === 'accept') {
        action = 'accept';
        if (row.state === 'submitted') {
          const missing = missingMaterials(checklist, app);
          if (missing.length > 0)
            throw new JiuzhuError('CASE_MATERIALS_MISSING', {
              count: String(missing.length),
              items: missing.map((m) => m.label).join('、'),
            });
          const signed = new Set(ctx.repo.authorizations(caseId).map((a) => a.signer_id_number));
          const unsigned = requiredSigners(app, today).filter((s) => !signed.has(s.idNumber));
          if (unsigned.length > 0)
            throw new JiuzhuError('CASE_AUTHORIZATION_MISSING', {
              count: String(unsigned.length),
              names: unsigned.map((s) => maskName(s.name)).join('、'),
            });
        }
        const received = materialsFor(checklist, app)
          .filter((m) => m.status === 'received')
          .map((m) => m.label);
        const deadlines = ctx.county.withCalendar((c) =>
          deadlinesOnAcceptance(today, c, {
            delegated: settings.decisionDelegated,
            delegatedWorkingDays: settings.limits.delegatedDecisionWorkingDays,
          }),
        );
        notice = {
          kind: 'acceptance',
          data: acceptanceNotice(notices, received, deadlines.find((d) => d.kind === 'decision')!.workingDays),
        };
        const updated = this.step(row, action, actor, null, app);
        ctx.repo.setAcceptedOn(caseId, today);
        for (const d of deadlines)
          ctx.repo.setDeadline(caseId, {
            kind: d.kind,
            from_date: d.fromDate,
            working_days: d.workingDays,
            due_date: d.dueDate,
            reason: null,
          });
        ctx.repo.insertNotice({ id: randomUUID(), caseId, kind: notice.kind, data: JSON.stringify(notice.data), at: now, by: actor });
        return updated;
      }
      if (decision.kind === 'supplement') {
        action = 'requestSupplement';
        notice = { kind: 'supplement', data: supplementNotice(notices, decision.missing, decision.dueBy) };
      } else {
        action = 'refuseAcceptance';
        notice = { kind: 'rejection', data: rejectionNotice(notices, decision.reasons, decision.legalBasis) };
      }
      const note = decision.kind === 'supplement' ? decision.missing.map((m) => m.item).join('；') : decision.reasons.join('；');
      const updated = this.step(row, action, actor, note.slice(0, 500), app);
      ctx.repo.insertNotice({ id: randomUUID(), caseId, kind: notice.kind, data: JSON.stringify(notice.data), at: now, by: actor });
      return updated;
    })();
  }

  /** A later step of the path; its deadline bookkeeping follows the action. */
  act(actor: string, caseId: string, version: number, action: CaseAction, note: string | null): CaseRow {
    const { ctx } = this;
    return ctx.db.transaction(() => {
      const row = ctx.mustGet(caseId);
      this.checkVersion(row, version);
      if (OWN_METHOD.has(action))
        throw new JiuzhuError('CASE_ILLEGAL_TRANSITION', { from: stateLabel(row.state), action: actionLabel(action) });
      const app = ctx.application(row);
      const updated = this.step(row, action, actor, note, app);
      const now = ctx.now();
      if (action === 'startInvestigation') ctx.repo.meetDeadline(caseId, 'investigation_start', now);
      if (action === 'approve' || action === 'withdraw') ctx.repo.meetAllDeadlines(caseId, now);
      if (action === 'refuse') {
        ctx.repo.meetDeadline(caseId, 'decision', now);
        const d = ctx.county.withCalendar((c) => refusalNoticeDeadline(ctx.today(), c));
        ctx.repo.setDeadline(caseId, {
          kind: d.kind,
          from_date: d.fromDate,
          working_days: d.workingDays,
          due_date: d.dueDate,
          reason: null,
        });
      }
      return updated;
    })();
  }

  /** The decision's time limit extended to 45 working days with a reason (办法 art. 22): a version, no change of state. */
  extendDecision(actor: string, caseId: string, version: number, reason: string): CaseRow {
    const { ctx } = this;
    return ctx.db.transaction(() => {
      const row = ctx.mustGet(caseId);
      this.checkVersion(row, version);
      const running = ctx.repo.deadlines(caseId).find((d) => d.kind === 'decision' && d.met_at === null);
      if (!running || !row.accepted_on) throw new JiuzhuError('CASE_DECISION_NOT_RUNNING');
      if (running.working_days >= 45) throw new JiuzhuError('CASE_DECISION_ALREADY_EXTENDED');
      const d = ctx.county.withCalendar((c) => extendedDecision(row.accepted_on!, c));
      ctx.repo.setDeadline(caseId, { kind: 'decision', from_date: d.fromDate, working_days: d.workingDays, due_date: d.dueDate, reason });
      const next = this.record(row, ctx.application(row), 'extendDecision', actor, reason, { decisionDue: d.dueDate, reason });
      ctx.audit.append({
        actor,
        action: 'cases.extend_decision',
        targetType: 'case',
        targetId: caseId,
        details: { version: next },
      });
      return ctx.mustGet(caseId);
    })();
  }
}
