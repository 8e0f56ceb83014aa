import type { Db } from '../kernel/store/types';
import type { PullHandlers } from '../sync/capability';
import { applyPulledRecipient, type PulledDeps } from './pulled';

/**
 * Claim the platform's 'roster.recipient' items (its current recipients of this station), applied
 * in the pull page's transaction, once per head (pulled.ts). Returns the unregister function.
 */
export function registerRosterPullHandler(handlers: PullHandlers, depsFor: (db: Db) => PulledDeps): () => void {
  return handlers.register('roster.recipient', (db, item) => applyPulledRecipient(depsFor(db), item));
}
