import type { Db } from '../../kernel/store/types';
import type { PullHandlers } from '../../sync/capability';
import type { CasePulls } from '../pullCases';

/**
 * Claim the platform's `verification.report` items (核对 results): each applied in the pull page's
 * transaction, once by the platform's id (apply.ts, through CasePulls); an item that does not read is refused with the
 * typed error the engine logs, and kept in pulled_item. Returns the unregister function.
 */
export function registerVerificationPullHandler(handlers: PullHandlers, serviceFor: (db: Db) => { pulls: CasePulls }): () => void {
  return handlers.register('verification.report', (db, item) => serviceFor(db).pulls.verificationItem(item));
}
