import { emptyApplication, type Application } from '../../../common/cases/application';
import { chinaDate } from '../../../common/cases/age';
import { deadlinesOnAcceptance, extendedDecision, refusalNoticeDeadline } from '../../../common/cases/deadlines';
import { JiuzhuError } from '../../../common/contract/errors';
import { pullItemRefusal, readPullItem, type CaseUpsertBody } from '../../../sync-protocol/records/index';
import type { PulledItem } from '../sync/capability';
import { storePulledItem } from '../sync/index';
import type { CaseRow } from './caseRepo';
import type { CaseContext } from './caseContext';
import { followCountyDeadlines } from './countyDeadlines';
import { moneyOf, partiesOf } from './searchIndex';
import { applyKeptFor, applyVerificationItem, type VerificationApplyDeps } from './verification/apply';
import { VerificationRepo } from './verification/repo';

/** Who a pulled change is attributed to locally (the same actor as pulled decisions and warnings). */
export const PULL_ACTOR = 'platform';

export type CasePullResult = 'created' | 'applied' | 'stale' | 'deferred';

/**
 * Apply one pulled `case` item (the station's case as the platform holds it, pushed by any of its
 * workstations) in the pull page's transaction. The body is the pushing workstation's `case.upsert`
 * body, read with its schema (sync-protocol/records/caseUpsert.ts); an item that does not read is
 * refused with the kind and the field (kept in pulled_item, applied to nothing). A body without
 * `application` (a step that changed no household data) keeps the application already held.
 *
 * - The platform's version becomes the local version: a later local edit is based on it.
 * - Nothing is written to the outbox (that would echo the change back).
 * - A case with unsent local edits is left alone when the platform moved past their base: the item
 *   is kept in pulled_item and the situation audited (`cases.pull_deferred`); the push of the
 *   local edit then gets the engine's visible conflict.
 * - Older or equal versions (including this workstation's own pushes coming back) change nothing.
 */
function applyPulledCase(ctx: CaseContext, item: PulledItem): CasePullResult | JiuzhuError {
  const read = readPullItem('case', item);
  if (!read.ok) return pullItemRefusal(read.issue);
  const { caseId, version, body, updatedBy } = read.value;
  const repo = ctx.repo;
  const local = repo.get(caseId);
  const now = ctx.now();

  if (local) {
    const unsent = repo.unsentBaseVersions(caseId);
    if (local.state === 'draft' || (unsent.length > 0 && version > Math.min(...unsent))) {
      storePulledItem(ctx.db, item, now);
      ctx.audit.append({
        actor: PULL_ACTOR,
        action: 'cases.pull_deferred',
        targetType: 'case',
        targetId: caseId,
        details: { version, localVersion: local.version, unsent: unsent.length, device: updatedBy },
      });
      return 'deferred';
    }
    if (unsent.length > 0 || version <= local.version) return 'stale';
  }

  const app: Application = body.application ?? (local ? ctx.application(local) : emptyApplication());
  const ref = app.applicant ? { idNumber: app.applicant.idNumber, name: app.applicant.name } : (body.applicant ?? null);
  const { state, at, action } = body;

  const cols = {
    state,
    type: app.type ?? (body.type || null) ?? local?.type ?? null,
    subtype: app.subtype ?? (body.subtype || null) ?? local?.subtype ?? null,
    channel: app.channel.kind,
    applicant_id_number: ref?.idNumber ?? local?.applicant_id_number ?? null,
    applicant_name: ref?.name ?? local?.applicant_name ?? null,
    household_size: app.members.filter((m) => !m.excluded).length,
    related_party: (app.relatedParty.related || body.relatedParty === true ? 1 : 0) as 0 | 1,
    version,
    draft_rev: local?.draft_rev ?? 0,
    data: JSON.stringify(app),
    updated_at: at,
    updated_by: PULL_ACTOR,
  };
  if (local) repo.update(caseId, cols);
  else repo.insert({ id: caseId, created_at: at, created_by: PULL_ACTOR, demo: 0, ...cols });

  const caseNo = body.caseNo || null;
  const numbered = caseNo !== null && (local?.case_no === caseNo || !repo.byCaseNo(caseNo));
  repo.setPulledNumber(caseId, numbered ? caseNo : null, state === 'draft' ? null : at);
  if (caseNo && !numbered)
    ctx.audit.append({ actor: PULL_ACTOR, action: 'cases.pull_case_no_taken', targetType: 'case', targetId: caseId, details: { caseNo } });
  if (numbered) repo.raiseCaseCounter(caseNo);

  if (body.application || !local) {
    repo.replaceParties(caseId, partiesOf(app, ref));
    repo.replaceMoney(caseId, ...moneyOf(app));
  }
  repo.appendEvent(caseId, {
    at,
    actor_id: PULL_ACTOR,
    action,
    from_state: local?.state ?? null,
    to_state: local?.state === state ? null : state,
    note: null,
  });
  followDeadlines(ctx, caseId, action, at, body, local);
  ctx.audit.append({
    actor: PULL_ACTOR,
    action: 'cases.pulled',
    targetType: 'case',
    targetId: caseId,
    details: { version, device: updatedBy, created: !local },
  });
  return local ? 'applied' : 'created';
}

