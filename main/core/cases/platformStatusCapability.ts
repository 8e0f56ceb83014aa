import { JiuzhuError } from '../../../common/contract/errors';
import type { Capability, CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import { perStore } from '../kernel/station/perStore';
import type { Db } from '../kernel/store/types';
import type { PlatformStatusApplyDeps } from './platformStatus/apply';
import { PlatformStatusRepo } from './platformStatus/platformStatusRepo';
import { registerPlatformStatusPullHandler } from './platformStatus/pullHandler';
import { casePlatformStatus, platformStatusList } from './platformStatus/view';

type Methods = 'cases.platformStatus' | 'cases.platformStatuses';

/**
 * What the platform last said about each case (main/core/cases/README.md, "Platform status"):
 * registers the pull handler of `case.status` items, applied inside the pull page's transaction,
 * and serves the case page's 平台状态 and the sync centre's list. Both reads are audited (who looked
 * at which case, or at the list with which filter and how many rows).
 */
export function platformStatusCapability(deps: CoreDeps): Capability<Methods> {
  const store = perStore(deps, 'platform status', (s, db: Db): PlatformStatusApplyDeps => ({
    repo: new PlatformStatusRepo(db),
    audit: (e) => s.auth.audit().append(e),
    now: () => deps.clock.now().toISOString(),
  }));
  const unregister = registerPlatformStatusPullHandler(deps.pullHandlers, store.forDb);
  const actor = (ctx: SessionCallContext) => ctx.session.userId;

  return {
    handlers: {
      'cases.platformStatus': async (input, ctx) => {
        const d = await store.open();
        if (!d.repo.holdsCase(input.caseId)) throw new JiuzhuError('CASE_NOT_FOUND');
        const view = casePlatformStatus(d.repo, input.caseId);
        d.audit({
          actor: actor(ctx),
          action: 'cases.platform_status',
          targetType: 'case',
          targetId: input.caseId,
          details: { changes: view.history.length },
        });
        return view;
      },
      'cases.platformStatuses': async (input, ctx) => {
        const d = await store.open();
        const out = platformStatusList(d.repo, input.status, input.limit);
        d.audit({
          actor: actor(ctx),
          action: 'cases.platform_statuses',
          targetType: 'case',
          targetId: null,
          details: { filter: input.status, results: out.rows.length },
        });
        return out;
      },
    },
    async close() {
      await store.ready;
      unregister();
    },
  };
}
