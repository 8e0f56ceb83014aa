import { existsSync } from 'node:fs';
import { JiuzhuError } from '../../../../common/contract/errors';
import { runMigrations, type Migration } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { sqliteBuild } from './nativeBuild';
import { openSqlite, type OpenOptions } from './sqlite';
import type { Db, Logger } from './types';
import { noLogger } from './types';

export interface OpenStoreOptions extends OpenOptions {
  /** Create the file when missing (first-run setup only; otherwise a missing DB is an error). */
  create?: boolean;
  /**
   * 'full' runs PRAGMA integrity_check at open (default), 'quick' runs quick_check, 'none' runs
   * neither (the station's login: the full check runs after it, see integrityCheck.ts).
   */
  check?: 'full' | 'quick' | 'none';
  migrations?: readonly Migration[];
  logger?: Logger;
}

/**
 * Connection settings, in this order:
 * - journal_mode=WAL: readers never block the writer; commits append to the WAL.
 * - synchronous=FULL: in WAL mode FULL fsyncs the WAL at every commit, so a transaction that
 *   returned is on disk even after power loss. NORMAL would only fsync at checkpoints and may lose
 *   the last commits on power loss (it stays consistent, but a clerk's saved intake could vanish).
 * - foreign_keys=ON, temp_store=MEMORY (sorts and temp tables never spill to a plaintext file),
 *   busy_timeout so the backup reader and the writer wait for each other instead of failing,
 *   cache_size 32 MiB (the encrypted store pays a decrypt per cache miss),
 *   wal_autocheckpoint 4000 pages (16 MiB of WAL): fewer, larger checkpoints than SQLite's default
 *   of 1000 (each checkpoint fsyncs the database file; a page written by several commits is copied
 *   once). Checkpoints copy the encrypted frames as stored (the station's sqlite3mc build, README.md
 *   "Native builds"); with a stock build each copied page is decrypted and re-encrypted, where 4000
 *   measured clearly better than 1000 (docs/BENCHMARKS.md, store). The WAL is truncated at close,
 *   and a crash only means a longer (committed-data-preserving) WAL replay.
 * No mmap (encrypted pages cannot be mapped) and no page size other than the cipher's 4096 (existing
 * SQLCipher 4 databases would not open; legacyCompat.test.ts).
 */
export function configureConnection(db: Db): void {
  if (!db.readonly) {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`could not enable WAL (got ${String(mode)})`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  // A larger page cache matters more with encryption: every cache miss is a page decrypt.
  db.pragma('cache_size = -32768'); // 32 MiB
  db.pragma('wal_autocheckpoint = 4000');
}

export function integrityProblems(db: Db, mode: 'full' | 'quick' = 'full'): string[] {
  const rows = db.pragma(mode === 'full' ? 'integrity_check' : 'quick_check') as Record<string, string>[];
  const lines = rows.map((r) => Object.values(r)[0] ?? '');
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

/**
 * Open the station database with its key: configure, check integrity, migrate. A damaged file
 * is refused with STORE_DB_DAMAGED (never repaired or replaced silently), a newer one with
 * STORE_DB_TOO_NEW, a wrong key with STORE_KEY_MISMATCH.
 */
export function openStore(path: string, key: Uint8Array, options: OpenStoreOptions = {}): Db {
  const logger = options.logger ?? noLogger;
  if (!options.create && !existsSync(path)) throw new JiuzhuError('STORE_NOT_INITIALIZED', {}, { missing: 'database' });
  let db: Db;
  try {
    db = openSqlite(path, key, options);
  } catch (e) {
    if (e instanceof JiuzhuError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT') throw new JiuzhuError('STORE_DB_DAMAGED', { detail: code });
    throw e;
  }
  try {
    configureConnection(db);
    const started = performance.now();
    const check = options.check ?? 'full';
    const problems = check === 'none' ? [] : integrityProblems(db, check);
    if (problems.length > 0) {
      logger.log('error', 'store.integrity_failed', { problems: problems.slice(0, 5) });
      throw new JiuzhuError('STORE_DB_DAMAGED', { detail: problems[0]!.slice(0, 80) }, { problems: problems.slice(0, 20) });
    }
    const migrated = options.readonly ? null : runMigrations(db, options.migrations ?? MIGRATIONS);
    const build = sqliteBuild(db);
    logger.log('info', 'store.opened', {
      checkMs: Math.round(performance.now() - started),
      sqlite: build.cipherVersion,
      ...(migrated ?? {}),
    });
    if (!build.checkpointCopy) logger.log('warn', 'store.stock_sqlite_build', { sqlite: build.cipherVersion });
    return db;
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw new JiuzhuError('STORE_DB_DAMAGED', { detail: code });
    throw e;
  }
}

/** Checkpoint the WAL into the main file and close (after this the -wal file is empty or gone). */
export function closeStore(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
