/**
 * Full-jitter exponential backoff (Brooker 2015): sleep = random(0, min(cap, base·2^attempt)),
 * never shorter than the platform's Retry-After. The attempt counter resets after any success.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2000, capMs: 15 * 60_000 };

export function backoffDelay(attempt: number, options: BackoffOptions, retryAfterMs?: number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor((options.random ?? Math.random)() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
