import type { Clock } from '../../store/types';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { SyncEngine } from './engine';
import { latestWindow } from './windows';

/**
 * Runs the engine at the scheduled windows, each after a random delay of 0..jitterMinutes, and
 * retries a failed scheduled run with full-jitter backoff. The store is open only while someone
 * is logged in: a window that passes while nobody is logged in runs at the next tick after a
 * login (once, however many windows were missed). Window bookkeeping is in the store.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | undefined;
  /** The window currently waiting for its jitter, and when it may start. */
  private pending: { window: number; startAt: number } | undefined;

  constructor(
    private readonly engine: SyncEngine,
    private readonly clock: Clock,
    private readonly options: { random?: () => number; backoff?: BackoffOptions; isOpen: () => Promise<boolean> },
  ) {}

  start(intervalMs = 30_000): void {
    this.timer ??= setInterval(() => void this.tick().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One check; returns what it started (for tests), or undefined. */
  async tick(): Promise<'window' | 'retry' | undefined> {
    if (!(await this.options.isOpen()) || this.engine.running()) return undefined;
    const state = this.engine.state();
    if (!state.registration()) return undefined;
    const now = this.clock.now();
    const retryAt = Number(state.get('retryAt') ?? 0);
    const settings = state.settings();
    const window = latestWindow(now, settings.windows)?.getTime();
    const handled = Number(state.get('lastWindowAt') ?? 0);
    let trigger: 'window' | 'retry' | undefined;
    if (window !== undefined && window > handled) {
      if (this.pending?.window !== window) this.pending = { window, startAt: window + Math.floor((this.options.random ?? Math.random)() * settings.jitterMinutes * 60_000) };
      if (now.getTime() >= this.pending.startAt) {
        state.set('lastWindowAt', String(window));
        trigger = 'window';
      }
    } else if (retryAt && now.getTime() >= retryAt) trigger = 'retry';
    if (!trigger) return undefined;
    const result = await this.engine.run(trigger);
    const after = this.engine.state();
    if (result.outcome === 'ok' || result.outcome === 'partial' || result.outcome === 'cancelled') {
      after.set('retryAt', null);
      after.set('failures', null);
    } else {
      const failures = Number(after.get('failures') ?? 0) + 1;
      after.set('failures', String(failures));
      after.set('retryAt', String(this.clock.now().getTime() + backoffDelay(failures, this.options.backoff ?? { ...DEFAULT_BACKOFF, baseMs: 60_000 }, undefined)));
    }
    return trigger;
  }
}
