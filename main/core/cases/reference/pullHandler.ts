import { REFERENCE_TABLES } from '../../../../common/cases/referenceTables';
import type { Db } from '../../kernel/store/types';
import type { PullHandlers } from '../../sync/capability';
import type { CaseService } from '../caseService';
import { applyReferenceItem } from './applyReference';

/**
 * Claim the county's reference tables (`reference` items of tables standards, materials and
 * policy-texts). Returns the unregister function.
 */
export function registerReferencePullHandlers(handlers: PullHandlers, serviceFor: (db: Db) => CaseService): () => void {
  const offs = Object.values(REFERENCE_TABLES).map((table) =>
    handlers.register(`reference:${table}`, (db, item) => {
      const svc = serviceFor(db);
      return applyReferenceItem(db, table, item, svc.now(), (details) =>
        svc.auditRead({ actor: 'platform', action: 'reference.received', targetType: 'reference', targetId: table, details }),
      );
    }),
  );
  return () => offs.forEach((off) => off());
}
