import type { Db } from '../kernel/store/types';
import type { PullHandlers } from '../sync/capability';
import type { OnlineApplicationsService } from './service';

/**
 * Claim the platform's `application.online` items: each is kept once by its application id in the
 * 待受理 queue, in the pull page's transaction (receive.ts); an item that does not read with its
 * schema is refused with the typed error the engine logs, and kept in pulled_item. Returns the
 * unregister function.
 */
export function registerOnlineApplicationsPullHandler(
  handlers: PullHandlers,
  serviceFor: (db: Db) => OnlineApplicationsService,
): () => void {
  return handlers.register('application.online', (db, item) => serviceFor(db).pulled(item));
}
