import type { Clock, Db } from '../../kernel/store/types';
import { cancelRunningRuns, closeRun, insertRun, recentRunRows } from './runRepo';
import { writeSyncValue } from './syncStateRepo';

/**
 * `partial`: the cycle finished but records came back (conflict, rejected) or blobs failed or were
 * deferred. `pending`: stopped because the platform's admin has not confirmed this device yet (not a failure).
 */
export type RunOutcome = 'running' | 'ok' | 'partial' | 'failed' | 'cancelled' | 'pending';

export interface RunSummary {
  pushed: number;
  acknowledged: number;
  rejected: number;
  conflicts: number;
  blobsSent: number;
  blobsSkipped: number;
  /** Blobs the platform deferred in this run (upload quota); they stay queued until their retry time. */
  blobsDeferred: number;
  bytesSent: number;
  bytesReceived: number;
  pulled: number;
  retries: number;
}

export const emptySummary = (): RunSummary => ({
  pushed: 0,
  acknowledged: 0,
  rejected: 0,
  conflicts: 0,
  blobsSent: 0,
  blobsSkipped: 0,
  blobsDeferred: 0,
  bytesSent: 0,
  bytesReceived: 0,
  pulled: 0,
  retries: 0,
});

export interface RunRow {
  id: number;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: RunOutcome;
  summary: RunSummary;
  errorCode: string | null;
  errorMessage: string | null;
}

/** The log of sync runs (sync_run), as the sync centre and the scheduler read it. */
export class SyncRuns {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private now = () => this.clock.now().toISOString();

  start(trigger: string): number {
    return insertRun(this.db, trigger, this.now());
  }

  finish(id: number, outcome: RunOutcome, summary: RunSummary, error?: { code: string; message: string }): void {
    closeRun(this.db, id, {
      finishedAt: this.now(),
      outcome,
      summaryJson: JSON.stringify(summary),
      errorCode: error?.code ?? null,
      errorMessage: error?.message ?? null,
    });
    // A partial run reached the platform and finished its cycle: what it left is in the run's counts.
    if (outcome === 'ok' || outcome === 'partial') writeSyncValue(this.db, 'lastSuccessAt', this.now());
  }

  recent(limit: number): RunRow[] {
    return recentRunRows(this.db, limit).map((r) => ({
      id: Number(r['id']),
      trigger: String(r['trigger']),
      startedAt: String(r['started_at']),
      finishedAt: (r['finished_at'] as string | null) ?? null,
      outcome: r['outcome'] as RunOutcome,
      summary: { ...emptySummary(), ...(JSON.parse(String(r['summary'])) as Partial<RunSummary>) },
      errorCode: (r['error_code'] as string | null) ?? null,
      errorMessage: (r['error_message'] as string | null) ?? null,
    }));
  }

  /** Runs left 'running' by a crash or a closed store are closed as cancelled at the next start. */
  closeAbandoned(): void {
    cancelRunningRuns(this.db, this.now());
  }
}
