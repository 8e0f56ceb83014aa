import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { blobPath } from '../blob/paths';
import type { PlatformStore } from '../store/types';

/**
 * Keep the files of a filing (an online application's papers and signatures) under their SHA-256,
 * each written to a temporary name of the filing and renamed into place. Answers the hashes whose
 * file this filing made (none was there before); if a write fails, those are removed and the error
 * thrown.
 */
export async function keepFiledBlobs(dataDir: string, filingId: string, files: ReadonlyMap<string, Buffer>): Promise<string[]> {
  const made: string[] = [];
  try {
    for (const [sha256, bytes] of files) {
      const target = blobPath(dataDir, sha256);
      const existed = await access(target).then(
        () => true,
        () => false,
      );
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.${filingId}.tmp`;
      try {
        await writeFile(temp, bytes);
        await rename(temp, target);
      } finally {
        await rm(temp, { force: true });
      }
      if (!existed) made.push(sha256);
    }
  } catch (e) {
    for (const sha256 of made) await rm(blobPath(dataDir, sha256), { force: true });
    throw e;
  }
  return made;
}

/**
 * After a filing's row was not written: remove the files it made that no row of any station holds
 * (another station may hold the same bytes, filed or uploaded meanwhile; that file stays).
 */
export async function removeUnheldBlobs(store: PlatformStore, dataDir: string, made: readonly string[]): Promise<void> {
  if (made.length === 0) return;
  const held = new Set(await store.heldBlobs(made));
  for (const sha256 of made) if (!held.has(sha256)) await rm(blobPath(dataDir, sha256), { force: true });
}
