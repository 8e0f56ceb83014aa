import type { Clock, Db } from '../../kernel/store/types';
import {
  blobCountsByState,
  blobQueueRow,
  deferredBlobCount,
  deferredBlobRows,
  dueBlobRows,
  earliestBlobRetryAt,
  enqueueBlob,
  updateBlobRow,
  type BlobQueueRow,
} from './blobQueueRepo';

export interface BlobRow {
  sha256: string;
  state: 'queued' | 'stored' | 'failed';
  priority: number;
  knownMissing: boolean;
  uploadUrl: string | null;
  bytesSent: number;
  attempts: number;
  error: string | null;
  /** A blob the platform deferred (upload quota): not tried again before this time (ISO). */
  retryAt: string | null;
}

/** The blobs this station owes the platform (sync_blob): queued by the push, sent by blobs.ts. */
export class BlobQueue {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private now = () => this.clock.now().toISOString();

  queue(sha256: string, priority: number, knownMissing: boolean): void {
    enqueueBlob(this.db, sha256, priority, knownMissing, this.now());
  }

  /** Queued blobs due now: those the platform deferred wait for their retry time. */
  due(): BlobRow[] {
    return dueBlobRows(this.db, this.now()).map(blobRow);
  }

  /** Queued blobs the platform deferred and that are not due yet, soonest first. */
  deferred(limit = 50): BlobRow[] {
    return deferredBlobRows(this.db, this.now(), limit).map(blobRow);
  }

  /** When the earliest deferred blob is due (ISO), or undefined when none is deferred. */
  nextRetryAt(): string | undefined {
    return earliestBlobRetryAt(this.db);
  }

  get(sha256: string): BlobRow | undefined {
    const r = blobQueueRow(this.db, sha256);
    return r ? blobRow(r) : undefined;
  }

  update(
    sha256: string,
    change: Partial<Pick<BlobRow, 'state' | 'uploadUrl' | 'error' | 'retryAt'>> & { addBytes?: number; addAttempt?: boolean },
  ): void {
    const cur = this.get(sha256);
    if (!cur) return;
    updateBlobRow(this.db, sha256, {
      state: change.state ?? cur.state,
      uploadUrl: change.uploadUrl !== undefined ? change.uploadUrl : cur.uploadUrl,
      error: change.error !== undefined ? change.error : cur.error,
      retryAt: change.retryAt !== undefined ? change.retryAt : change.state && change.state !== 'queued' ? null : cur.retryAt,
      addBytes: change.addBytes ?? 0,
      addAttempts: change.addAttempt ? 1 : 0,
      doneAt: change.state && change.state !== 'queued' ? this.now() : null,
    });
  }

  /** Blobs by state; `deferred` are the queued ones the platform deferred that are not due yet. */
  counts(): Record<BlobRow['state'] | 'deferred', number> {
    const out = { queued: 0, stored: 0, failed: 0, deferred: 0 };
    for (const r of blobCountsByState(this.db)) out[r.state as BlobRow['state']] = Number(r.n);
    out.deferred = deferredBlobCount(this.db, this.now());
    return out;
  }
}

function blobRow(r: BlobQueueRow): BlobRow {
  return {
    sha256: String(r['sha256']),
    state: r['state'] as BlobRow['state'],
    priority: Number(r['priority']),
    knownMissing: Number(r['known_missing']) === 1,
    uploadUrl: (r['upload_url'] as string | null) ?? null,
    bytesSent: Number(r['bytes_sent']),
    attempts: Number(r['attempts']),
    error: (r['error'] as string | null) ?? null,
    retryAt: (r['retry_at'] as string | null) ?? null,
  };
}