/** The deadline bookkeeping of the step as the pushing workstation did it (LegalPath.decide/act/extendDecision). */
function followDeadlines(ctx: CaseContext, caseId: string, action: string, at: string, body: CaseUpsertBody, local: CaseRow | null): void {
  const { repo, county } = ctx;
  const day = chinaDate(new Date(at));
  try {
    followCountyDeadlines(county, repo, caseId, action, day, at);
    if (action === 'accept') {
      repo.setAcceptedOn(caseId, day);
      const deadlines = county.withCalendar((c) =>
        deadlinesOnAcceptance(day, c, {
          delegated: county.settings().decisionDelegated,
          delegatedWorkingDays: county.settings().limits.delegatedDecisionWorkingDays,
        }),
      );
      for (const d of deadlines)
        repo.setDeadline(caseId, { kind: d.kind, from_date: d.fromDate, working_days: d.workingDays, due_date: d.dueDate, reason: null });
    } else if (action === 'startInvestigation') repo.meetDeadline(caseId, 'investigation_start', at);
    else if (action === 'approve' || action === 'withdraw') repo.meetAllDeadlines(caseId, at);
    else if (action === 'refuse') {
      repo.meetDeadline(caseId, 'decision', at);
      const d = county.withCalendar((c) => refusalNoticeDeadline(day, c));
      repo.setDeadline(caseId, { kind: d.kind, from_date: d.fromDate, working_days: d.workingDays, due_date: d.dueDate, reason: null });
    } else if (action === 'extendDecision') {
      const acceptedOn = repo.get(caseId)?.accepted_on ?? local?.accepted_on ?? null;
      if (acceptedOn) {
        const d = county.withCalendar((c) => extendedDecision(acceptedOn, c));
        repo.setDeadline(caseId, {
          kind: 'decision',
          from_date: d.fromDate,
          working_days: d.workingDays,
          due_date: d.dueDate,
          reason: body.reason || null,
        });
      }
    }
  } catch {
    // A calendar gap leaves the deadlines as they were; the case itself is applied.
  }
}

/**
 * What the platform's feed brings to the case tables of one open store, each item in the pull page's
 * transaction: the station's cases (`case`) and the 核对 reports (`verification.report`).
 */
export class CasePulls {
  private readonly verifications: VerificationApplyDeps;

  constructor(private readonly ctx: CaseContext) {
    this.verifications = {
      repo: new VerificationRepo(ctx.db),
      cases: ctx.repo,
      audit: (e) => ctx.audit.append(e),
      now: () => ctx.now(),
    };
  }

  /** One `case` item; a 核对 report that came before its case is applied once the case is here. */
  caseItem(item: PulledItem): CasePullResult | JiuzhuError {
    const result = applyPulledCase(this.ctx, item);
    if (result instanceof JiuzhuError) return result;
    const caseId = (item as { caseId?: unknown }).caseId;
    if (typeof caseId === 'string' && this.ctx.repo.get(caseId)) applyKeptFor(this.verifications, caseId);
    return result;
  }

  /** One `verification.report` item (verification/apply.ts). */
  verificationItem(item: unknown): JiuzhuError | undefined {
    return applyVerificationItem(this.verifications, item);
  }
}
