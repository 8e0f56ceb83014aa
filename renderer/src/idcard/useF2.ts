import { useEffect, useRef } from 'react';

/**
 * F2, the counter's read-a-card key, on a page whose button says "(F2)": one window listener while
 * the page is shown (and `enabled`), calling the latest handler, so F2 works wherever the focus is.
 */
export function useF2(handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F2' || e.repeat) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
