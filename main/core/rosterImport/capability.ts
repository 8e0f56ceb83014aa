import type { Capability, CoreDeps } from '../capability';
import { CaseRepository } from '../cases/caseRepo';
import type { SessionCallContext } from '../context';
import type { Db } from '../store/types';
import type { StationServices } from '../station/stationServices';
import { registerRosterPullHandler } from './pullHandler';
import { recipientConflicts } from './pulled';
import { RosterImportService } from './service';

type Methods = 'rosterImport.preview' | 'rosterImport.confirm' | 'rosterImport.reports' | 'rosterImport.report' | 'rosterImport.recipientConflicts';

const bytesOf = (base64: string) => Buffer.from(base64, 'base64');

/**
 * Roster import from the previous system's Excel export (main/core/rosterImport/README.md); the
 * dispatcher lets only holders of `roster.import` (the head) through. Registers the pull handler of
 * 'roster.recipient' items (the platform's current recipients of the station).
 */
export function rosterImportCapability(deps: CoreDeps): Capability<Methods> {
  let cached: { db: Db; svc: RosterImportService } | null = null;
  let services: StationServices | null = null;
  // Resolved ahead so the (synchronous) pull handler reaches the audit log: sync runs only with a logged-in station.
  const ready = deps.services().then(
    (s) => (services = s),
    () => null,
  );
  const forDb = (s: StationServices, db: Db) => {
    if (!cached || cached.db !== db) {
      const info = s.station.stationInfo();
      cached = { db, svc: new RosterImportService({ db, clock: deps.clock, audit: s.auth.audit(), cases: new CaseRepository(db), regionCode: info?.regionCode ?? '000000' }) };
    }
    return cached.svc;
  };
  const open = async () => {
    const s = await deps.services();
    return forDb(s, s.station.db);
  };
  // The platform's current recipients of this station (roster.recipient), through the same writer.
  const unregister = registerRosterPullHandler((db) => {
    if (!services) throw new Error('roster pull handler ran before the station services were ready');
    return { db, clock: deps.clock, audit: services.auth.audit(), service: forDb(services, db) };
  });
  const actor = (ctx: SessionCallContext) => ctx.session.userId;
  return {
    handlers: {
      'rosterImport.preview': async (input, ctx) => (await open()).preview(actor(ctx), bytesOf(input.fileBase64)),
      'rosterImport.confirm': async (input, ctx) => (await open()).confirm(actor(ctx), input.token, input.fileName, bytesOf(input.fileBase64)),
      'rosterImport.reports': async (_input, ctx) => (await open()).reports(actor(ctx)),
      'rosterImport.report': async (input, ctx) => (await open()).report(actor(ctx), input.id),
      'rosterImport.recipientConflicts': async (_input, ctx) => {
        const s = await deps.services();
        const rows = recipientConflicts(s.station.db);
        s.auth.audit().append({ actor: actor(ctx), action: 'roster-import.conflicts_view', targetType: null, targetId: null, details: { rows: rows.length } });
        return { rows };
      },
    },
    async close() {
      await ready;
      unregister();
    },
  };
}
