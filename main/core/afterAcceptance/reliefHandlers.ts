import type { SessionCallContext } from '../context';
import type { Handlers } from '../kernel/dispatch/handlers';
import type { AfterAcceptanceService } from './service';

export type ReliefMethods = 'relief.ofCase' | 'relief.advance' | 'monitoring.enter' | 'monitoring.exit' | 'monitoring.list';

/** The handlers of common/contract/methods/afterAcceptance/relief.ts; writing ones need `case.casework` (caseworker, head), checked by the dispatcher. */
export function reliefHandlers(
  open: () => Promise<AfterAcceptanceService>,
  actor: (ctx: SessionCallContext) => string,
): Pick<Handlers, ReliefMethods> {
  return {
    'relief.ofCase': async (input, ctx) => (await open()).reliefOfCase(actor(ctx), input.caseId),
    'relief.advance': async (input, ctx) => {
      const row = (await open()).recordAdvance(actor(ctx), input.caseId, input.version, input.advance);
      return { caseId: row.id, state: row.state, version: row.version };
    },
    'monitoring.enter': async (input, ctx) => {
      const svc = await open();
      return svc.monitoringView(svc.enterMonitoring(actor(ctx), input.caseId, input.reason));
    },
    'monitoring.exit': async (input, ctx) => {
      const svc = await open();
      return svc.monitoringView(svc.exitMonitoring(actor(ctx), input.monitoringId, input.reason));
    },
    'monitoring.list': async (input, ctx) => ({ rows: (await open()).monitoringList(actor(ctx), input.activeOnly, input.limit) }),
  };
}
