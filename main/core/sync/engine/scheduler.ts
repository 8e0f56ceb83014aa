import type { Clock } from '../../kernel/store/types';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { SyncEngine } from './engine';
import { latestWindow } from './windows';

/** While the platform holds this device pending (its admin has not confirmed the re-enrolment), ask again this often. */
export const PENDING_POLL_MS = 5 * 60_000;

/**
 * Runs the engine at the scheduled windows, each after a random delay of 0..jitterMinutes, and
 * retries a failed scheduled run with full-jitter backoff (never before the platform's
 * Retry-After). The store is open only while someone is logged in: a window that passes while
 * nobody is logged in runs at the next tick after a login (once, however many windows were
 * missed). Window bookkeeping is in the store. Besides: a device the platform holds pending is
 * asked about every PENDING_POLL_MS, so syncing resumes by itself once the admin confirms; and a
 * blob the platform deferred (upload quota) gets a run when its retry time comes.
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
    const lastRunAt = Date.parse(this.engine.runs().recent(1)[0]?.startedAt ?? '') || 0;
    const blobDue = Date.parse(this.engine.blobs().nextRetryAt() ?? '') || undefined;
    const settings = state.settings();
    const window = latestWindow(now, settings.windows)?.getTime();
    const handled = Number(state.get('lastWindowAt') ?? 0);
    let trigger: 'window' | 'retry' | undefined;
    if (window !== undefined && window > handled) {
      if (this.pending?.window !== window)
        this.pending = { window, startAt: window + Math.floor((this.options.random ?? Math.random)() * settings.jitterMinutes * 60_000) };
      if (now.getTime() >= this.pending.startAt) {
        state.set('lastWindowAt', String(window));
        trigger = 'window';
      }
    } else if (retryAt && now.getTime() >= retryAt) trigger = 'retry';
    else if (state.registration()?.status === 'pending' && now.getTime() - lastRunAt >= PENDING_POLL_MS) trigger = 'retry';
    // A deferred blob whose time came after the last run started (a run since would have tried it).
    else if (blobDue !== undefined && now.getTime() >= blobDue && lastRunAt < blobDue) trigger = 'retry';
    if (!trigger) return undefined;
    const result = await this.engine.run(trigger);
    const after = this.engine.state();
    if (result.outcome === 'failed') {
      const failures = Number(after.get('failures') ?? 0) + 1;
      after.set('failures', String(failures));
      after.set(
        'retryAt',
        String(
          this.clock.now().getTime() +
            backoffDelay(failures, this.options.backoff ?? { ...DEFAULT_BACKOFF, baseMs: 60_000 }, result.retryAfterMs),
        ),
      );
    } else {
      // ok, partial, cancelled; pending has its own pace (above).
      after.set('retryAt', null);
      after.set('failures', null);
    }
    return trigger;
  }
}
