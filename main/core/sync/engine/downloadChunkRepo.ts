import type { Db } from '../../kernel/store/types';

/** The sync_download_chunk table: the ciphertext of a blob download as it arrives, so a cut download resumes. */

/** Bytes of this blob's ciphertext already here. */
export function downloadedBytes(db: Db, sha256: string): number {
  return (db.prepare('SELECT coalesce(sum(length(data)), 0) AS n FROM sync_download_chunk WHERE sha256 = ?').get(sha256) as { n: number })
    .n;
}

/** A writer of the pieces of one download (prepared once, run per piece). */
export function downloadChunkWriter(db: Db): (sha256: string, offset: number, data: Buffer) => void {
  const insert = db.prepare('INSERT OR REPLACE INTO sync_download_chunk (sha256, offset, data) VALUES (?, ?, ?)');
  return (sha256, offset, data) => void insert.run(sha256, offset, data);
}

export function downloadChunks(db: Db, sha256: string): Array<{ offset: number; data: Buffer }> {
  return db.prepare('SELECT offset, data FROM sync_download_chunk WHERE sha256 = ? ORDER BY offset').all(sha256) as Array<{
    offset: number;
    data: Buffer;
  }>;
}

export function dropDownloadChunks(db: Db, sha256: string): void {
  db.prepare('DELETE FROM sync_download_chunk WHERE sha256 = ?').run(sha256);
}
