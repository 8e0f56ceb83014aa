import type { Capability, CoreDeps } from '../capability';
import { perStore } from '../kernel/station/perStore';
import { CaseRepository } from '../cases/caseRepo';
import type { SessionCallContext } from '../context';
import { registerRosterPullHandler } from './pullHandler';
import { recipientConflicts } from './pulled';
import { RefusedImports } from './refusedImports';
import { RosterImportService } from './service';

type Methods =
  | 'rosterImport.preview'
  | 'rosterImport.confirm'
  | 'rosterImport.reports'
  | 'rosterImport.report'
  | 'rosterImport.recipientConflicts'
  | 'rosterImport.refused'
  | 'rosterImport.adoptPlatform';

const bytesOf = (base64: string) => Buffer.from(base64, 'base64');

/**
 * Roster import from the previous system's Excel export (main/core/rosterImport/README.md); the
 * dispatcher lets only holders of `roster.import` (the head) through. Registers the pull handler of
 * 'roster.recipient' items (the platform's current recipients of the station).
 */
export function rosterImportCapability(deps: CoreDeps): Capability<Methods> {
  const store = perStore(deps, 'roster', (s, db) => {
    const info = s.station.stationInfo();
    const cases = new CaseRepository(db);
    return {
      audit: s.auth.audit(),
      service: new RosterImportService({ db, clock: deps.clock, audit: s.auth.audit(), cases, regionCode: info?.regionCode ?? '000000' }),
      refused: new RefusedImports({ db, clock: deps.clock, audit: s.auth.audit(), cases }),
    };
  });
  const open = async () => (await store.open()).service;
  // The platform's current recipients of this station (roster.recipient), through the same writer.
  const unregister = registerRosterPullHandler(deps.pullHandlers, (db) => {
    const { audit, service } = store.forDb(db);
    return { db, clock: deps.clock, audit, service };
  });
  const actor = (ctx: SessionCallContext) => ctx.session.userId;
  return {
    handlers: {
      'rosterImport.preview': async (input, ctx) => (await open()).preview(actor(ctx), bytesOf(input.fileBase64)),
      'rosterImport.confirm': async (input, ctx) =>
        (await open()).confirm(actor(ctx), input.token, input.fileName, bytesOf(input.fileBase64)),
      'rosterImport.reports': async (_input, ctx) => (await open()).reports(actor(ctx)),
      'rosterImport.report': async (input, ctx) => (await open()).report(actor(ctx), input.id),
      'rosterImport.recipientConflicts': async (_input, ctx) => {
        const s = await deps.services();
        const rows = recipientConflicts(s.station.db);
        s.auth.audit().append({
          actor: actor(ctx),
          action: 'roster-import.conflicts_view',
          targetType: null,
          targetId: null,
          details: { rows: rows.length },
        });
        return { rows };
      },
      'rosterImport.refused': async (_input, ctx) => {
        const { audit, refused } = await store.open();
        const rows = refused.list();
        audit.append({
          actor: actor(ctx),
          action: 'roster-import.refused_view',
          targetType: null,
          targetId: null,
          details: { rows: rows.length },
        });
        return { rows };
      },
      'rosterImport.adoptPlatform': async (input, ctx) => (await store.open()).refused.adopt(actor(ctx), input.recordId),
    },
    async close() {
      await store.ready;
      unregister();
    },
  };
}
