import type { Capability, CoreDeps } from '../capability';
import { perStore } from '../kernel/station/perStore';
import { stationCaseService } from '../cases/stationCaseService';
import type { SessionCallContext } from '../context';
import { findResourcesDir, loadCaseResources, type CaseResources } from '../cases/resources';
import { registerAfterAcceptancePullHandlers } from './pullHandlers';
import { loadLinkedBenefits, type LinkedBenefitEntry } from './benefits';
import { AfterAcceptanceService } from './service';
import { reviewHandlers, type ReviewMethods } from './reviewHandlers';
import { changeHandlers, type ChangeMethods } from './changeHandlers';
import { reliefHandlers, type ReliefMethods } from './reliefHandlers';

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
  const unregister = registerAfterAcceptancePullHandlers(deps.pullHandlers, pulled);

  const actor = (ctx: SessionCallContext) => ctx.session.userId;
  const step = (row: { id: string; state: string; version: number }) => ({ caseId: row.id, state: row.state, version: row.version });

  return {
    handlers: {
      ...reviewHandlers(open, actor),
      ...changeHandlers(open, actor),
      ...reliefHandlers(open, actor),
      'visits.record': async (input, ctx) => step((await open()).recordVisit(actor(ctx), input.caseId, input.version, input.visit)),
      'visits.ofCase': async (input, ctx) => (await open()).caseView(actor(ctx), input.caseId),
      'visits.evidence': async (input, ctx) => (await open()).visitEvidence(actor(ctx), input.caseId, input.attachmentId),
      'publicity.opinion': async (input, ctx) => step((await open()).giveOpinion(actor(ctx), input.caseId, input.version, input.opinion)),
      'publicity.object': async (input, ctx) =>
        step((await open()).recordObjection(actor(ctx), input.caseId, input.version, input.objection)),
      'publicity.resolve': async (input, ctx) =>
        step((await open()).resolveDispute(actor(ctx), input.caseId, input.version, input.resolution)),
      'publicity.end': async (input, ctx) => step((await open()).endPublicity(actor(ctx), input.caseId, input.version)),
      'publicity.lists': async (input, ctx) => ({ rows: (await open()).publicityLists(actor(ctx), input) }),
      'publicity.queueLists': async (input, ctx) => ({ requests: (await open()).queueLists(actor(ctx), input) }),
      // The dispatcher lets only holders of case.decide (the head) through.
      'decisions.local': async (input, ctx) => step((await open()).decideLocally(actor(ctx), input.caseId, input.version, input.decision)),
      'decisions.retry': async (input, ctx) => step((await open()).retryDecision(actor(ctx), input.decisionId)),
      'roster.list': async (input, ctx) => (await open()).rosterList(actor(ctx), input.filter, input.limit),
      'roster.settings': async () => (await open()).rosterSettings(),
      'roster.setSettings': async (input, ctx) => ({ settings: (await open()).setRosterSettings(actor(ctx), input.settings) }),
      'warnings.list': async (input, ctx) => (await open()).warningList(actor(ctx), input.status),
      'warnings.assign': async (input, ctx) => {
        const svc = await open();
        svc.assignWarning(actor(ctx), input.warningId, input.accountId);
        return svc.warning(input.warningId);
      },
      'warnings.verify': async (input, ctx) => {
        const svc = await open();
        svc.verifyWarning(actor(ctx), input.warningId, { verifiedOn: input.verifiedOn, method: input.method, findings: input.findings });
        return svc.warning(input.warningId);
      },
      'warnings.close': async (input, ctx) => {
        const svc = await open();
        svc.closeWarning(actor(ctx), input.warningId, input.close);
        return svc.warning(input.warningId);
      },
    },
    async close() {
      await store.ready;
      unregister();
    },
  };
}
