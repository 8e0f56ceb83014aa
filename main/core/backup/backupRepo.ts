import type { Db } from '../kernel/store/types';

/** What backups read from a store and its snapshot: checks, counts and the statements that copy it. */

/** Rows that break a foreign key (PRAGMA foreign_key_check). */
export function foreignKeyViolationCount(db: Db): number {
  return (db.pragma('foreign_key_check') as unknown[]).length;
}

/** Write a consistent copy of the open store to `path` (VACUUM INTO). */
export function vacuumInto(db: Db, path: string): void {
  db.prepare('VACUUM INTO ?').run(path);
}

/** The newest audit row's seq and hash (the chain head a manifest names). */
export function auditHeadRow(db: Db): { seq: number; hash: Buffer } | undefined {
  return db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: Buffer } | undefined;
}

export function attachmentCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM attachment').get() as { n: number }).n;
}

/** A snapshot leaves WAL for a single-file journal, so the copy is one self-contained file. */
export function useRollbackJournal(db: Db): void {
  db.pragma('journal_mode = DELETE');
}

/** The crypto suite the sync registration pinned, if registered. */
export function pinnedSyncSuite(db: Db): string | undefined {
  return db.prepare('SELECT suite FROM sync_registration WHERE id = 1').pluck().get() as string | undefined;
}
