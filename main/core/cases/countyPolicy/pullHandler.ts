import type { Db } from '../../kernel/store/types';
import type { PullHandlers } from '../../sync/capability';
import type { CaseService } from '../caseService';
import { applyPolicyItem } from './applyPolicy';

/** Claim the county's single parameters (`policy` items). Returns the unregister function. */
export function registerPolicyPullHandler(handlers: PullHandlers, serviceFor: (db: Db) => CaseService): () => void {
  return handlers.register('policy', (db, item) => {
    const svc = serviceFor(db);
    return applyPolicyItem(db, item, svc.now(), (details) =>
      svc.auditRead({ actor: 'platform', action: 'policy.received', targetType: 'policy', targetId: String(details['key']), details }),
    );
  });
}
