import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformDeps } from '../context';
import { uploadPath } from '../blob/paths';

export interface SweepReport {
  /** Expired sessions deleted. */
  sessions: number;
  /** Expired uploads deleted (unfinished ones with their partial files, and finished ones). */
  uploads: number;
  /** Partial files deleted: of expired uploads, and older ones no upload row names (a crash between file and row). */
  partialFiles: number;
  /** Rate-limit counters forgotten (their window is over). */
  limiterKeys: number;
}

/**
 * Delete what has expired, on the platform's clock: sessions, uploads (an upload in use by a
 * request is left for the next round) and their partial files, orphaned partial files older than
 * an upload's lifetime, and rate-limit counters whose window is over.
 */
export async function sweepExpired(deps: PlatformDeps): Promise<SweepReport> {
  const now = deps.now();
  const inUse = deps.uploadLocks.inUse();
  const swept = await deps.store.sweepExpired(now, inUse);
  let partialFiles = 0;
  for (const id of swept.openUploads) {
    await rm(uploadPath(deps.dataDir, id), { force: true });
    partialFiles++;
  }
  const dir = join(deps.dataDir, 'uploads');
  // File times are the machine's, not the platform's (possibly skewed) clock.
  const cutoff = Date.now() - deps.timing.uploadTtlSeconds * 1000;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const id = name.endsWith('.part') ? name.slice(0, -5) : undefined;
    if (!id || inUse.includes(id) || swept.openUploads.includes(id)) continue;
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (!info || info.mtimeMs > cutoff || (await deps.store.getUpload(id))) continue;
    await rm(join(dir, name), { force: true });
    partialFiles++;
  }
  return {
    sessions: swept.sessions,
    uploads: swept.openUploads.length + swept.doneUploads,
    partialFiles,
    limiterKeys: deps.limiter.prune(),
  };
}
