import { JiuzhuError } from '../../../common/contract/errors';
import { registerPullHandler } from '../sync/capability';
import type { Db } from '../kernel/store/types';
import type { CaseService } from './caseService';
import { applyPulledCase } from './pullCases';
import { applyKeptFor } from './verification/apply';
import { VerificationRepo } from './verification/repo';

/**
 * Claim the platform's `case` items (the station's cases from any of its counters): each is
 * applied in the pull page's transaction (pullCases.ts); an item that does not read is refused
 * (the typed error is returned to the engine, which keeps the item in pulled_item). No reset on mustRefetch: the local case tables are kept and
 * the items pulled again are applied by version (a case takes the higher version). Returns the
 * unregister function.
 */
export function registerCasePullHandler(serviceFor: (db: Db) => CaseService): () => void {
  return registerPullHandler('case', (db, item) => {
    const svc = serviceFor(db);
    const result = applyPulledCase(svc, item);
    if (result instanceof JiuzhuError) return result;
    // A 核对 report that came before its case is applied now that the case is here.
    const caseId = (item as { caseId?: unknown }).caseId;
    if (typeof caseId === 'string' && svc.repo.get(caseId))
      applyKeptFor({ repo: new VerificationRepo(db), cases: svc.repo, audit: (e) => svc.auditRead(e), now: () => svc.now() }, caseId);
  });
}
