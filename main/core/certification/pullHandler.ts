import type { Db } from '../kernel/store/types';
import type { PullHandlers } from '../sync/capability';
import type { CertificationService } from './service';

/**
 * Claim the platform's 'certification.remote' items (a 资格认证 made on the phone): applied in the
 * pull page's transaction, once by the platform's id (remote.ts); an item that does not read with its
 * schema is refused with the typed error the engine logs, and kept in pulled_item. Returns the
 * unregister function.
 */
export function registerCertificationPullHandler(handlers: PullHandlers, serviceFor: (db: Db) => CertificationService): () => void {
  return handlers.register('certification.remote', (db, item) => serviceFor(db).pulledRemote(item));
}
