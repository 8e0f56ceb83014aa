import { useEffect } from 'react';
import { call } from '../api/client';

const EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;
const EVERY_MS = 30_000;

/**
 * A clerk typing a long form makes no API calls; tell core about keyboard and mouse activity
 * (at most every 30 s) so the idle lock means "nobody at the counter", not "no requests".
 */
export function useActivityHeartbeat(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < EVERY_MS) return;
      last = now;
      void call('session.touch', {}).catch(() => undefined);
    };
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onActivity);
    };
  }, [active]);
}
