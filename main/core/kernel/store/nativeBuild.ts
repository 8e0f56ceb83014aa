import { openSqlite } from './sqlite';
import type { Db } from './types';

/**
 * The mark the station's own build of SQLite3 Multiple Ciphers carries in `sqlite3mc_version()`:
 * checkpoints copy the encrypted WAL frames as stored instead of decrypting and re-encrypting
 * each page (scripts/native/sqlite3mcPatch.js, README.md "Native builds").
 */
export const CHECKPOINT_COPY_MARK = '+jiuzhu-ckpt-copy-raw-';

export interface SqliteBuild {
  /** e.g. "SQLite3 Multiple Ciphers 2.3.5 +jiuzhu-ckpt-copy-raw-1" */
  cipherVersion: string;
  sqliteVersion: string;
  /** False on a stock build: it stores the same format, its checkpoints just cost ~3× more CPU. */
  checkpointCopy: boolean;
}

/** The build loaded by this process (or the given binding), asked through a throwaway in-memory database. */
export function loadedSqliteBuild(nativeBinding?: string): SqliteBuild {
  const db = openSqlite(':memory:', null, { plain: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return sqliteBuild(db);
  } finally {
    db.close();
  }
}

export function sqliteBuild(db: Db): SqliteBuild {
  const row = db.prepare('SELECT sqlite3mc_version() AS mc, sqlite_version() AS v').get() as { mc: string; v: string };
  return { cipherVersion: row.mc, sqliteVersion: row.v, checkpointCopy: row.mc.includes(CHECKPOINT_COPY_MARK) };
}
