import { JiuzhuError } from '../../../common/contract/errors';
import { rolesGrant } from '../../../common/contract/permissions';
import type { Capability, CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import type { CaseService } from '../cases/caseService';
import { stationCaseService } from '../cases/stationCaseService';
import { loadCaseResources, type CaseResources } from '../cases/resources';
import type { Db } from '../kernel/store/types';
import { exportTable, XLSX_MIME } from './exporter';
import { overview } from './overview';
import { StatsRepo } from './statsRepo';

export interface StatsCapabilityOptions {
  resourcesDir?: string;
}

/** Statistics and Excel export (main/core/stats/README.md). */
export function statsCapability(deps: CoreDeps, options: StatsCapabilityOptions = {}): Capability<'stats.overview' | 'stats.export'> {
  let resources: CaseResources | null = null;
  let cached: { db: Db; svc: CaseService } | null = null;
  const open = async () => {
    const s = await deps.services();
    const db = s.station.db;
    if (!cached || cached.db !== db) {
      resources ??= loadCaseResources(options.resourcesDir);
      cached = {
        db,
        svc: stationCaseService(s, db, deps.clock, resources),
      };
    }
    return { db, svc: cached.svc, audit: s.auth.audit() };
  };
  const session = (ctx: SessionCallContext) => ctx.session;

  return {
    handlers: {
      'stats.overview': async (input) => {
        const { db, svc } = await open();
        return overview(new StatsRepo(db), svc.counter(), svc.today(), input);
      },
      'stats.export': async (input, ctx) => {
        const who = session(ctx);
        const { svc, audit } = await open();
        const kind = input.table === 'stats' ? `stats.${input.section}` : input.table;
        if (input.full && !rolesGrant(who.roles, 'export.full')) {
          audit.append({ actor: who.userId, action: 'stats.export_refused', details: { kind, full: true } });
          throw new JiuzhuError('EXPORT_FULL_FORBIDDEN');
        }
        const out = await exportTable(svc, input);
        audit.append({ actor: who.userId, action: 'stats.export', details: { kind, rows: out.rows, masked: !input.full } });
        return { fileName: out.fileName, mime: XLSX_MIME, base64: out.bytes.toString('base64'), rows: out.rows, masked: !input.full };
      },
    },
  };
}
