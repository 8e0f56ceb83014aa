import type { Db } from '../../kernel/store/types';

/** The sync_run table: one row per run, its outcome and counts. */

export type RunDbRow = Record<string, unknown>;

export function insertRun(db: Db, trigger: string, startedAt: string): number {
  return Number(db.prepare('INSERT INTO sync_run (trigger, started_at) VALUES (?, ?)').run(trigger, startedAt).lastInsertRowid);
}

export function closeRun(
  db: Db,
  id: number,
  r: { finishedAt: string; outcome: string; summaryJson: string; errorCode: string | null; errorMessage: string | null },
): void {
  db.prepare('UPDATE sync_run SET finished_at = ?, outcome = ?, summary = ?, error_code = ?, error_message = ? WHERE id = ?').run(
    r.finishedAt,
    r.outcome,
    r.summaryJson,
    r.errorCode,
    r.errorMessage,
    id,
  );
}

export function recentRunRows(db: Db, limit: number): RunDbRow[] {
  return db.prepare('SELECT * FROM sync_run ORDER BY id DESC LIMIT ?').all(limit) as RunDbRow[];
}

export function cancelRunningRuns(db: Db, finishedAt: string): void {
  db.prepare("UPDATE sync_run SET outcome = 'cancelled', finished_at = ? WHERE outcome = 'running'").run(finishedAt);
}
