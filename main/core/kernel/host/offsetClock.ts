import type { Clock } from '../../context';

/**
 * A clock `offsetMs` ahead of (or behind) the system clock, running forward in real time: the
 * browser shell's test clock (`--clock`, see main/browser/clockOption.ts). The offset, not the start
 * instant, crosses into the worker, so a restarted worker keeps the same time line.
 */
export function offsetClock(offsetMs: number, now: () => number = Date.now): Clock {
  return { now: () => new Date(now() + offsetMs) };
}
