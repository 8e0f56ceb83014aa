import type { Capability, CoreDeps } from '../capability';
import { perStore } from '../kernel/station/perStore';
import type { SessionCallContext } from '../context';
import { registerCertificationPullHandler } from './pullHandler';
import { CertificationService } from './service';

type Methods =
  | 'certification.settings'
  | 'certification.setSettings'
  | 'certification.due'
  | 'certification.person'
  | 'certification.record'
  | 'certification.recordProxy'
  | 'certification.remoteKept'
  | 'certification.retryKept';

/**
 * 待遇资格认证 (main/core/certification/README.md): the county's schedule, the due list, counter and
 * proxy certifications; registers the pull handler of 'certification.remote' items (made on the
 * phone), applied inside the pull page's transaction.
 */
export function certificationCapability(deps: CoreDeps): Capability<Methods> {
  const store = perStore(deps, 'certification', (s, db) => new CertificationService({ db, clock: deps.clock, audit: s.auth.audit() }));
  const open = store.open;
  const unregister = registerCertificationPullHandler(deps.pullHandlers, store.forDb);
  const actor = (ctx: SessionCallContext) => ctx.session.userId;

  return {
    handlers: {
      'certification.settings': async () => ({ settings: (await open()).settings() }),
      'certification.setSettings': async (input, ctx) => ({ settings: (await open()).setSettings(actor(ctx), input.settings) }),
      'certification.due': async (input, ctx) => {
        const svc = await open();
        const out = svc.dueList(input.filter, input.limit);
        (await deps.services()).auth.audit().append({
          actor: actor(ctx),
          action: 'certification.due',
          targetType: 'roster',
          targetId: null,
          details: { filter: input.filter, results: out.rows.length },
        });
        return out;
      },
      'certification.person': async (input, ctx) => (await open()).view(actor(ctx), input.idNumber),
      'certification.record': async (input, ctx) => (await open()).recordCounter(actor(ctx), input),
      'certification.recordProxy': async (input, ctx) => (await open()).recordProxy(actor(ctx), input),
      'certification.remoteKept': async (_input, ctx) => {
        const rows = (await open()).remoteKept();
        // The list names households; its audit row gives only how many were shown.
        (await deps.services()).auth.audit().append({
          actor: actor(ctx),
          action: 'certification.kept_list',
          targetType: 'roster',
          targetId: null,
          details: { results: rows.length },
        });
        return { rows };
      },
      'certification.retryKept': async (_input, ctx) => (await open()).retryKept(actor(ctx)),
    },
    async close() {
      await store.ready;
      unregister();
    },
  };
}
