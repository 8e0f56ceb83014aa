import { useSyncExternalStore } from 'react';
import type { EventPayload } from '../../../common/contract/events';
import { getBridge } from './bridge';

export interface CoreStatus {
  connected: boolean;
  ready: EventPayload<'core.ready'> | null;
}

/**
 * The link to core, followed once per page for the page's whole life: core greets a new event
 * connection with `core.ready` only once, so a header mounted later (after a logout and a new
 * login in the same window) must read the status kept here, not wait for a greeting that has passed.
 */
let status: CoreStatus = { connected: false, ready: null };
const listeners = new Set<() => void>();
let following = false;

/** Start following at page start (main.tsx), before anything else opens the event channel. */
export function followCoreStatus(): void {
  if (following) return;
  following = true;
  const bridge = getBridge();
  const set = (next: CoreStatus) => {
    status = next;
    for (const listener of listeners) listener();
  };
  bridge.onEvent((event) => {
    if (event.event === 'core.ready') set({ connected: true, ready: event.payload });
  });
  bridge.onConnectionChange?.((connected) => set({ ...status, connected }));
}

function subscribe(listener: () => void): () => void {
  followCoreStatus();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Core's greeting, and the link dropping and coming back. */
export function useCoreStatus(): CoreStatus {
  return useSyncExternalStore(subscribe, () => status);
}
