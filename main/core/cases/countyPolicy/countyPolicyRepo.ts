import type { Db } from '../../kernel/store/types';

/** One published parameter as kept (migration 0900): the value as JSON text, and the reason when it was not applied. */
export interface HeldPolicy {
  key: string;
  valueJson: string;
  effectiveFrom: string;
  publishedBy: string | null;
  publishedAt: string;
  receivedAt: string;
  refusal: string | null;
}

interface Row {
  policy_key: string;
  value: string;
  effective_from: string;
  published_by: string | null;
  published_at: string;
  received_at: string;
  refusal: string | null;
}

/** Every parameter the county published through the platform, applied or not (table county_policy). */
export class CountyPolicyRepo {
  constructor(private readonly db: Db) {}

  /** Keep one; the same publication delivered again (a repeated page, a rebuilt feed) is left as it was. Returns whether it was new. */
  put(p: HeldPolicy): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO county_policy (policy_key, value, effective_from, published_by, published_at, received_at, refusal)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(policy_key, published_at, effective_from, value) DO NOTHING`,
        )
        .run(p.key, p.valueJson, p.effectiveFrom, p.publishedBy, p.publishedAt, p.receivedAt, p.refusal).changes === 1
    );
  }

  /** The last one kept (rows are only ever added): a change of what is held, for caches. */
  latestId(): number | null {
    return (this.db.prepare('SELECT max(id) FROM county_policy').pluck().get() as number | null) ?? null;
  }

  /** Every one held, in the order the county published them (the platform's time, then arrival). */
  all(): HeldPolicy[] {
    const rows = this.db
      .prepare(
        'SELECT policy_key, value, effective_from, published_by, published_at, received_at, refusal FROM county_policy ORDER BY published_at, id',
      )
      .all() as Row[];
    return rows.map((r) => ({
      key: r.policy_key,
      valueJson: r.value,
      effectiveFrom: r.effective_from,
      publishedBy: r.published_by,
      publishedAt: r.published_at,
      receivedAt: r.received_at,
      refusal: r.refusal,
    }));
  }
}
