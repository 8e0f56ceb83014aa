import type { Capability, CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import type { Db } from '../store/types';
import { CertificationService } from './service';

type Methods = 'certification.settings' | 'certification.setSettings' | 'certification.due' | 'certification.person' | 'certification.record' | 'certification.recordProxy';

/** 待遇资格认证 (main/core/certification/README.md): the county's schedule, the due list, counter and proxy certifications. */
export function certificationCapability(deps: CoreDeps): Capability<Methods> {
  let cached: { db: Db; svc: CertificationService } | null = null;
  const open = async () => {
    const s = await deps.services();
    const db = s.station.db;
    if (!cached || cached.db !== db) cached = { db, svc: new CertificationService({ db, clock: deps.clock, audit: s.auth.audit() }) };
    return cached.svc;
  };
  const actor = (ctx: SessionCallContext) => ctx.session.userId;

  return {
    handlers: {
      'certification.settings': async () => ({ settings: (await open()).settings() }),
      'certification.setSettings': async (input, ctx) => ({ settings: (await open()).setSettings(actor(ctx), input.settings) }),
      'certification.due': async (input, ctx) => {
        const svc = await open();
        const out = svc.dueList(input.filter, input.limit);
        (await deps.services()).auth.audit().append({ actor: actor(ctx), action: 'certification.due', targetType: 'roster', targetId: null, details: { filter: input.filter, results: out.rows.length } });
        return out;
      },
      'certification.person': async (input, ctx) => (await open()).view(actor(ctx), input.idNumber),
      'certification.record': async (input, ctx) => (await open()).recordCounter(actor(ctx), input),
      'certification.recordProxy': async (input, ctx) => (await open()).recordProxy(actor(ctx), input),
    },
  };
}
