import type { JiuzhuError } from '../../../../common/contract/errors';
import type { PullItem } from '../../../../common/sync/pull';
import type { Db } from '../../kernel/store/types';
import { deletePulledItems, keepPulledItem } from './pulledItemRepo';

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

/**
 * The handlers of pulled item kinds. core.ts builds one and hands it to the sync engine and, through
 * CoreDeps, to every feature that claims kinds (cases claims `case` and its reference tables,
 * after-acceptance decisions and warnings, …); kinds nobody claims go to the `pulled_item` table so
 * nothing pulled is ever lost.
 */
export class PullHandlers {
  private readonly entries = new Map<string, Entry>();

  /**
   * Claim one item kind (`decision`, `case`, … or a newer kind), or one reference table as
   * `reference:<table>` (e.g. `reference:working-days`). Returns the function that gives it up.
   */
  register(kind: string, apply: PullHandler, options: { reset?: (db: Db) => void } = {}): () => void {
    const entry: Entry = { apply, ...(options.reset ? { reset: options.reset } : {}) };
    this.entries.set(kind, entry);
    return () => {
      if (this.entries.get(kind) === entry) this.entries.delete(kind);
    };
  }

  /** Apply an item with its kind's handler, or keep it; a refused item is kept too, and its refusal returned. */
  apply(db: Db, item: PulledItem, pulledAt: string): JiuzhuError | null {
    const entry = this.handlerOf(item);
    const refused = entry ? (entry.apply(db, item) ?? null) : null;
    if (!entry || refused) storePulledItem(db, item, pulledAt);
    return refused;
  }

  /** mustRefetch: every handler drops what it pulled, and the default table is emptied. */
  reset(db: Db): void {
    for (const entry of this.entries.values()) entry.reset?.(db);
    deletePulledItems(db);
  }

  /** A reference table's own handler (`reference:<table>`) before the kind's, so a feature claims only the tables it uses. */
  private handlerOf(item: PulledItem): Entry | undefined {
    const table = (item as Record<string, unknown>)['table'];
    return (
      (item.kind === 'reference' && typeof table === 'string' ? this.entries.get(`reference:${table}`) : undefined) ??
      this.entries.get(String(item.kind))
    );
  }
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
  keepPulledItem(db, {
    kind: String(item.kind),
    itemKey: itemKey(item),
    version: typeof r['version'] === 'number' ? r['version'] : 0,
    feedSeq: typeof r['feedSeq'] === 'number' ? r['feedSeq'] : 0,
    bodyJson: JSON.stringify(item),
    pulledAt,
  });
}
