import type { Capability, CoreDeps } from '../capability';
import { CaseService } from '../cases/caseService';
import { loadCaseResources, type CaseResources } from '../cases/resources';
import type { SessionCallContext } from '../context';
import type { StationServices } from '../station/stationServices';
import type { Db } from '../store/types';
import { registerOnlineApplicationsPullHandler } from './pullHandler';
import { OnlineApplicationsService } from './service';

type Methods = 'onlineApplications.list' | 'onlineApplications.get' | 'onlineApplications.startIntake';

/**
 * The 待受理 queue of online applications (main/core/onlineApplications/README.md); registers the
 * pull handler of `application.online` items, applied inside the pull page's transaction. The
 * dispatcher lets only holders of `case.write` (the intake's permission) through.
 */
export function onlineApplicationsCapability(deps: CoreDeps, options: { resourcesDir?: string } = {}): Capability<Methods> {
  let cached: { db: Db; svc: OnlineApplicationsService } | null = null;
  let resources: CaseResources | null = null;
  let services: StationServices | null = null;
  // Resolved ahead so the (synchronous) pull handler can reach the audit log: sync runs only with a logged-in station.
  const ready = deps.services().then(
    (s) => (services = s),
    () => null,
  );
  const forDb = (s: StationServices, db: Db) => {
    if (!cached || cached.db !== db) {
      resources ??= loadCaseResources(options.resourcesDir);
      const info = s.station.stationInfo();
      const cases = new CaseService({ db, clock: deps.clock, audit: s.auth.audit(), resources, station: { name: info?.name ?? '', regionCode: info?.regionCode ?? '000000' } });
      cached = { db, svc: new OnlineApplicationsService({ cases, clock: deps.clock, audit: s.auth.audit() }) };
    }
    return cached.svc;
  };
  const open = async () => {
    const s = await deps.services();
    return forDb(s, s.station.db);
  };
  const unregister = registerOnlineApplicationsPullHandler((db) => {
    if (!services) throw new Error('online applications pull handler ran before the station services were ready');
    return forDb(services, db);
  });
  const actor = (ctx: SessionCallContext) => ctx.session.userId;

  return {
    handlers: {
      'onlineApplications.list': async (input, ctx) => (await open()).list(actor(ctx), input.show),
      'onlineApplications.get': async (input, ctx) => (await open()).get(actor(ctx), input.id),
      'onlineApplications.startIntake': async (input, ctx) => (await open()).startIntake(actor(ctx), input.id),
    },
    async close() {
      await ready;
      unregister();
    },
  };
}
