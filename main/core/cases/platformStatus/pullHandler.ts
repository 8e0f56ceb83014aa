import type { Db } from '../../kernel/store/types';
import type { PullHandlers } from '../../sync/capability';
import { applyPlatformStatusItem, type PlatformStatusApplyDeps } from './apply';

/**
 * Claim the platform's `case.status` items: each kept in the pull page's transaction, once by the
 * platform's id (apply.ts); an item that does not read is refused with the typed error the engine
 * logs, and kept in pulled_item. No reset on mustRefetch: the same changes come again with the same
 * ids. Returns the unregister function.
 */
export function registerPlatformStatusPullHandler(handlers: PullHandlers, depsFor: (db: Db) => PlatformStatusApplyDeps): () => void {
  return handlers.register('case.status', (db, item) => applyPlatformStatusItem(depsFor(db), item));
}
