import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PlatformDeps } from '../context';
import { uploadPath } from '../blob/paths';

export interface SweepReport {
  /** Expired sessions deleted. */
  sessions: number;
  /** Expired uploads deleted (unfinished ones with their partial files, and finished ones). */
  uploads: number;
  /** Partial files deleted: of expired uploads, and older ones no upload row names (a crash between file and row). */
  partialFiles: number;
  /** Blob files deleted that no row of any station holds (a filing or an upload cut between file and row), and their leftover temporary files. */
  blobFiles: number;
  /** Rate-limit counters forgotten (their window is over). */
  limiterKeys: number;
}

/**
 * Delete what has expired, on the platform's clock: sessions, uploads (an upload in use by a
 * request is left for the next round) and their partial files, orphaned partial files older than
 * an upload's lifetime, blob files that no station holds and temporary blob files, older than an
 * upload's lifetime too (the grace that keeps a filing or an upload in progress), and rate-limit
 * counters whose window is over.
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
    blobFiles: await sweepUnheldBlobs(deps, cutoff),
    limiterKeys: deps.limiter.prune(),
  };
}

const BLOB_NAME = /^[0-9a-f]{64}$/;

/**
 * Blob files (`blobs/ab/abcd…`) last written before `cutoff` that no `blobs` row of any station
 * names, and temporary files (`….tmp`) of a write that never finished; each is looked at again just
 * before it goes, so one a filing has just rewritten stays.
 */
async function sweepUnheldBlobs(deps: PlatformDeps, cutoff: number): Promise<number> {
  const root = join(deps.dataDir, 'blobs');
  const old: string[] = [];
  for (const dir of await readdir(root).catch(() => [] as string[]))
    for (const name of await readdir(join(root, dir)).catch(() => [] as string[])) {
      const info = await stat(join(root, dir, name)).catch(() => undefined);
      if (info?.isFile() && info.mtimeMs <= cutoff && (BLOB_NAME.test(name) || name.endsWith('.tmp'))) old.push(join(dir, name));
    }
  const held = new Set(await deps.store.heldBlobs(old.map((p) => basename(p)).filter((n) => BLOB_NAME.test(n))));
  let removed = 0;
  for (const path of old) {
    if (held.has(basename(path))) continue;
    const info = await stat(join(root, path)).catch(() => undefined);
    if (!info || info.mtimeMs > cutoff) continue;
    await rm(join(root, path), { force: true });
    removed++;
  }
  return removed;
}
