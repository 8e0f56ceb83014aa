import type { Db } from '../../kernel/store/types';

/** The pulled_item table: pulled items no handler applied (kinds nobody claims, and refused items), kept as they came. */

/** Keep an item; one already kept is replaced unless it has a higher version. */
export function keepPulledItem(
  db: Db,
  r: { kind: string; itemKey: string; version: number; feedSeq: number; bodyJson: string; pulledAt: string },
): void {
  db.prepare(
    `INSERT INTO pulled_item (kind, item_key, version, feed_seq, body, pulled_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(kind, item_key) DO UPDATE SET version = excluded.version, feed_seq = excluded.feed_seq, body = excluded.body, pulled_at = excluded.pulled_at
     WHERE excluded.version >= pulled_item.version`,
  ).run(r.kind, r.itemKey, r.version, r.feedSeq, r.bodyJson, r.pulledAt);
}

export function deletePulledItems(db: Db): void {
  db.prepare('DELETE FROM pulled_item').run();
}
