import { JiuzhuError } from '../../../common/contract/errors';
import type { PullHandlers } from '../sync/capability';
import type { Db } from '../kernel/store/types';
import type { CasePulls } from './pullCases';

/**
 * Claim the platform's `case` items (the station's cases from any of its counters): each is
 * applied in the pull page's transaction (pullCases.ts); an item that does not read is refused
 * (the typed error is returned to the engine, which keeps the item in pulled_item). No reset on mustRefetch: the local case tables are kept and
 * the items pulled again are applied by version (a case takes the higher version). Returns the
 * unregister function.
 */
export function registerCasePullHandler(handlers: PullHandlers, serviceFor: (db: Db) => { pulls: CasePulls }): () => void {
  return handlers.register('case', (db, item) => {
    const result = serviceFor(db).pulls.caseItem(item);
    if (result instanceof JiuzhuError) return result;
  });
}
