import type { Capability, CoreDeps } from '../capability';
import { perStore } from '../kernel/station/perStore';
import { stationCaseService } from '../cases/stationCaseService';
import { loadCaseResources, type CaseResources } from '../cases/resources';
import type { SessionCallContext } from '../context';
import { registerOnlineApplicationsPullHandler } from './pullHandler';
import { OnlineApplicationsService } from './service';

type Methods = 'onlineApplications.list' | 'onlineApplications.get' | 'onlineApplications.startIntake';

/**
 * The 待受理 queue of online applications (main/core/onlineApplications/README.md); registers the
 * pull handler of `application.online` items, applied inside the pull page's transaction. The
 * dispatcher lets only holders of `case.write` (the intake's permission) through.
 */
export function onlineApplicationsCapability(deps: CoreDeps, options: { resourcesDir?: string } = {}): Capability<Methods> {
  let resources: CaseResources | null = null;
  const store = perStore(deps, 'online applications', (s, db) => {
    resources ??= loadCaseResources(options.resourcesDir);
    return new OnlineApplicationsService({
      cases: stationCaseService(s, db, deps.clock, resources),
      clock: deps.clock,
      audit: s.auth.audit(),
    });
  });
  const open = store.open;
  const unregister = registerOnlineApplicationsPullHandler(deps.pullHandlers, store.forDb);
  const actor = (ctx: SessionCallContext) => ctx.session.userId;

  return {
    handlers: {
      'onlineApplications.list': async (input, ctx) => (await open()).list(actor(ctx), input.show),
      'onlineApplications.get': async (input, ctx) => (await open()).get(actor(ctx), input.id),
      'onlineApplications.startIntake': async (input, ctx) => (await open()).startIntake(actor(ctx), input.id),
    },
    async close() {
      await store.ready;
      unregister();
    },
  };
}
