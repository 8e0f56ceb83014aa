import type { SessionCallContext } from '../context';
import type { Handlers } from '../kernel/dispatch/handlers';
import { ReliefRepo } from './reliefRepo';
import { monitoringView, reliefOfCase } from './reliefViews';
import type { AfterAcceptanceService } from './service';

export type ReliefMethods = 'relief.ofCase' | 'relief.advance' | 'monitoring.enter' | 'monitoring.exit' | 'monitoring.list';

/** The handlers of common/contract/methods/afterAcceptance/relief.ts; writing ones need `case.casework` (caseworker, head), checked by the dispatcher. */
export function reliefHandlers(
  open: () => Promise<AfterAcceptanceService>,
  actor: (ctx: SessionCallContext) => string,
): Pick<Handlers, ReliefMethods> {
  return {
    'relief.ofCase': async (input, ctx) => {
      const svc = await open();
      const view = reliefOfCase(svc.work, input.caseId);
      svc.work.audit(actor(ctx), 'relief.view', input.caseId);
      return view;
    },
    'relief.advance': async (input, ctx) => {
      const row = (await open()).recordAdvance(actor(ctx), input.caseId, input.version, input.advance);
      return { caseId: row.id, state: row.state, version: row.version };
    },
    'monitoring.enter': async (input, ctx) => {
      const svc = await open();
      return monitoringView(new ReliefRepo(svc.work.db), svc.enterMonitoring(actor(ctx), input.caseId, input.reason));
    },
    'monitoring.exit': async (input, ctx) => {
      const svc = await open();
      return monitoringView(new ReliefRepo(svc.work.db), svc.exitMonitoring(actor(ctx), input.monitoringId, input.reason));
    },
    'monitoring.list': async (input, ctx) => {
      const svc = await open();
      const repo = new ReliefRepo(svc.work.db);
      const rows = repo.monitoringList(input.activeOnly, input.limit).map((m) => monitoringView(repo, m));
      svc.work.audit(actor(ctx), 'monitoring.view', null, { results: rows.length });
      return { rows };
    },
  };
}
