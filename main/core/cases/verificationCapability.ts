import type { Capability, CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import { perStore } from '../kernel/station/perStore';
import { keptReports } from './verification/kept';
import { VerificationRepo } from './verification/repo';

/**
 * The 核对 reports kept aside (main/core/cases/README.md, "核对 results"): the sync centre's list of
 * the reports whose case is not here. The read is audited with the number of rows only — the list
 * names households, and the audit row names none.
 */
export function verificationCapability(deps: CoreDeps): Capability<'verification.kept'> {
  const store = perStore(deps, 'verification', (s, db) => ({ repo: new VerificationRepo(db), audit: () => s.auth.audit() }));
  const actor = (ctx: SessionCallContext) => ctx.session.userId;
  return {
    handlers: {
      'verification.kept': async (_input, ctx) => {
        const d = await store.open();
        const rows = keptReports(d.repo);
        d.audit().append({
          actor: actor(ctx),
          action: 'verification.kept_list',
          targetType: 'case',
          targetId: null,
          details: { results: rows.length },
        });
        return { rows };
      },
    },
    async close() {
      await store.ready;
    },
  };
}
