import type { JiuzhuError } from '../../../../common/contract/errors';
import type { PullItem } from '../../../../common/sync/pull';
import type { Db } from '../../kernel/store/types';

/** A pulled item as a handler receives it: a known kind (validated) or an unknown one (raw). */
export type PulledItem = PullItem | ({ kind: string; feedSeq?: number } & Record<string, unknown>);

/**
 * Applies one pulled item inside the pull page's transaction. Must be idempotent (items can come
 * again after mustRefetch). An item it cannot read with its kind's schema (sync-protocol/records/
 * `readPullItem`) is refused: the handler returns the typed error naming the kind and the first
 * issue, and the item is kept in pulled_item.
 */
export type PullHandler = (db: Db, item: PulledItem) => JiuzhuError | void;

interface Entry {
  apply: PullHandler;
  /** Called inside the transaction of a mustRefetch, before the feed is pulled again: drop what was pulled. */
  reset?: (db: Db) => void;
}

const handlers = new Map<string, Entry>();

/**
 * Register the handler of one item kind (decision, warning, reference, policy, case, or a newer
 * kind). The cases capability registers decisions and warnings; kinds nobody claims go to the
 * `pulled_item` table so nothing pulled is ever lost.
 */
export function registerPullHandler(kind: string, apply: PullHandler, options: { reset?: (db: Db) => void } = {}): () => void {
  const entry: Entry = { apply, ...(options.reset ? { reset: options.reset } : {}) };
  handlers.set(kind, entry);
  return () => {
    if (handlers.get(kind) === entry) handlers.delete(kind);
  };
}

/** The key of an item in pulled_item: what makes two deliveries of it the same item. */
export function itemKey(item: PulledItem): string {
  const r = item as Record<string, unknown>;
  for (const field of ['id', 'caseId', 'table', 'key']) if (typeof r[field] === 'string') return r[field];
  return `feed:${String(r['feedSeq'] ?? '?')}`;
}

/** The default: keep the item in pulled_item; a case keeps its highest version, others are replaced. */
export function storePulledItem(db: Db, item: PulledItem, pulledAt: string): void {
  const r = item as Record<string, unknown>;
  const version = typeof r['version'] === 'number' ? r['version'] : 0;
  const feedSeq = typeof r['feedSeq'] === 'number' ? r['feedSeq'] : 0;
  db.prepare(
    `INSERT INTO pulled_item (kind, item_key, version, feed_seq, body, pulled_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(kind, item_key) DO UPDATE SET version = excluded.version, feed_seq = excluded.feed_seq, body = excluded.body, pulled_at = excluded.pulled_at
     WHERE excluded.version >= pulled_item.version`,
  ).run(String(item.kind), itemKey(item), version, feedSeq, JSON.stringify(item), pulledAt);
}

/**
 * The handler of an item: a reference table's own (`reference:<table>`, e.g. `reference:working-days`)
 * before the kind's, so a feature claims the tables it uses and the rest stay kept in pulled_item.
 */
function handlerOf(item: PulledItem): Entry | undefined {
  const table = (item as Record<string, unknown>)['table'];
  return (
    (item.kind === 'reference' && typeof table === 'string' ? handlers.get(`reference:${table}`) : undefined) ??
    handlers.get(String(item.kind))
  );
}

/** Apply an item with its kind's handler, or keep it; a refused item is kept too, and its refusal returned. */
export function applyPulledItem(db: Db, item: PulledItem, pulledAt: string): JiuzhuError | null {
  const entry = handlerOf(item);
  const refused = entry ? (entry.apply(db, item) ?? null) : null;
  if (!entry || refused) storePulledItem(db, item, pulledAt);
  return refused;
}

/** mustRefetch: every handler drops what it pulled, and the default table is emptied. */
export function resetPulled(db: Db): void {
  for (const entry of handlers.values()) entry.reset?.(db);
  db.prepare('DELETE FROM pulled_item').run();
}
