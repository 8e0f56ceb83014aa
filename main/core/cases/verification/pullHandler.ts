import type { Db } from '../../kernel/store/types';
import { registerPullHandler } from '../../sync/capability';
import type { CaseService } from '../caseService';
import { applyVerificationItem } from './apply';
import { VerificationRepo } from './repo';

/**
 * Claim the platform's `verification.report` items (核对 results): each applied in the pull page's
 * transaction, once by the platform's id (apply.ts); an item that does not read is refused with the
 * typed error the engine logs, and kept in pulled_item. Returns the unregister function.
 */
export function registerVerificationPullHandler(serviceFor: (db: Db) => CaseService): () => void {
  return registerPullHandler('verification.report', (db, item) => {
    const svc = serviceFor(db);
    return applyVerificationItem(
      { repo: new VerificationRepo(db), cases: svc.repo, audit: (e) => svc.auditRead(e), now: () => svc.now() },
      item,
    );
  });
}
