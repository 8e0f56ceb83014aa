import type { SessionCallContext } from '../context';
import type { Handlers } from '../kernel/dispatch/handlers';
import type { AfterAcceptanceService } from './service';

export type ChangeMethods = 'changes.list' | 'changes.decide' | 'decisions.refusals';

/** The handlers of common/contract/methods/afterAcceptance/changes.ts. `changes.decide` needs `case.decide` (the head), checked by the dispatcher. */
export function changeHandlers(
  open: () => Promise<AfterAcceptanceService>,
  actor: (ctx: SessionCallContext) => string,
): Pick<Handlers, ChangeMethods> {
  return {
    'changes.list': async (input, ctx) => (await open()).changeList(actor(ctx), input.filter, input.limit),
    'changes.decide': async (input, ctx) => {
      const svc = await open();
      const row = svc.decideChangeLocally(actor(ctx), input.proposalId, {
        outcome: input.outcome,
        reasons: input.reasons,
        legalBasis: input.legalBasis,
      });
      return svc.changeView(row);
    },
    'decisions.refusals': async (input, ctx) => ({ rows: (await open()).refusals(actor(ctx), input.limit) }),
  };
}
