import { JiuzhuError } from '../../../common/contract/errors';
import type { Capability, CoreDeps } from '../capability';
import { perStore } from '../kernel/station/perStore';
import { stationCaseService } from '../cases/stationCaseService';
import type { SessionCallContext } from '../context';
import { findResourcesDir, loadCaseResources, type CaseResources } from '../cases/resources';
import { registerAfterAcceptancePullHandlers } from './pullHandlers';
import { loadLinkedBenefits, type LinkedBenefitEntry } from './benefits';
import { AfterAcceptanceService } from './service';
import { caseView, rosterList, warningRow } from './views';
import { rosterSettingsSchema } from '../../../common/contract/methods/afterAcceptance/roster';
import { reviewHandlers, type ReviewMethods } from './reviewHandlers';
import { changeHandlers, type ChangeMethods } from './changeHandlers';
import { reliefHandlers, type ReliefMethods } from './reliefHandlers';
import { readVisitEvidence } from './visitEvidence';
import { listSummary, queueLists } from './publicityLists';
import { warningAssignees } from './warningAssignees';

type Methods =
  | 'visits.record'
  | 'visits.ofCase'
  | 'visits.evidence'
  | 'publicity.opinion'
  | 'publicity.object'
  | 'publicity.resolve'
  | 'publicity.end'
  | 'publicity.lists'
  | 'publicity.queueLists'
  | 'decisions.local'
  | 'decisions.retry'
  | 'roster.list'
  | 'roster.settings'
  | 'roster.setSettings'
  | 'warnings.list'
  | 'warnings.assign'
  | 'warnings.verify'
  | 'warnings.close'
  | ReviewMethods
  | ChangeMethods
  | ReliefMethods;

export interface AfterAcceptanceOptions {
  resourcesDir?: string;
}

/**
 * After acceptance (main/core/afterAcceptance/README.md): visits, 公示, decisions (pulled or
 * local), proposals to change a benefit and their decisions, the roster and monitoring warnings.
 * Registers the sync pull handlers of 'decision', 'change-decision' and 'warning' items, which
 * apply inside the pull page's transaction.
 */
export function afterAcceptanceCapability(deps: CoreDeps, options: AfterAcceptanceOptions = {}): Capability<Methods> {
  let resources: { cases: CaseResources; benefits: LinkedBenefitEntry[] } | null = null;
  const store = perStore(deps, 'after-acceptance', (s, db) => {
    const dir = options.resourcesDir ?? findResourcesDir();
    resources ??= { cases: loadCaseResources(dir), benefits: loadLinkedBenefits(dir) };
    return new AfterAcceptanceService({
      cases: stationCaseService(s, db, deps.clock, resources.cases),
      audit: s.auth.audit(),
      clock: deps.clock,
      benefits: resources.benefits,
    });
  });
  const open = store.open;
  const pulled = store.forDb;
  const unregister = registerAfterAcceptancePullHandlers(pulled);

  const actor = (ctx: SessionCallContext) => ctx.session.userId;
  const step = (row: { id: string; state: string; version: number }) => ({ caseId: row.id, state: row.state, version: row.version });

  return {
    handlers: {
      ...reviewHandlers(open, actor),
      ...changeHandlers(open, actor),
      ...reliefHandlers(open, actor),
      'visits.record': async (input, ctx) => step((await open()).recordVisit(actor(ctx), input.caseId, input.version, input.visit)),
      'visits.ofCase': async (input, ctx) => {
        const svc = await open();
        const view = caseView(svc.work, input.caseId);
        svc.work.audit(actor(ctx), 'visits.view', input.caseId);
        return view;
      },
      'visits.evidence': async (input, ctx) => readVisitEvidence((await open()).work, actor(ctx), input.caseId, input.attachmentId),
      'publicity.opinion': async (input, ctx) => step((await open()).giveOpinion(actor(ctx), input.caseId, input.version, input.opinion)),
      'publicity.object': async (input, ctx) =>
        step((await open()).recordObjection(actor(ctx), input.caseId, input.version, input.objection)),
      'publicity.resolve': async (input, ctx) =>
        step((await open()).resolveDispute(actor(ctx), input.caseId, input.version, input.resolution)),
      'publicity.end': async (input, ctx) => step((await open()).endPublicity(actor(ctx), input.caseId, input.version)),
      'publicity.lists': async (input, ctx) => {
        const svc = await open();
        const rows = listSummary(svc.work, input);
        svc.work.audit(actor(ctx), 'publicity.lists_view', null, { stage: input.stage, communities: rows.length });
        return { rows };
      },
      'publicity.queueLists': async (input, ctx) => ({ requests: queueLists((await open()).work, actor(ctx), input) }),
      // The dispatcher lets only holders of case.decide (the head) through.
      'decisions.local': async (input, ctx) => step((await open()).decideLocally(actor(ctx), input.caseId, input.version, input.decision)),
      'decisions.retry': async (input, ctx) => step((await open()).retryDecision(actor(ctx), input.decisionId)),
      'roster.list': async (input, ctx) => {
        const svc = await open();
        const out = rosterList(svc.work, input.filter, input.limit);
        svc.work.audit(actor(ctx), 'roster.view', null, { filter: input.filter, results: out.rows.length });
        return out;
      },
      'roster.settings': async () => {
        const svc = await open();
        const settings = svc.work.repo.settings();
        return { settings, linkedBenefits: settings.linkedBenefits ?? svc.work.deps.benefits };
      },
      'roster.setSettings': async (input, ctx) => {
        const svc = await open();
        const settings = rosterSettingsSchema.parse(input.settings);
        svc.work.db.transaction(() => {
          svc.work.repo.putSettings(settings);
          svc.work.audit(actor(ctx), 'roster.settings', 'roster.settings', { warningDays: settings.warningWorkingDays }, 'setting');
        })();
        return { settings };
      },
      'warnings.list': async (input, ctx) => {
        const svc = await open();
        const names = svc.work.cases.repo.accountNames();
        const today = svc.work.today();
        const rows = svc.work.repo.warnings(input.status).map((w) => warningRow(svc.work, w, names, today));
        svc.work.audit(actor(ctx), 'warnings.view', null, { results: rows.length });
        return { rows, today, staff: warningAssignees(svc.work.db) };
      },
      'warnings.assign': async (input, ctx) => {
        const svc = await open();
        svc.assignWarning(actor(ctx), input.warningId, input.accountId);
        return one(svc, input.warningId);
      },
      'warnings.verify': async (input, ctx) => {
        const svc = await open();
        svc.verifyWarning(actor(ctx), input.warningId, { verifiedOn: input.verifiedOn, method: input.method, findings: input.findings });
        return one(svc, input.warningId);
      },
      'warnings.close': async (input, ctx) => {
        const svc = await open();
        svc.closeWarning(actor(ctx), input.warningId, input.close);
        return one(svc, input.warningId);
      },
    },
    async close() {
      await store.ready;
      unregister();
    },
  };
}

function one(svc: AfterAcceptanceService, id: string) {
  const w = svc.work.repo.warning(id);
  if (!w) throw new JiuzhuError('WARNING_NOT_FOUND');
  return warningRow(svc.work, w, svc.work.cases.repo.accountNames(), svc.work.today());
}
