import type { SessionCallContext } from '../context';
import type { Handlers } from '../kernel/dispatch/handlers';
import { ChangeRepo } from './changeRepo';
import { changeList, changeView, refusalView } from './changeViews';
import type { AfterAcceptanceService } from './service';

export type ChangeMethods = 'changes.list' | 'changes.decide' | 'decisions.refusals';

/** The handlers of common/contract/methods/afterAcceptance/changes.ts. `changes.decide` needs `case.decide` (the head), checked by the dispatcher. */
export function changeHandlers(
  open: () => Promise<AfterAcceptanceService>,
  actor: (ctx: SessionCallContext) => string,
): Pick<Handlers, ChangeMethods> {
  return {
    'changes.list': async (input, ctx) => {
      const svc = await open();
      const rows = changeList(svc.work, input.filter, input.limit);
      svc.work.audit(actor(ctx), 'changes.view', null, { filter: input.filter, results: rows.length });
      return { rows, delegated: svc.work.cases.settings().decisionDelegated, today: svc.work.today() };
    },
    'changes.decide': async (input, ctx) => {
      const svc = await open();
      const row = svc.decideChangeLocally(actor(ctx), input.proposalId, {
        outcome: input.outcome,
        reasons: input.reasons,
        legalBasis: input.legalBasis,
      });
      return changeView(svc.work, row, svc.work.cases.repo.accountNames());
    },
    'decisions.refusals': async (input, ctx) => {
      const svc = await open();
      const rows = new ChangeRepo(svc.work.db).refusals({ limit: input.limit }).map(refusalView);
      svc.work.audit(actor(ctx), 'decisions.refusals_view', null, { results: rows.length });
      return { rows };
    },
  };
}
