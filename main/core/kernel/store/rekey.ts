import { JiuzhuError } from '../../../../common/contract/errors';
import { rawKeyPragma } from './sqlite';
import type { Db } from './types';

/**
 * Re-encryption of the open database with a new key (sqlite3mc `PRAGMA rekey`), in two steps
 * so the caller can commit its keyring change in between. sqlite3mc refuses to rekey in WAL
 * mode: `leaveWal` checkpoints and empties the WAL and switches the journal to DELETE, which
 * needs this to be the only connection (another process holding the database open gets
 * STORE_IN_USE, with nothing changed); `rekeyAndReturnToWal` rewrites every page under the new
 * key in one rollback-journal transaction and goes back to WAL; `returnToWal` undoes the first
 * step when the caller gives up.
 */
export function leaveWal(db: Db): void {
  const inUse = () => new JiuzhuError('STORE_IN_USE');
  let mode: unknown;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    mode = db.pragma('journal_mode = DELETE', { simple: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw inUse();
    throw e;
  }
  if (mode !== 'delete') throw inUse();
}

export function returnToWal(db: Db): void {
  const back = db.pragma('journal_mode = WAL', { simple: true });
  if (back !== 'wal') throw new Error(`could not return to WAL (got ${String(back)})`);
}

export function rekeyAndReturnToWal(db: Db, newKey: Uint8Array): void {
  try {
    db.pragma(rawKeyPragma(newKey).replace(/^key=/, 'rekey='));
  } finally {
    returnToWal(db);
  }
  // Read the schema under the new key: proves it, and settles the connection (a checkpoint
  // straight after sqlite3mc's rekey otherwise reports "database table is locked").
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}
