import { registerPullHandler } from '../sync/capability';
import { storePulledItem } from '../sync/index';
import type { Clock, Db } from '../store/types';
import type { CaseService } from './caseService';
import { applyPulledCase } from './pullCases';

/**
 * Claim the platform's `case` items (the station's cases from any of its counters): each is
 * applied in the pull page's transaction (pullCases.ts); an item that does not parse is kept in
 * pulled_item like any unclaimed kind. No reset on mustRefetch: the local case tables are kept and
 * the items pulled again are applied by version (a case takes the higher version). Returns the
 * unregister function.
 */
export function registerCasePullHandler(serviceFor: (db: Db) => CaseService, clock: Clock): () => void {
  return registerPullHandler('case', (db, item) => {
    if (applyPulledCase(serviceFor(db), item) === 'malformed') storePulledItem(db, item, clock.now().toISOString());
  });
}
