import type { Db } from '../store/types';
import type { Clock } from '../store/types';
import { registerPullHandler } from '../sync/capability';
import { storePulledItem } from '../sync/index';
import type { AfterAcceptanceService } from './service';

/**
 * Claim the platform's 'decision', 'change-decision' and 'warning' items: each is applied (or
 * recorded as not applicable with its zh-CN reason, and a decision sent back to the platform as a
 * `decision.refusal` record) in the pull page's transaction; an item that does not parse
 * is kept in pulled_item like any unclaimed kind. Returns the unregister function.
 */
export function registerAfterAcceptancePullHandlers(serviceFor: (db: Db) => AfterAcceptanceService, clock: Clock): () => void {
  const keep = (db: Db, item: Parameters<typeof storePulledItem>[1]) => storePulledItem(db, item, clock.now().toISOString());
  const off = [
    registerPullHandler('decision', (db, item) => {
      if (serviceFor(db).pulledDecision(item) === 'malformed') keep(db, item);
    }),
    registerPullHandler('change-decision', (db, item) => {
      if (serviceFor(db).pulledChangeDecision(item) === 'malformed') keep(db, item);
    }),
    registerPullHandler('warning', (db, item) => {
      if (serviceFor(db).pulledWarning(item) === 'malformed') keep(db, item);
    }),
  ];
  return () => off.forEach((f) => f());
}
