import type { ReferenceTable } from '../../../../common/cases/referenceTables';
import type { Db } from '../../kernel/store/types';

export interface PublishedVersion {
  table: ReferenceTable;
  version: number;
  /** The table's data as read by its schema (common/cases/referenceTables.ts). */
  data: unknown;
  effectiveFrom: string;
  publishedBy: string | null;
  /** When the platform put it in the feed. */
  publishedAt: string;
  receivedAt: string;
}

interface Row {
  version: number;
  data: string;
  effective_from: string;
  published_by: string | null;
  published_at: string;
  received_at: string;
}

/** Every version of the county reference tables the platform published (migration 0870). */
export class PublishedReferenceRepo {
  constructor(private readonly db: Db) {}

  has(table: ReferenceTable, version: number): boolean {
    return this.db.prepare('SELECT 1 FROM published_reference WHERE ref_table = ? AND version = ?').get(table, version) !== undefined;
  }

  /** Newest version first. */
  versions(table: ReferenceTable): PublishedVersion[] {
    const rows = this.db
      .prepare(
        'SELECT version, data, effective_from, published_by, published_at, received_at FROM published_reference WHERE ref_table = ? ORDER BY version DESC',
      )
      .all(table) as Row[];
    return rows.map((r) => ({
      table,
      version: r.version,
      data: JSON.parse(r.data) as unknown,
      effectiveFrom: r.effective_from,
      publishedBy: r.published_by,
      publishedAt: r.published_at,
      receivedAt: r.received_at,
    }));
  }

  /** The newest version held, whatever its day (a change of the table's version, for caches). */
  latestVersion(table: ReferenceTable): number | null {
    return (
      (this.db.prepare('SELECT max(version) FROM published_reference WHERE ref_table = ?').pluck().get(table) as number | null) ?? null
    );
  }

  /** Keep a version; one delivered again is left as it was. */
  put(v: PublishedVersion): void {
    this.db
      .prepare(
        `INSERT INTO published_reference (ref_table, version, data, effective_from, published_by, published_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(ref_table, version) DO NOTHING`,
      )
      .run(v.table, v.version, JSON.stringify(v.data), v.effectiveFrom, v.publishedBy, v.publishedAt, v.receivedAt);
  }
}
