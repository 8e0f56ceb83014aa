import type { Db } from '../../kernel/store/types';

/** The sync_state table: the engine's small named values (cursor, settings, hardware marks, anchors…). */

export function readSyncValue(db: Db, key: string): string | undefined {
  const r = db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: unknown } | undefined;
  return r ? String(r.value) : undefined;
}

/** Write a value; null deletes it. */
export function writeSyncValue(db: Db, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
  else
    db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
