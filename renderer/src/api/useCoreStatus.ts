import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../common/contract/events';
import { getBridge } from './bridge';

export interface CoreStatus {
  connected: boolean;
  ready: EventPayload<'core.ready'> | null;
}

/** Follows the event channel: core's greeting, and the link dropping and coming back. */
export function useCoreStatus(): CoreStatus {
  const [status, setStatus] = useState<CoreStatus>({ connected: false, ready: null });
  useEffect(() => {
    const bridge = getBridge();
    const offEvent = bridge.onEvent((event) => {
      if (event.event === 'core.ready') setStatus({ connected: true, ready: event.payload });
    });
    const offConnection = bridge.onConnectionChange?.((connected) => setStatus((s) => ({ ...s, connected })));
    return () => {
      offEvent();
      offConnection?.();
    };
  }, []);
  return status;
}
