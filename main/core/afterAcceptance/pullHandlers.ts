import { JiuzhuError } from '../../../common/contract/errors';
import type { Db } from '../kernel/store/types';
import type { PullHandlers } from '../sync/capability';
import type { AfterAcceptanceService } from './service';

/**
 * Claim the platform's 'decision', 'change-decision' and 'warning' items: each is applied (or
 * recorded as not applicable with its zh-CN reason, and a decision sent back to the platform as a
 * `decision.refusal` record) in the pull page's transaction; an item that does not read with its
 * kind's schema is refused with the typed error the engine logs, and kept in pulled_item like any
 * unclaimed kind. Returns the unregister function.
 */
export function registerAfterAcceptancePullHandlers(handlers: PullHandlers, serviceFor: (db: Db) => AfterAcceptanceService): () => void {
  const refusal = (r: unknown) => (r instanceof JiuzhuError ? r : undefined);
  const off = [
    handlers.register('decision', (db, item) => refusal(serviceFor(db).pulledDecision(item))),
    handlers.register('change-decision', (db, item) => refusal(serviceFor(db).pulledChangeDecision(item))),
    handlers.register('warning', (db, item) => refusal(serviceFor(db).pulledWarning(item))),
  ];
  return () => off.forEach((f) => f());
}
