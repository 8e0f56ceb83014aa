import type { RunContext } from './context';
import { downloadRemoteBlob } from './download';
import { TransportError } from './http';
import { recentRemoteBlobs } from './remoteBlobRepo';

const DAY_MS = 86_400_000;

/**
 * At the end of a run, fetch the blobs of station cases pulled in the last `days` days (newest
 * first, at most `maxBytes` of plaintext), so a clerk opening such a case at the counter does not
 * wait on a slow line. Best effort: a link that fails ends the prefetch (the run stays a success;
 * what arrived is kept and resumes on demand or next run), a refused blob is marked as such.
 */
export async function prefetchRecent(ctx: RunContext, options: { days: number; maxBytes: number }): Promise<void> {
  if (options.days <= 0 || options.maxBytes <= 0) return;
  const since = new Date(ctx.clock.now().getTime() - options.days * DAY_MS).toISOString();
  let budget = options.maxBytes;
  for (const ref of recentRemoteBlobs(ctx.db, since, 500)) {
    if (ref.size > budget) continue;
    budget -= ref.size;
    try {
      await downloadRemoteBlob(ctx, ref, { attempts: 2 });
    } catch (e) {
      if (e instanceof TransportError) {
        ctx.logger.log('info', 'sync.prefetch.stopped', { code: e.code });
        return;
      }
      throw e;
    }
  }
}
