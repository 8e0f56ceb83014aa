import { JiuzhuError } from '../../common/contract/errors';

/** At most `max` counted events per key in any `windowSeconds`. */
export interface RateRule {
  max: number;
  windowSeconds: number;
}

/**
 * Counts events per key (a source address, an enrolment code, a device) in a sliding window on
 * the platform's clock, keeping at most `max` times per key. In memory: a restart forgets, which
 * only ever gives an attacker one more window.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { times: number[]; windowMs: number }>();

  constructor(private readonly now: () => number) {}

  /** Seconds until `key` may act again under `rule`; 0 when it may now. */
  wait(key: string, rule: RateRule): number {
    const entry = this.hits.get(key);
    if (!entry || entry.times.length < rule.max) return 0;
    const oldest = entry.times[entry.times.length - rule.max]!;
    const left = oldest + rule.windowSeconds * 1000 - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Refuse with `429 SYNC_RATE_LIMITED` (and `Retry-After`) when `key` is over `rule`. */
  check(key: string, rule: RateRule): void {
    const seconds = this.wait(key, rule);
    if (seconds > 0) throw new JiuzhuError('SYNC_RATE_LIMITED', { seconds }, { retryAfter: seconds });
  }

  /** Count one event of `key`. */
  hit(key: string, rule: RateRule): void {
    const now = this.now();
    const entry = this.hits.get(key) ?? { times: [], windowMs: rule.windowSeconds * 1000 };
    entry.times.push(now);
    if (entry.times.length > rule.max) entry.times.splice(0, entry.times.length - rule.max);
    entry.windowMs = Math.max(entry.windowMs, rule.windowSeconds * 1000);
    this.hits.set(key, entry);
  }

  /** Forget keys whose last event is outside their window (the sweeper calls this). */
  prune(): number {
    const now = this.now();
    let dropped = 0;
    for (const [key, entry] of this.hits)
      if (entry.times.at(-1)! + entry.windowMs <= now) {
        this.hits.delete(key);
        dropped++;
      }
    return dropped;
  }

  get size(): number {
    return this.hits.size;
  }
}
