import { useEffect, useRef } from 'react';

/**
 * The applicant walked away: no touch for `idleMs`, or the question's time (`expiresAt`) ran out.
 * Each touch (pointer or key) restarts the idle count; `onGone` runs once per view.
 */
export function useWalkAway(viewId: string, idleMs: number, expiresAt: string, onGone: () => void): void {
  const gone = useRef(onGone);
  gone.current = onGone;
  useEffect(() => {
    let fired = false;
    const fire = () => {
      if (fired) return;
      fired = true;
      gone.current();
    };
    let idle = setTimeout(fire, idleMs);
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(fire, idleMs);
    };
    const lapse = setTimeout(fire, Math.max(0, Date.parse(expiresAt) - Date.now()));
    window.addEventListener('pointerdown', touch);
    window.addEventListener('keydown', touch);
    return () => {
      clearTimeout(idle);
      clearTimeout(lapse);
      window.removeEventListener('pointerdown', touch);
      window.removeEventListener('keydown', touch);
    };
  }, [viewId, idleMs, expiresAt]);
}
