import type { Db } from '../../kernel/store/types';

/** The sync_blob table: blobs waiting to go up to the platform, by priority. */

export type BlobQueueRow = Record<string, unknown>;

export function enqueueBlob(db: Db, sha256: string, priority: number, knownMissing: boolean, queuedAt: string): void {
  db.prepare(
    `INSERT INTO sync_blob (sha256, priority, known_missing, queued_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(sha256) DO UPDATE SET known_missing = MAX(known_missing, excluded.known_missing),
       priority = MIN(priority, excluded.priority),
       state = CASE WHEN state = 'stored' AND excluded.known_missing = 1 THEN 'queued' ELSE state END`,
  ).run(sha256, priority, knownMissing ? 1 : 0, queuedAt);
}

export function dueBlobRows(db: Db, now: string): BlobQueueRow[] {
  return db
    .prepare("SELECT * FROM sync_blob WHERE state = 'queued' AND (retry_at IS NULL OR retry_at <= ?) ORDER BY priority, queued_at, sha256")
    .all(now) as BlobQueueRow[];
}

export function deferredBlobRows(db: Db, now: string, limit: number): BlobQueueRow[] {
  return db
    .prepare("SELECT * FROM sync_blob WHERE state = 'queued' AND retry_at > ? ORDER BY retry_at, sha256 LIMIT ?")
    .all(now, limit) as BlobQueueRow[];
}

export function earliestBlobRetryAt(db: Db): string | undefined {
  const r = db.prepare("SELECT min(retry_at) AS at FROM sync_blob WHERE state = 'queued' AND retry_at IS NOT NULL").get() as {
    at: string | null;
  };
  return r.at ?? undefined;
}

export function blobQueueRow(db: Db, sha256: string): BlobQueueRow | undefined {
  return db.prepare('SELECT * FROM sync_blob WHERE sha256 = ?').get(sha256) as BlobQueueRow | undefined;
}

export interface BlobRowUpdate {
  state: string;
  uploadUrl: string | null;
  error: string | null;
  retryAt: string | null;
  addBytes: number;
  addAttempts: number;
  doneAt: string | null;
}

export function updateBlobRow(db: Db, sha256: string, u: BlobRowUpdate): void {
  db.prepare(
    'UPDATE sync_blob SET state = ?, upload_url = ?, error = ?, retry_at = ?, bytes_sent = bytes_sent + ?, attempts = attempts + ?, done_at = ? WHERE sha256 = ?',
  ).run(u.state, u.uploadUrl, u.error, u.retryAt, u.addBytes, u.addAttempts, u.doneAt, sha256);
}

export function blobCountsByState(db: Db): Array<{ state: string; n: number }> {
  return db.prepare('SELECT state, count(*) AS n FROM sync_blob GROUP BY state').all() as Array<{ state: string; n: number }>;
}

export function deferredBlobCount(db: Db, now: string): number {
  return Number((db.prepare("SELECT count(*) AS n FROM sync_blob WHERE state = 'queued' AND retry_at > ?").get(now) as { n: number }).n);
}

/** A new registration: queued blobs start new uploads (the old device's upload paths are not ours). */
export function forgetBlobUploads(db: Db): void {
  db.prepare("UPDATE sync_blob SET upload_url = NULL, retry_at = NULL WHERE state = 'queued'").run();
}
